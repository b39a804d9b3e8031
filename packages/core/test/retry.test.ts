import { createServer } from "node:net"
import { it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"
import { createThing, getThing, searchThings, Thing } from "./support/things.js"

const updateThing = Operation.make({
  id: "test.things.update",
  method: "PATCH",
  path: "/rest/test/v1/things",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing },
  write: { kind: "idempotent", reason: "Sets the fields sent." }
})
const startThing = Operation.make({
  id: "test.things.start",
  method: "POST",
  path: "/rest/test/v1/things/start",
  body: { kind: "json", schema: Thing },
  success: { kind: "json", schema: Thing },
  write: { kind: "verifiable", proof: "activity.status", reason: "Read its status." }
})

/** A port that was free a moment ago. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
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

  it.scopedLive("a 500 on a GET is retried until it succeeds", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(2, 500))
      const thing = yield* withTransport(testOptions(server.url), (t) => t.call(getThing))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(3)
    })
  )

  for (const status of [400, 404, 409, 501]) {
    it.scopedLive(`a GET answered ${status} is not retried`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(failingFirst(100, status))
        const error = yield* Effect.flip(withTransport(testOptions(server.url), (t) => t.call(getThing)))
        expect(error).toMatchObject({ status })
        expect(server.requests).toHaveLength(1)
      })
    )
  }

  it.scopedLive("a POST answered 429 was refused, not done: it is retried, after Retry-After", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 429, { "retry-after": "1" }))
      const thing = yield* withTransport(testOptions(server.url), (t) => t.call(createThing, { body: { id: 1 } }))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(2)
      const [first, second] = server.requests
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    })
  )

  // 429s no longer count against maxRetries (they spend rateLimitWait): this test used to expect 4
  // requests (maxRetries 3); with 10 ms counted per wait, a 40 ms budget gives 4 retries, 5 requests
  it.scopedLive("a POST answered 429 every time fails with OfscRateLimited once its 429 budget is spent", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(100, 429))
      const retry = {
        maxRetries: 3,
        baseDelay: "10 millis",
        maxDelay: "10 millis",
        rateLimitWait: "40 millis"
      } as const
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url, { retry }), (t) => t.call(createThing, { body: { id: 1 } }))
      )
      expect(error).toMatchObject({ _tag: "OfscRateLimited", status: 429 })
      expect(server.requests).toHaveLength(5)
    })
  )

  for (const status of [500, 503]) {
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

  it.scopedLive("a PATCH whose write is idempotent is retried after a 503", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 503))
      const thing = yield* withTransport(testOptions(server.url), (t) => t.call(updateThing, { body: { id: 1 } }))
      expect(thing).toEqual({ id: 1 })
      expect(server.requests).toHaveLength(2)
    })
  )

  it.scopedLive("a verifiable POST is not resent blindly after a 503", () =>
    Effect.gen(function* () {
      const server = yield* testServer(failingFirst(1, 503))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url), (t) => t.call(startThing, { body: { id: 1 } }))
      )
      expect(error).toMatchObject({ status: 503 })
      expect(server.requests).toHaveLength(1)
    })
  )

  it.scopedLive("a POST whose connection was refused (nothing sent) is retried", () =>
    Effect.gen(function* () {
      // a port that nothing listens on yet; the server starts there while the client backs off
      const port = yield* Effect.promise(freePort)
      const options = testOptions(`http://127.0.0.1:${port}`, { retry: { maxRetries: 5, baseDelay: "150 millis" } })
      const server = yield* Effect.fork(
        Effect.delay(
          testServer(() => ({ json: { id: 7 } }), port),
          "100 millis"
        )
      )
      const thing = yield* withTransport(options, (t) => t.call(createThing, { body: { id: 7 } }))
      expect(thing).toEqual({ id: 7 })
      const started = yield* Fiber.join(server)
      expect(started.requests).toHaveLength(1)
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

  it.scopedLive("an operation's own OFS limit bounds its calls below the client's bound", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 20, json: { id: 1 } }))
      const limited = Operation.make({
        id: "test.things.limited",
        method: "GET",
        path: "/rest/test/v1/things",
        success: { kind: "json", schema: Thing },
        concurrencyLimit: 2
      })
      const results = yield* withTransport(testOptions(server.url, { concurrency: 8 }), (t) =>
        Effect.forEach(Array.from({ length: 20 }), () => t.call(limited), { concurrency: "unbounded" })
      )
      expect(results).toHaveLength(20)
      expect(server.maxInFlight()).toBe(2)
    })
  )

  it.scopedLive("operationConcurrency replaces an operation's limit", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 20, json: { id: 1 } }))
      const options = testOptions(server.url, { concurrency: 8, operationConcurrency: { "test.things.get": 1 } })
      yield* withTransport(options, (t) =>
        Effect.forEach(Array.from({ length: 10 }), () => t.call(getThing), { concurrency: "unbounded" })
      )
      expect(server.maxInFlight()).toBe(1)
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
