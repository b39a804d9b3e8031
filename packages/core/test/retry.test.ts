import { it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const Thing = Schema.Struct({ id: Schema.Int })
const getThing = Operation.make({
  id: "test.things.get",
  method: "GET",
  path: "/rest/test/v1/things",
  success: { kind: "json", schema: Thing }
})
const createThing = Operation.make({
  id: "test.things.create",
  method: "POST",
  path: "/rest/test/v1/things",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing }
})
const searchThings = Operation.make({
  id: "test.things.search",
  method: "POST",
  path: "/rest/test/v1/things/search",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing },
  retrySafe: true
})

/** Answers `failures` errors with the given status, then successes. */
const failingFirst = (failures: number, status: number, headers: Record<string, string> = {}) => {
  let seen = 0
  return () =>
    ++seen <= failures ? { status, headers, json: { title: "busy", status: String(status) } } : { json: { id: 1 } }
}

describe("retries", () => {
  for (const status of [429, 502, 503, 504]) {
    it.scopedLive(`a GET answered ${status} is retried until it succeeds`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(failingFirst(2, status))
        const thing = yield* withTransport(testOptions(server.url), (t) => t.call(getThing))
        expect(thing).toEqual({ id: 1 })
        expect(server.requests).toHaveLength(3)
      })
    )
  }

  it.scopedLive("Retry-After is honoured: the server sees the retry no sooner than it asked", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 429, { "retry-after": "1" }))
      yield* withTransport(testOptions(server.url), (t) => t.call(getThing))
      expect(server.requests).toHaveLength(2)
      const [first, second] = server.requests
      // backoff alone is 5 ms here, so a gap of about a second can only come from Retry-After
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    })
  )

  it.scopedLive("a 503 Retry-After on a GET is honoured too", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 503, { "retry-after": "1" }))
      yield* withTransport(testOptions(server.url), (t) => t.call(getThing))
      const [first, second] = server.requests
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    })
  )

  it.scopedLive("the retry limit: maxRetries 3 means 4 requests, then the error", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(100, 503))
      const error = yield* Effect.flip(withTransport(testOptions(server.url), (t) => t.call(getThing)))
      expect(error._tag).toBe("OfscServerError")
      expect(server.requests).toHaveLength(4)
    })
  )

  it.scopedLive("retries can be turned off", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(100, 503))
      yield* Effect.flip(withTransport(testOptions(server.url, { retry: false }), (t) => t.call(getThing)))
      expect(server.requests).toHaveLength(1)
    })
  )

  it.scopedLive("a 500 is not retried (only 429, 502, 503, 504 are)", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(100, 500))
      yield* Effect.flip(withTransport(testOptions(server.url), (t) => t.call(getThing)))
      expect(server.requests).toHaveLength(1)
    })
  )

  for (const status of [429, 503]) {
    it.scopedLive(`a POST that reached the server is never retried (${status})`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(failingFirst(100, status))
        const error = yield* Effect.flip(
          withTransport(testOptions(server.url), (t) => t.call(createThing, { body: { id: 1 } }))
        )
        expect(error).toMatchObject({ status })
        expect(server.requests).toHaveLength(1)
      })
    )
  }

  it.scopedLive("a POST whose connection dropped is not retried either", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ drop: true }))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url), (t) => t.call(createThing, { body: { id: 1 } }))
      )
      expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Network" })
      expect(server.requests).toHaveLength(1)
    })
  )

  it.scopedLive("a POST marked safe is retried", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 503))
      const thing = yield* withTransport(testOptions(server.url), (t) => t.call(searchThings, { body: { id: 1 } }))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(2)
    })
  )

  it.scopedLive("a GET whose connection dropped is retried", () =>
    Effect.gen(function* () {
      let seen = 0
      const server = yield* testServer(() => (++seen === 1 ? { drop: true } : { json: { id: 1 } }))
      const thing = yield* withTransport(testOptions(server.url), (t) => t.call(getThing))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(2)
    })
  )
})

describe("timeouts and concurrency", () => {
  it.scopedLive("a request slower than the timeout fails with OfscTransportError(Timeout)", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 1_000, json: { id: 1 } }))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url, { timeout: "100 millis", retry: false }), (t) => t.call(getThing))
      )
      expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout", path: "/rest/test/v1/things" })
      expect(server.requests).toHaveLength(1)
    })
  )

  it.scopedLive("a timed-out GET is retried up to the limit", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 1_000, json: { id: 1 } }))
      const options = testOptions(server.url, {
        timeout: "100 millis",
        retry: { maxRetries: 2, baseDelay: "1 millis" }
      })
      yield* Effect.flip(withTransport(options, (t) => t.call(getThing)))
      expect(server.requests).toHaveLength(3)
    })
  )

  it.scopedLive("the server never sees more requests in flight than the client's concurrency bound", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 20, json: { id: 1 } }))
      const results = yield* withTransport(testOptions(server.url, { concurrency: 3 }), (t) =>
        Effect.forEach(Array.from({ length: 30 }), () => t.call(getThing), { concurrency: "unbounded" })
      )
      expect(results).toHaveLength(30)
      expect(server.requests).toHaveLength(30)
      expect(server.maxInFlight()).toBeLessThanOrEqual(3)
      expect(server.maxInFlight()).toBeGreaterThan(1)
    })
  )
})
