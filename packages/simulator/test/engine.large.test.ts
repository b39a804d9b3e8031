import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"
import { describe, expect } from "vitest"
import { Simulator } from "../src/index.js"
import { send, servicesFor } from "./support/engineClient.js"

describe("size large", () => {
  it.scopedLive(
    "loads 100,000 activities and pages one resource's month through the client without scanning them all",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ size: "large", seed: 7 })
        expect(sim.store.collection("activities").size).toBe(100_000)
        expect(sim.store.collection("resources").size).toBe(1_000)
        expect(sim.store.collection("workZones").size).toBe(500)

        const resourceId = "TECH_00042"
        const expected = sim.data.activities
          .filter(
            (a) => a.resourceId === resourceId && String(a.date) >= "2026-11-10" && String(a.date) <= "2026-12-09"
          )
          .map((a) => a.activityId)
        expect(expected.length).toBeGreaterThan(20)

        const pagingStarted = performance.now()
        const streamed = yield* Effect.gen(function* () {
          const core = yield* OfscCore
          return yield* Stream.runCollect(
            core.activities.stream({ resources: [resourceId], dateFrom: "2026-11-10", dateTo: "2026-12-09", limit: 7 })
          )
        }).pipe(Effect.provide(servicesFor(sim)))
        const pagingMs = performance.now() - pagingStarted
        const items = Chunk.toArray(streamed)
        expect(items.map((a) => a.activityId).sort()).toEqual([...expected].sort())
        expect(items.every((a) => a.resourceId === resourceId)).toBe(true)
        // ordered by date within the resource
        const dates = items.map((a) => String(a.date))
        expect(dates).toEqual([...dates].sort())
        expect(pagingMs).toBeLessThan(5_000)

        // a bucket with includeChildren covers its technicians; a page reports the whole selection's size
        const bucket = yield* send(
          sim,
          "GET",
          "/rest/ofscCore/v1/activities?resources=BUCKET_001&dateFrom=2026-11-01&dateTo=2026-11-01&limit=5"
        )
        const technicians = new Set(
          sim.data.resources.filter((r) => r.parentResourceId === "BUCKET_001").map((r) => r.resourceId)
        )
        const onTheDay = sim.data.activities.filter((a) => a.date === "2026-11-01" && technicians.has(a.resourceId))
        expect(bucket).toMatchObject({ status: 200, json: { hasMore: true, totalResults: onTheDay.length, limit: 5 } })

        const tooLong = yield* send(sim, "GET", "/rest/ofscCore/v1/activities?dateFrom=2026-11-01&dateTo=2026-12-31")
        expect(tooLong).toMatchObject({
          status: 400,
          json: { detail: "dateFrom and dateTo must be at most 31 days apart" }
        })
      }),
    30_000
  )
})
