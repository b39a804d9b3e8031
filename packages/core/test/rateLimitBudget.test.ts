/**
 * 429s on a budget of their own: a call waits on 429s for up to `retry.rateLimitWait` in all, and
 * only faults (5xx, broken connections, timeouts) count against `maxRetries`.
 */
import { it } from "@effect/vitest"
import { Chunk, Duration, Effect, Either, Fiber, Option, TestClock } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import type { OfscConfigOptions } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { type Answer, testServer } from "./support/testServer.js"
import { getThing } from "./support/things.js"

type Failure = 429 | 503

/** Answers each status of `script` in turn (429 with `headers`), then `{ id: 1 }` for ever. */
const scripted = (script: ReadonlyArray<Failure>, headers: Record<string, string> = {}) => {
  let seen = 0
  return (): Answer => {
    const status = script[seen++]
    return status === undefined
      ? { json: { id: 1 } }
      : { status, headers: status === 429 ? headers : {}, json: { title: "busy", status: String(status) } }
  }
}

// backoff equal to its cap: every wait without Retry-After is counted as exactly 10 ms
const waitMs = 10
const budgets = (maxRetries: number, rateLimitWait: Duration.DurationInput): Partial<OfscConfigOptions> => ({
  retry: { maxRetries, baseDelay: Duration.millis(waitMs), maxDelay: Duration.millis(waitMs), rateLimitWait }
})

/** Runs `effect` on the TestClock, moving the clock to each sleep it starts (a timer on the real loop polls). */
const onTestClock = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    for (;;) {
      const exit = yield* Fiber.poll(fiber)
      if (Option.isSome(exit)) return yield* exit.value
      const sleeps = yield* TestClock.sleeps()
      const now = yield* TestClock.currentTimeMillis
      if (Chunk.isNonEmpty(sleeps)) yield* TestClock.adjust(Chunk.unsafeHead(sleeps) - now)
      else yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 2)))
    }
  })

describe("429s have their own budget", () => {
  it.scopedLive("many more 429s than maxRetries, then success: the call succeeds", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted(Array(10).fill(429)))
      const thing = yield* withTransport(testOptions(server.url, budgets(3, "5 minutes")), (t) => t.call(getThing))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(11)
    })
  )

  it.scopedLive("faults are still limited to maxRetries, however many 429s come between them", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted([503, 429, 503, 429, 429, 503, 429, 503]))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url, budgets(3, "5 minutes")), (t) => t.call(getThing))
      )
      expect(error).toMatchObject({ _tag: "OfscServerError", status: 503 })
      expect(server.requests).toHaveLength(8)
    })
  )

  it.scopedLive("maxRetries 0 retries no fault, but still waits out 429s", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted([429, 429, 503]))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url, budgets(0, "5 minutes")), (t) => t.call(getThing))
      )
      expect(error).toMatchObject({ _tag: "OfscServerError", status: 503 })
      expect(server.requests).toHaveLength(3)
    })
  )

  for (const [name, overrides] of [
    ["rateLimitWait 0", budgets(3, "0 millis")],
    ["retry: false", { retry: false }]
  ] as const) {
    it.scopedLive(`${name} retries no 429`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(scripted([429]))
        const error = yield* Effect.flip(withTransport(testOptions(server.url, overrides), (t) => t.call(getThing)))
        expect(error._tag).toBe("OfscRateLimited")
        expect(server.requests).toHaveLength(1)
      })
    )
  }

  it.scopedLive("a call succeeds iff its faults fit maxRetries and its 429 waits fit rateLimitWait", () =>
    Effect.gen(function* () {
      const server = yield* testServer()
      const property = fc.asyncProperty(
        fc.array(fc.constantFrom<Failure>(429, 503), { maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        async (script, maxRetries, waits) => {
          // where the call must stop: the first failure past either budget
          let faults = 0
          let rateLimited = 0
          const stopAt = script.findIndex((status) => (status === 429 ? ++rateLimited > waits : ++faults > maxRetries))
          const before = server.requests.length
          server.handle(scripted(script))
          const result = await Effect.runPromise(
            Effect.either(
              withTransport(testOptions(server.url, budgets(maxRetries, Duration.millis(waits * waitMs))), (t) =>
                t.call(getThing)
              )
            )
          )
          const requests = server.requests.length - before
          if (stopAt === -1) {
            expect(result).toEqual(Either.right({ id: 1 }))
            expect(requests).toBe(script.length + 1)
          } else {
            const expected = script[stopAt] === 429 ? "OfscRateLimited" : "OfscServerError"
            expect(Either.isLeft(result) && result.left._tag).toBe(expected)
            expect(requests).toBe(stopAt + 1)
          }
        }
      )
      yield* Effect.promise(() => fc.assert(property, { numRuns: 60 }))
    })
  )
})

describe("Retry-After against the 429 budget", () => {
  // it.scoped on purpose: these tests move the TestClock instead of waiting out Retry-After
  it.scoped("the retry waits at least what Retry-After says", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted([429], { "retry-after": "120" }))
      const fiber = yield* Effect.fork(
        withTransport(testOptions(server.url, budgets(3, "5 minutes")), (t) => t.call(getThing))
      )
      while (Chunk.isEmpty(yield* TestClock.sleeps())) {
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 2)))
      }
      yield* TestClock.adjust("119 seconds")
      expect(server.requests).toHaveLength(1)
      yield* TestClock.adjust("1 second")
      expect(yield* Fiber.join(fiber)).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(2)
    })
  )

  it.scoped("the budget spent, the call fails with the OfscRateLimited it last got", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted(Array(100).fill(429), { "retry-after": "60" }))
      const error = yield* Effect.flip(
        onTestClock(withTransport(testOptions(server.url, budgets(3, "3 minutes")), (t) => t.call(getThing)))
      )
      expect(error).toMatchObject({ _tag: "OfscRateLimited", status: 429 })
      expect(error._tag === "OfscRateLimited" && Option.map(error.retryAfter, Duration.toSeconds)).toEqual(
        Option.some(60)
      )
      // three waits of 60 s fit 3 minutes; a fourth would not
      expect(server.requests).toHaveLength(4)
      expect(yield* TestClock.currentTimeMillis).toBe(180_000)
    })
  )

  it.scoped("a Retry-After longer than what is left of the budget fails at once", () =>
    Effect.gen(function* () {
      const server = yield* testServer(scripted([429], { "retry-after": "600" }))
      const error = yield* Effect.flip(
        onTestClock(withTransport(testOptions(server.url, budgets(3, "5 minutes")), (t) => t.call(getThing)))
      )
      expect(error._tag).toBe("OfscRateLimited")
      expect(server.requests).toHaveLength(1)
      expect(yield* TestClock.currentTimeMillis).toBe(0)
    })
  )
})
