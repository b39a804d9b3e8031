import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
// the scriptable server of @ofsc/core's own tests (plain node:http, no @ofsc code)
import { testServer } from "../../core/test/support/testServer.js"
import { CapacityOperations, OfscCapacity } from "../src/index.js"

/** OfscCapacity over a real transport (Basic auth, undici) against the local test server. */
const withCapacity = <A, E>(url: string, f: (capacity: OfscCapacity["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscCapacity, f).pipe(
    Effect.provide(
      OfscCapacity.layer.pipe(
        Layer.provide(
          OfscClient.layer({
            baseUrl: url,
            instance: "test",
            credentials: { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret") },
            timeout: "2 seconds"
          })
        ),
        Layer.provide(OfscHttpClient.layerUndici)
      )
    )
  )

describe("OfscCapacity", () => {
  it.scopedLive("availableCapacity.get sends the dates and areas comma-separated and decodes the answer", () =>
    Effect.gen(function* () {
      const answer = { items: [{ date: "2025-06-02", areas: [{ label: "NORTH", name: "North" }] }] }
      const server = yield* testServer(() => ({ json: answer }))
      const capacity = yield* withCapacity(server.url, (c) =>
        c.availableCapacity.get({
          dates: ["2025-06-02", "2025-06-03"],
          areas: ["NORTH", "SOUTH"],
          aggregateResults: true
        })
      )
      expect(capacity).toEqual(answer)
      const seen = server.requests[0]!
      expect(`${seen.method} ${seen.path}`).toBe("GET /rest/ofscCapacity/v1/capacity")
      expect(seen.query.get("dates")).toBe("2025-06-02,2025-06-03")
      expect(seen.query.get("areas")).toBe("NORTH,SOUTH")
      expect(seen.query.get("aggregateResults")).toBe("true")
    })
  )

  it.scopedLive("quota.update (v2) and quota.updateV1 PATCH their own paths", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: {} }))
      yield* withCapacity(server.url, (c) =>
        Effect.all([c.quota.update({ items: [] }), c.quota.updateV1({ items: [] })])
      )
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        "PATCH /rest/ofscCapacity/v2/quota",
        "PATCH /rest/ofscCapacity/v1/quota"
      ])
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ items: [] })
    })
  )

  it.scopedLive("bookingFieldsDependencies.get takes no input", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { items: [] } }))
      yield* withCapacity(server.url, (c) => c.bookingFieldsDependencies.get())
      expect(server.requests[0]?.path).toBe("/rest/ofscCapacity/v1/bookingFieldsDependencies")
      expect([...server.requests[0]!.query.keys()]).toEqual([])
    })
  )

  it("the table holds all 12 capacity operations", () => {
    expect(CapacityOperations.operations.map((op) => op.id)).toContain("capacity.bookingGrid.show")
    expect(CapacityOperations.operations).toHaveLength(12)
  })
})
