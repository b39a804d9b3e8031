/**
 * A stream of effects' results in the order they were started, with a bounded number running at
 * once: what parallel paging needs (pages fetched several at a time, items out in order).
 * `Stream.mapEffect` with `concurrency` does the same through a queue and a fiber per element,
 * which measured about twice the per-page cost of this pull over a window of forked fibers
 * (tooling/bench/README.md, "Paging").
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"

/**
 * Runs `run(from)` for each `from` of `starts`, at most `window` at once (forked in the stream's
 * scope, so any still running when the stream ends are interrupted), and emits their results in
 * the order of `starts`. The stream ends after a result `isLast` accepts, or when `starts` runs
 * out. A failed run fails the stream at its turn, after every result before it; none is run twice.
 * A run's result is emitted only once the next ones are started, so fetching continues while the
 * consumer works.
 */
export const orderedRuns = <A, E>(
  starts: Iterator<number>,
  window: number,
  run: (from: number) => Effect.Effect<A, E>,
  isLast: (result: A) => boolean
): Stream.Stream<A, E> =>
  Stream.unwrapScoped(
    Effect.map(Effect.scope, (scope) => {
      const inFlight: Array<Fiber.RuntimeFiber<A, E>> = []
      let exhausted = false
      let done = false
      const fill: Effect.Effect<void> = Effect.suspend(() => {
        if (done || exhausted || inFlight.length >= window) return Effect.void
        const next = starts.next()
        if (next.done === true) {
          exhausted = true
          return Effect.void
        }
        return Effect.flatMap(Effect.forkIn(run(next.value), scope), (fiber) => {
          inFlight.push(fiber)
          return fill
        })
      })
      const pull: Effect.Effect<Chunk.Chunk<A>, Option.Option<E>> = Effect.suspend(() => {
        if (done) return Effect.fail(Option.none())
        return Effect.flatMap(fill, () => {
          const oldest = inFlight.shift()
          if (oldest === undefined) return Effect.fail(Option.none())
          return Effect.matchEffect(Fiber.join(oldest), {
            onFailure: (error) => {
              done = true
              return Effect.fail(Option.some(error))
            },
            onSuccess: (result) => {
              if (!isLast(result)) return Effect.as(fill, Chunk.of(result))
              done = true
              return Effect.as(Fiber.interruptAll(inFlight.splice(0)), Chunk.of(result))
            }
          })
        })
      })
      return Stream.repeatEffectChunkOption(pull)
    })
  )
