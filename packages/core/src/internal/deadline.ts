/**
 * A per-attempt timeout that costs one forked fiber and one timer. `Effect.timeoutFail` races the
 * call against a sleeping fiber, which measured about twice as expensive on the hot path.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"

/** Fails with `onTimeout()` when `self` takes longer than `millis`; the late call is interrupted (and aborted). */
export const withDeadline = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  Effect.flatMap(Effect.fork(self), (fiber) => {
    let expired = false
    const timer = setTimeout(() => {
      expired = true
      fiber.unsafeInterruptAsFork(FiberId.none)
    }, millis)
    return Fiber.join(fiber).pipe(
      Effect.ensuring(Effect.sync(() => clearTimeout(timer))),
      Effect.catchAllCause(
        (cause): Effect.Effect<never, E | E2> =>
          expired && Cause.isInterruptedOnly(cause) ? Effect.fail(onTimeout()) : Effect.failCause(cause)
      )
    )
  })
