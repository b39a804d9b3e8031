/**
 * Which failures are retried, and how long to wait: exponential backoff with jitter, or Retry-After
 * if longer. The rule is "retry what OFS did not do":
 * - 429: OFS refused the request without acting on it, so any method may be sent again;
 * - a connection that never opened: nothing left this machine, so any method;
 * - 500/502/503/504, a broken connection or a timeout: the request may have reached OFS, so only
 *   methods that can be repeated with the same effect (GET, PUT, DELETE, HEAD, or `retrySafe`).
 * Two budgets: faults (everything but 429) count against `maxRetries`; a 429 is not a fault, it
 * says when to come back, so 429s spend `rateLimitWait`, the time a call may wait on them in all.
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

/** Whether the policy retries nothing at all, so a call need not enter the retry machinery. */
export const retriesNothing = (policy: OfscRetryPolicy): boolean =>
  policy.maxRetries === 0 && Duration.isZero(policy.rateLimitWait)

const retryAfterOf = (error: OfscError): Duration.Duration =>
  error._tag === "OfscRateLimited" || error._tag === "OfscServerError"
    ? Option.getOrElse(error.retryAfter, () => Duration.zero)
    : Duration.zero

/** `Schedule.jittered` stretches a delay by up to this factor. */
const jitterAtMost = 1.2

/** What a call has spent of its budgets, counting the retry about to be made. */
interface Spent {
  /** Retries of either kind: the backoff's exponent. */
  readonly retries: number
  readonly faults: number
  /** The 429 waits, each counted at its longest (jitter at its top), so the budget bounds them. */
  readonly rateLimitWaited: Duration.Duration
  /** This retry's backoff before jitter, and the wait its answer asked for. */
  readonly backoff: Duration.Duration
  readonly retryAfter: Duration.Duration
}

const nothingSpent: Spent = {
  retries: 0,
  faults: 0,
  rateLimitWaited: Duration.zero,
  backoff: Duration.zero,
  retryAfter: Duration.zero
}

/** What is spent after `before` once `error` is retried. */
const spend =
  (policy: OfscRetryPolicy) =>
  (before: Spent, error: OfscError): Spent => {
    // capped before jitter, so it never grows past what a delay can be (and stays a finite number)
    const backoff = Duration.min(Duration.times(policy.baseDelay, 2 ** Math.min(before.retries, 30)), policy.maxDelay)
    const retryAfter = retryAfterOf(error)
    const longest = Duration.max(Duration.min(Duration.times(backoff, jitterAtMost), policy.maxDelay), retryAfter)
    const rateLimited = error._tag === "OfscRateLimited"
    return {
      retries: before.retries + 1,
      faults: rateLimited ? before.faults : before.faults + 1,
      rateLimitWaited: rateLimited ? Duration.sum(before.rateLimitWaited, longest) : before.rateLimitWaited,
      backoff,
      retryAfter
    }
  }

/** Whether a retry that would have spent `spent` is within both budgets. */
const withinBudgets =
  (policy: OfscRetryPolicy) =>
  (spent: Spent): boolean =>
    spent.faults <= policy.maxRetries && Duration.lessThanOrEqualTo(spent.rateLimitWaited, policy.rateLimitWait)

/** The schedule for one operation under a policy. */
export const retrySchedule = <E extends OfscError>(
  policy: OfscRetryPolicy,
  idempotent: boolean
): Schedule.Schedule<unknown, E> => {
  const next = spend(policy)
  // a fold answers what was spent before this failure; with the failure itself is what it would spend
  const spentBefore = Schedule.identity<E>().pipe(Schedule.reduce(nothingSpent, next))
  return Schedule.intersect(spentBefore, Schedule.identity<E>()).pipe(
    Schedule.map(([before, error]) => next(before, error)),
    Schedule.whileOutput(withinBudgets(policy)),
    Schedule.addDelay((spent) => spent.backoff),
    Schedule.jittered,
    Schedule.modifyDelay((spent, delay) => Duration.max(Duration.min(delay, policy.maxDelay), spent.retryAfter)),
    Schedule.whileInput((error: E) => isRetryable(error, idempotent))
  )
}
