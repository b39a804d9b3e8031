import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Chunk, Effect, Layer, Redacted, Stream } from "effect"
import { describe, expect } from "vitest"
// the scriptable server of @ofsc/core's own tests (plain node:http, no @ofsc code)
import { testServer } from "../../core/test/support/testServer.js"
import { OfscStatistics, StatisticsOperations } from "../src/index.js"

/** OfscStatistics over a real transport (Basic auth, undici) against the local test server. */
const withStatistics = <A, E>(url: string, f: (statistics: OfscStatistics["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscStatistics, f).pipe(
    Effect.provide(
      OfscStatistics.layer.pipe(
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

describe("OfscStatistics", () => {
  it.scopedLive("activityDurationStats.stream pages by offset until a short page", () =>
    Effect.gen(function* () {
      const rows = Array.from({ length: 5 }, (_, i) => ({ resourceId: "33001", akey: `k${i}`, avg: 30 + i }))
      const server = yield* testServer((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        const limit = Number(req.query.get("limit") ?? 10000)
        // this list answers `items` only: the client knows the end by a short page
        return { json: { items: rows.slice(offset, offset + limit) } }
      })
      const keys = yield* withStatistics(server.url, (s) =>
        Stream.runCollect(
          Stream.map(s.activityDurationStats.stream({ resourceId: "33001" }, { pageSize: 2 }), (r) => r.akey)
        )
      )
      expect(Chunk.toReadonlyArray(keys)).toEqual(["k0", "k1", "k2", "k3", "k4"])
      expect(server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2", "4"])
      expect(server.requests.every((r) => r.query.get("resourceId") === "33001")).toBe(true)
    })
  )

  it.scopedLive("activityDurationStats.update PATCHes the overrides and decodes the result", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { results: { status: "ok", updatedRecords: 1 } } }))
      const result = yield* withStatistics(server.url, (s) =>
        s.activityDurationStats.update({ items: [{ resourceId: "33001", akey: "INSTALL", override: 45 }] })
      )
      expect(result.results?.updatedRecords).toBe(1)
      const seen = server.requests[0]!
      expect(`${seen.method} ${seen.path}`).toBe("PATCH /rest/ofscStatistics/v1/activityDurationStats")
      expect(JSON.parse(seen.body.toString())).toEqual({
        items: [{ resourceId: "33001", akey: "INSTALL", override: 45 }]
      })
    })
  )

  it.scopedLive("an override out of range is refused before anything is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: {} }))
      const error = yield* withStatistics(server.url, (s) =>
        Effect.flip(
          s.activityDurationStats.update({ items: [{ resourceId: "33001", akey: "INSTALL", override: 5000 }] })
        )
      )
      expect(error._tag).toBe("OfscInvalidInput")
      expect(server.requests).toHaveLength(0)
    })
  )

  it("the table holds all 6 statistics operations", () => {
    expect(StatisticsOperations.operations).toHaveLength(6)
  })
})
