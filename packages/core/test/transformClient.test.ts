import { HttpClient, HttpClientRequest } from "@effect/platform"
import { it } from "@effect/vitest"
import { type Duration, Effect, FiberRef, Layer, Schema } from "effect"
import { describe, expect } from "vitest"
import { AttemptDeadline, OfscClient, OfscHttpClient, OfscTransport, Operation } from "../src/index.js"
import { testOptions } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const getItem = Operation.make({
  id: "test.items.get",
  method: "GET",
  path: "/items/{id}",
  pathParams: Schema.Struct({ id: Schema.Int }),
  success: { kind: "json", schema: Schema.Struct({ id: Schema.Int, name: Schema.String }) }
})

const tagged = HttpClient.mapRequest(HttpClientRequest.setHeader("x-tenant", "acme"))

/** A wrapper a generic deadline cannot cut short: only a client that aborts its own request can. */
const uninterruptible = (client: HttpClient.HttpClient) => HttpClient.transformResponse(client, Effect.uninterruptible)

const getWith = (url: string, attemptTimeout: Duration.DurationInput, transformClient?: OfscClient.TransformClient) =>
  Effect.flatMap(OfscTransport, (t) => t.call(getItem, { path: { id: 1 } })).pipe(
    Effect.provide(
      OfscClient.layer({ ...testOptions(url, { attemptTimeout, retry: false }), transformClient }).pipe(
        Layer.provide(OfscHttpClient.layerUndici)
      )
    )
  )

describe("transformClient", () => {
  it.scopedLive("a header added by mapRequest reaches the server, beside the transport's own", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { id: 1, name: "one" } }))
      expect(yield* getWith(server.url, "2 seconds", tagged)).toEqual({ id: 1, name: "one" })
      const [seen] = server.requests
      expect(seen?.headers["x-tenant"]).toBe("acme")
      expect(seen?.headers.authorization).toMatch(/^Basic /)
    })
  )

  it.scopedLive("the wrapped client is handed the attempt deadline as a service", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { id: 1, name: "one" } }))
      const seen: Array<number> = []
      const spy = HttpClient.tapRequest(() =>
        Effect.map(FiberRef.get(AttemptDeadline.currentMillis), (ms) => seen.push(ms))
      )
      yield* getWith(server.url, "1500 millis", (client) => spy(tagged(client)))
      expect(seen).toEqual([1500])
      // outside an attempt nothing is set
      expect(yield* FiberRef.get(AttemptDeadline.currentMillis)).toBe(0)
    })
  )

  it.scopedLive("the fast attempt timeout still applies: a late answer fails with Timeout in about the deadline", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 2_000, json: { id: 1, name: "late" } }))
      const started = performance.now()
      const error = yield* Effect.flip(getWith(server.url, "150 millis", (client) => uninterruptible(tagged(client))))
      const took = performance.now() - started
      expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout", path: "/items/1" })
      // only the undici client's own timer can end an uninterruptible wait before the answer comes
      expect(took).toBeGreaterThanOrEqual(140)
      expect(took).toBeLessThan(1_000)
    })
  )

  it.scopedLive("a client wrapped outside the transport (a layer of its own) keeps the native deadline too", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ delayMs: 2_000, json: { id: 1, name: "late" } }))
      const wrapped = Layer.effect(
        HttpClient.HttpClient,
        Effect.map(HttpClient.HttpClient, (c) => uninterruptible(tagged(c)))
      )
      const started = performance.now()
      const error = yield* Effect.flip(
        Effect.flatMap(OfscTransport, (t) => t.call(getItem, { path: { id: 1 } })).pipe(
          Effect.provide(
            OfscClient.layer(testOptions(server.url, { attemptTimeout: "150 millis", retry: false })).pipe(
              Layer.provide(wrapped),
              Layer.provide(OfscHttpClient.layerUndici)
            )
          )
        )
      )
      expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout" })
      expect(performance.now() - started).toBeLessThan(1_000)
      expect(server.requests[0]?.headers["x-tenant"]).toBe("acme")
    })
  )
})
