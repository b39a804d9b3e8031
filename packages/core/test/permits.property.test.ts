import { it } from "@effect/vitest"
import { Deferred, Effect, Exit, Fiber } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { Permits } from "../src/internal/permits.js"

/** One call in a generated schedule: when it ends, and whether (and when) it is interrupted. */
interface Task {
  /** How many scheduler steps it holds its permit. */
  readonly holdSteps: number
  /** Interrupted after this many steps from the start, if set (while waiting or while holding). */
  readonly interruptAt: number | undefined
  /** Fails instead of succeeding when it is done. */
  readonly fails: boolean
}

const task: fc.Arbitrary<Task> = fc.record({
  holdSteps: fc.integer({ min: 0, max: 4 }),
  interruptAt: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  fails: fc.boolean()
})

/**
 * Runs the tasks against `permits` one scheduler step at a time (a step is one `Effect.yieldNow`
 * of every fiber), recording how many hold a permit at once and in which order they got one.
 */
const runSchedule = (limit: number, tasks: ReadonlyArray<Task>) =>
  Effect.gen(function* () {
    const permits = new Permits(limit)
    let holding = 0
    let mostHolding = 0
    const started: Array<number> = []
    const fibers = []
    for (const [index, t] of tasks.entries()) {
      const entered = yield* Deferred.make<void>()
      const body = Effect.gen(function* () {
        holding++
        mostHolding = Math.max(mostHolding, holding)
        started.push(index)
        yield* Deferred.succeed(entered, undefined)
        for (let step = 0; step < t.holdSteps; step++) yield* Effect.yieldNow()
        holding--
        if (t.fails) return yield* Effect.fail("failed" as const)
        return index
      }).pipe(Effect.onInterrupt(() => Effect.sync(() => holding--).pipe(Effect.when(() => started.includes(index)))))
      fibers.push({ fiber: yield* Effect.fork(permits.withPermit(body)), entered, task: t })
    }
    for (let step = 0; step <= 12; step++) {
      for (const { fiber, task: t } of fibers) if (t.interruptAt === step) yield* Fiber.interruptFork(fiber)
      yield* Effect.yieldNow()
    }
    const exits = yield* Effect.forEach(fibers, ({ fiber }) => Fiber.await(fiber))
    return { exits, mostHolding, started, free: permits.free, holdingAtEnd: holding }
  })

describe("Permits", () => {
  it.effect("never lets more than the limit run, loses no permit, and runs every call it was not told to drop", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 4 }),
          fc.array(task, { minLength: 1, maxLength: 12 }),
          async (limit, tasks) => {
            const result = await Effect.runPromise(runSchedule(limit, tasks))
            expect(result.mostHolding).toBeLessThanOrEqual(limit)
            expect(result.free).toBe(limit)
            expect(result.holdingAtEnd).toBe(0)
            result.exits.forEach((exit, index) => {
              const t = tasks[index] as Task
              if (t.interruptAt === undefined) {
                // not interrupted: it ran, and ended as it was told to
                expect(Exit.isSuccess(exit) ? exit.value : "failed").toBe(t.fails ? "failed" : index)
              }
            })
          }
        ),
        { numRuns: 300 }
      )
    )
  )

  it.effect("waiters get their permit in the order they asked, and a newcomer cannot take a promised one", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10 }), async (limit, count) => {
          const tasks = Array.from({ length: count }, () => ({ holdSteps: 1, interruptAt: undefined, fails: false }))
          const result = await Effect.runPromise(runSchedule(limit, tasks))
          expect(result.started).toEqual(tasks.map((_, index) => index))
        }),
        { numRuns: 100 }
      )
    )
  )

  it.effect("a waiter interrupted after it was promised a permit passes it on", () =>
    Effect.gen(function* () {
      const permits = new Permits(1)
      const release = yield* Deferred.make<void>()
      const holder = yield* Effect.fork(permits.withPermit(Deferred.await(release)))
      yield* Effect.yieldNow()
      const waiter = yield* Effect.fork(permits.withPermit(Effect.void))
      const next = yield* Effect.fork(permits.withPermit(Effect.succeed("next")))
      yield* Effect.yieldNow()
      // the holder's release promises the permit to `waiter`, which is interrupted before it runs
      yield* Deferred.succeed(release, undefined)
      yield* Fiber.interruptFork(waiter)
      yield* Fiber.join(holder)
      expect(yield* Fiber.join(next)).toBe("next")
      expect(permits.free).toBe(1)
    })
  )
})
