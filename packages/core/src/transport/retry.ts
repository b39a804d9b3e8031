/**
 * The "retry" stage: a call's attempts again under the retry policy (internal/retry.ts: 429 for any
 * method after Retry-After; 5xx, broken connections and timeouts only for requests that can be
 * repeated), entered only after a first failure worth retrying, so a call that succeeds pays nothing.
 */
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { isRetryable, retriesNothing, retrySchedule } from "../internal/retry.js"
import type { OfscConfigShape } from "../OfscConfig.js"
import type { OfscError } from "../OfscError.js"

/** Fails with `first` on its first run and runs `effect` after that, so a schedule sees the failure that started it. */
const replayFirst = <A, E, R>(first: E, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
  let replayed = false
  return Effect.suspend(() => {
    if (replayed) return effect
    replayed = true
    return Effect.fail(first)
  })
}

/** Runs one attempt again while the policy allows; `idempotent` says whether the request may be repeated. */
export type Retried = <A>(once: Effect.Effect<A, OfscError>, idempotent: boolean) => Effect.Effect<A, OfscError>

/** The retry stage of one client; errors of the token service (`isAuthFailure`) are never retried here. */
export const makeRetry = (config: OfscConfigShape, isAuthFailure: (error: OfscError) => boolean): Retried => {
  if (retriesNothing(config.retry)) return (once) => once
  const notFromAuth = Schedule.whileInput((error: OfscError) => !isAuthFailure(error))
  const idempotentSchedule = retrySchedule<OfscError>(config.retry, true).pipe(notFromAuth)
  const otherSchedule = retrySchedule<OfscError>(config.retry, false).pipe(notFromAuth)
  return (once, idempotent) =>
    Effect.catchAll(once, (first) =>
      isRetryable(first, idempotent) && !isAuthFailure(first)
        ? Effect.retry(replayFirst(first, once), idempotent ? idempotentSchedule : otherSchedule)
        : Effect.fail(first)
    )
}
