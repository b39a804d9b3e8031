/**
 * `SafeWrites` of @ofsc/core against the simulator with every fault that hides an answer: 5xx
 * before the handler runs (nothing happened), connections dropped before it runs, and "applied,
 * then dropped" (it happened, the answer was lost), plus a rate limit. Counted on the server: each
 * keyed create made exactly one activity, each completion happened exactly once, and every call
 * reports success, saying when it found its write already done.
 */
import { it } from "@effect/vitest"
import { OfscClient, OfscCore, OfscHttpClient, SafeWrites } from "@ofsc/core"
import { Context, Effect, Layer } from "effect"
import { describe, expect } from "vitest"
import { Simulator, simulatorClientOptions } from "../../src/index.js"
import { seeded, upcoming } from "./support/data.js"

const faulty = {
  faultRate: 0.1,
  dropRate: 0.02,
  appliedDropRate: 0.1,
  appliedDropOn: ["POST"],
  rateLimitPerSecond: 60
}

describe("SafeWrites against a faulty simulator", () => {
  it.scopedLive(
    "keyed creates make each activity once; completes happen once; every call succeeds",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ seed: 43, faults: faulty })
        const client = OfscClient.layer(
          simulatorClientOptions(sim, { retry: { maxRetries: 8, baseDelay: "5 millis" }, timeout: "20 seconds" })
        ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
        const core = Context.get(yield* Layer.build(OfscCore.layer.pipe(Layer.provide(client))), OfscCore)
        const date = upcoming(3)
        const n = 150
        const created = yield* Effect.forEach(
          Array.from({ length: n }, (_, i) => `SAFE-${i}`),
          (key, i) =>
            SafeWrites.createActivityOnce(
              core,
              { activityType: "install", resourceId: seeded.technician(1 + (i % 5)), date },
              { idempotencyKey: key, maxResends: 10 }
            ),
          { concurrency: 6 }
        )
        const keys = sim.store
          .collection("activities")
          .list()
          .map((a) => a.apptNumber)
          .filter((k): k is string => typeof k === "string" && k.startsWith("SAFE-"))
        expect(keys.length).toBe(n)
        expect(new Set(keys).size).toBe(n)
        expect(created.map((c) => c.activity.apptNumber)).toEqual(Array.from({ length: n }, (_, i) => `SAFE-${i}`))
        // the faults did hit: some creates were found already made, some sent again
        expect(created.filter((c) => c.alreadyApplied).length).toBeGreaterThan(0)
        expect(created.filter((c) => c.resends > 0).length).toBeGreaterThan(0)

        const ids = created.map((c) => c.activity.activityId as number)
        yield* Effect.forEach(ids, (id) => SafeWrites.activityActionOnce(core, id, "start", {}, { maxResends: 10 }), {
          concurrency: 6
        })
        const completed = yield* Effect.forEach(
          ids,
          (id) => SafeWrites.activityActionOnce(core, id, "complete", {}, { maxResends: 10 }),
          { concurrency: 6 }
        )
        expect(completed.some((c) => c.alreadyApplied)).toBe(true)
        const log = sim.store.eventsAfter(0, 1_000_000)
        const times = (type: string, id: number) =>
          log.filter(
            (e) => e.eventType === type && (e.fields.activityDetails as { activityId?: unknown }).activityId === id
          ).length
        expect(ids.map((id) => [times("activityStarted", id), times("activityCompleted", id)])).toEqual(
          ids.map(() => [1, 1])
        )
        expect(sim.stats.appliedThenDropped).toBeGreaterThan(0)
      }),
    120_000
  )

  it.scopedLive("a key that matches two activities is a typed error, never a guess", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: 43 })
      const client = OfscClient.layer(simulatorClientOptions(sim, { retry: { maxRetries: 0 } })).pipe(
        Layer.provide(OfscHttpClient.layerUndici),
        Layer.orDie
      )
      const core = Context.get(yield* Layer.build(OfscCore.layer.pipe(Layer.provide(client))), OfscCore)
      const date = upcoming(4)
      const body = { activityType: "install", resourceId: seeded.technician(1), date, apptNumber: "TWICE" }
      yield* core.activities.create(body)
      yield* core.activities.create(body)
      sim.faults.appliedDropRate = 1
      sim.faults.appliedDropOn = ["POST /rest/ofscCore/v1/activities"]
      const conflict = yield* Effect.flip(
        SafeWrites.createActivityOnce(core, { ...body, apptNumber: undefined }, { idempotencyKey: "TWICE" })
      )
      expect(conflict).toMatchObject({
        _tag: "OfscIdempotencyConflict",
        idempotencyKey: "TWICE",
        keyField: "apptNumber"
      })
      expect(conflict._tag === "OfscIdempotencyConflict" && conflict.matches.length).toBe(3)
      const mismatch = yield* Effect.flip(
        SafeWrites.createActivityOnce(core, { ...body, apptNumber: "OTHER" }, { idempotencyKey: "TWICE" })
      )
      expect(mismatch._tag).toBe("OfscInvalidInput")
    })
  )
})
