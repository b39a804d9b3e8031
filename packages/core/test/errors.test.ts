import { it } from "@effect/vitest"
import { Duration, Effect, Option, Schema } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const getThing = Operation.make({
  id: "test.things.get",
  method: "GET",
  path: "/rest/test/v1/things/{id}",
  pathParams: Schema.Struct({ id: Schema.Int }),
  success: { kind: "json", schema: Schema.Struct({ id: Schema.Int, name: Schema.String }) }
})

const ofsError = (status: number, title: string) => ({
  status,
  json: {
    type: `http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.${status}`,
    title,
    status: String(status),
    detail: `detail ${status}`
  }
})

/** Calls once with retries off and returns the error. */
const failWith = (url: string) =>
  withTransport(testOptions(url, { retry: false }), (t) => t.call(getThing, { path: { id: 7 } })).pipe(Effect.flip)

describe("error mapping", () => {
  const cases = [
    [400, "OfscBadRequest"],
    [401, "OfscAuthenticationError"],
    [403, "OfscAuthorizationError"],
    [404, "OfscNotFound"],
    [405, "OfscBadRequest"],
    [409, "OfscConflict"],
    [422, "OfscBadRequest"],
    [429, "OfscRateLimited"],
    [500, "OfscServerError"],
    [503, "OfscServerError"]
  ] as const

  for (const [status, tag] of cases) {
    it.scopedLive(`${status} becomes ${tag} with the OFS body`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(() => ofsError(status, `Title ${status}`))
        const error = yield* failWith(server.url)
        expect(error._tag).toBe(tag)
        expect(error).toMatchObject({
          status,
          title: `Title ${status}`,
          detail: `detail ${status}`,
          method: "GET",
          path: "/rest/test/v1/things/7",
          operation: "test.things.get"
        })
        expect(error.message).toContain(`answered ${status}`)
        expect(server.requests).toHaveLength(1)
      })
    )
  }

  it.scopedLive("a non-JSON 502 gateway page still maps cleanly", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({
        status: 502,
        headers: { "content-type": "text/html" },
        text: "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
      }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscServerError")
      expect(error).toMatchObject({ status: 502, title: "502 Bad Gateway Bad Gateway" })
    })
  )

  it.scopedLive("an empty error body maps with no title", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 404 }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscNotFound")
      expect(error).toMatchObject({ status: 404, title: undefined })
    })
  )

  it.scopedLive("429 carries Retry-After", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ ...ofsError(429, "Too Many"), headers: { "retry-after": "7" } }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscRateLimited")
      if (error._tag === "OfscRateLimited") {
        expect(Option.map(error.retryAfter, Duration.toMillis)).toEqual(Option.some(7000))
      }
    })
  )

  it.scopedLive("an answer that does not match the schema is OfscDecodeError with the issue path", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { id: "seven", name: "x" } }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscDecodeError")
      if (error._tag === "OfscDecodeError") {
        expect(error.operation).toBe("test.things.get")
        expect(error.status).toBe(200)
        expect(error.issues.map((i) => i.path)).toEqual([["id"]])
      }
    })
  )

  it.scopedLive("a body that is not JSON at all is OfscDecodeError", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ text: "<html>login page</html>" }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscDecodeError")
    })
  )

  it.live("a refused connection is OfscTransportError(Connect)", () =>
    Effect.gen(function* () {
      // port 9 (discard) on loopback: nothing listens there in the test environment
      const error = yield* failWith("http://127.0.0.1:9")
      expect(error._tag).toBe("OfscTransportError")
      expect(error).toMatchObject({ reason: "Connect" })
    })
  )

  it.scopedLive("a dropped connection is OfscTransportError(Network)", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ drop: true }))
      const error = yield* failWith(server.url)
      expect(error._tag).toBe("OfscTransportError")
      expect(error).toMatchObject({ reason: "Network" })
    })
  )
})
