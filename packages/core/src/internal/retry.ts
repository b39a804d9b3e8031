/** Which failures are retried, and how long to wait: exponential backoff with jitter, or Retry-After if longer. */
import { Duration, Option, Schedule } from "effect"
import type { OfscRetryPolicy } from "../OfscConfig.js"
import type { OfscError } from "../OfscError.js"

const retriedStatuses = new Set([429, 502, 503, 504])

/**
 * A connection that never opened can be retried for any method; anything that may have reached OFS
 * only when the operation is idempotent.
 */
export const isRetryable = (error: OfscError, idempotent: boolean): boolean => {
  switch (error._tag) {
    case "OfscTransportError":
      return error.reason === "Connect" || idempotent
    case "OfscRateLimited":
    case "OfscServerError":
      return idempotent && retriedStatuses.has(error.status)
    default:
      return false
  }
}

const retryAfterOf = (error: OfscError): Duration.Duration =>
  error._tag === "OfscRateLimited" || error._tag === "OfscServerError"
    ? Option.getOrElse(error.retryAfter, () => Duration.zero)
    : Duration.zero

/** The schedule for one operation under a policy. */
export const retrySchedule = (policy: OfscRetryPolicy, idempotent: boolean): Schedule.Schedule<unknown, OfscError> =>
  Schedule.exponential(policy.baseDelay).pipe(
    Schedule.jittered,
    Schedule.modifyDelay((_, delay) => Duration.min(delay, policy.maxDelay)),
    Schedule.intersect(Schedule.identity<OfscError>()),
    Schedule.modifyDelay(([, error], delay) => Duration.max(delay, retryAfterOf(error))),
    Schedule.intersect(Schedule.recurs(policy.maxRetries)),
    Schedule.whileInput((error: OfscError) => isRetryable(error, idempotent))
  )
