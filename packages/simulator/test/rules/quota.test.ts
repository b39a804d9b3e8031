import { it } from "@effect/vitest"
import { OfscCapacity } from "@ofsc/capacity"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { Simulator } from "../../src/index.js"
import { servicesFor } from "../support/engineClient.js"

const day = "2026-11-03"

describe("capacity quotas", () => {
  it.scopedLive("GET answers the seeded quota of the areas and categories asked for", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: 7 })
      const program = Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const all = yield* capacity.quota.get({ dates: [day] })
        expect(all.items?.[0]?.areas?.map((a) => a.label)).toEqual(["BUCKET_001", "BUCKET_002"])
        const one = yield* capacity.quota.get({ dates: [day], areas: ["BUCKET_002"], categories: ["repair"] })
        const [area] = one.items?.[0]?.areas ?? []
        expect(one.items?.[0]?.areas).toHaveLength(1)
        expect(area?.label).toBe("BUCKET_002")
        expect(area?.categories?.map((c) => c.label)).toEqual(["repair"])
        expect(area?.used).toBe(all.items?.[0]?.areas?.[1]?.used)
      })
      yield* Effect.provide(program, servicesFor(sim))
    })
  )

  it.scopedLive("PATCH changes what it sends and keeps the rest of the day", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: 7 })
      const program = Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const before = (yield* capacity.quota.get({ dates: [day] })).items?.[0]?.areas ?? []
        yield* capacity.quota.update({
          items: [
            { date: day, areas: [{ label: "BUCKET_001", quota: 480, categories: [{ label: "install", quota: 120 }] }] }
          ]
        })
        const after = (yield* capacity.quota.get({ dates: [day] })).items?.[0]?.areas ?? []
        expect(after.map((a) => a.label)).toEqual(["BUCKET_001", "BUCKET_002"])
        expect(after[0]).toMatchObject({ label: "BUCKET_001", quota: 480, used: before[0]?.used })
        expect(after[0]?.categories?.map((c) => [c.label, c.quota])).toEqual(
          before[0]?.categories?.map((c) => [c.label, c.label === "install" ? 120 : c.quota])
        )
        expect(after[1]).toEqual(before[1])
      })
      yield* Effect.provide(program, servicesFor(sim))
    })
  )
})
