/**
 * Which failures are retried, and how long to wait: exponential backoff with jitter, or Retry-After
 * if longer. The rule is "retry what OFS did not do":
 * - 429: OFS refused the request without acting on it, so any method may be sent again;
 * - a connection that never opened: nothing left this machine, so any method;
 * - 500/502/503/504, a broken connection or a timeout: the request may have reached OFS, so only
 *   methods that can be repeated with the same effect (GET, PUT, DELETE, HEAD, or `retrySafe`).
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import type { OfscRetryPolicy } from "../OfscConfig.js"
import type { OfscError } from "../OfscError.js"

const retriedServerStatuses = new Set([500, 502, 503, 504])

/** Whether `error` is worth another try of a request whose method is (or is not) idempotent. */
export const isRetryable = (error: OfscError, idempotent: boolean): boolean => {
  switch (error._tag) {
    case "OfscTransportError":
      return error.reason === "Connect" || idempotent
    case "OfscRateLimited":
      return true
    case "OfscServerError":
      return idempotent && retriedServerStatuses.has(error.status)
    default:
      return false
  }
}

const retryAfterOf = (error: OfscError): Duration.Duration =>
  error._tag === "OfscRateLimited" || error._tag === "OfscServerError"
    ? Option.getOrElse(error.retryAfter, () => Duration.zero)
    : Duration.zero

/** The schedule for one operation under a policy. */
export const retrySchedule = <E extends OfscError>(
  policy: OfscRetryPolicy,
  idempotent: boolean
): Schedule.Schedule<unknown, E> =>
  Schedule.exponential(policy.baseDelay).pipe(
    Schedule.jittered,
    Schedule.modifyDelay((_, delay) => Duration.min(delay, policy.maxDelay)),
    Schedule.intersect(Schedule.identity<E>()),
    Schedule.modifyDelay(([, error], delay) => Duration.max(delay, retryAfterOf(error))),
    Schedule.intersect(Schedule.recurs(policy.maxRetries)),
    Schedule.whileInput((error: E) => isRetryable(error, idempotent))
  )
