/**
 * `SafeWrites` of @ofsc/core against the simulator with every fault that hides an answer: 5xx
 * before the handler runs (nothing happened), connections dropped before it runs, and "applied,
 * then dropped" (it happened, the answer was lost), plus a 40/s rate limit. Counted on the server: each
 * keyed create made exactly one activity, each completion happened exactly once, and every call
 * reports success, saying when it found its write already done.
 */
import { it } from "@effect/vitest"
import { OfscClient, OfscCore, OfscHttpClient, SafeWrites } from "@ofsc/core"
import { Context, Effect, Layer } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { type ScriptedFate, Simulator, simulatorClientOptions, startSimulator } from "../../src/index.js"
import { seeded, upcoming } from "./support/data.js"

const faulty = {
  faultRate: 0.1,
  dropRate: 0.02,
  appliedDropRate: 0.1,
  appliedDropOn: ["POST"],
  rateLimitPerSecond: 40
}

describe("SafeWrites against a faulty simulator", () => {
  it.scopedLive(
    "keyed creates make each activity once; completes happen once; every call succeeds",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ seed: 43, faults: faulty })
        const client = OfscClient.layer(
          simulatorClientOptions(sim, { retry: { maxRetries: 8, baseDelay: "5 millis" }, attemptTimeout: "20 seconds" })
        ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
        const core = Context.get(yield* Layer.build(OfscCore.layer.pipe(Layer.provide(client))), OfscCore)
        const date = upcoming(3)
        const n = 500
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
    300_000
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
      // the same through the generated method: core.activities.create(body, { idempotencyKey })
      const viaApi = yield* core.activities.create({ ...body, apptNumber: undefined }, { idempotencyKey: "VIA-API" })
      expect(viaApi.apptNumber).toBe("VIA-API")
      expect(
        sim.store
          .collection("activities")
          .list()
          .filter((a) => a.apptNumber === "VIA-API").length
      ).toBe(1)
      const mismatch = yield* Effect.flip(
        SafeWrites.createActivityOnce(core, { ...body, apptNumber: "OTHER" }, { idempotencyKey: "TWICE" })
      )
      expect(mismatch._tag).toBe("OfscInvalidInput")
    })
  )
})

/** A fault sequence for the attempts of one write: the fates of its POSTs, in order. */
const fates = fc.array(fc.constantFrom("none", "error", "drop", "appliedDrop") as fc.Arbitrary<ScriptedFate["fate"]>, {
  maxLength: 6
})

/** What the client should report for a fault sequence: whether its first attempt that ran lost its answer, and the resends before it. */
const expectedOutcome = (script: ReadonlyArray<ScriptedFate["fate"]>) => {
  const ran = script.findIndex((f) => f === "none" || f === "appliedDrop")
  return ran < 0
    ? { alreadyApplied: false, resends: script.length }
    : { alreadyApplied: script[ran] === "appliedDrop", resends: ran }
}

describe("SafeWrites over every fault sequence", () => {
  it("the outcome the client reports matches the server: one activity per key, each action's effect once", async () => {
    const sim = await startSimulator({ seed: 44 })
    try {
      const client = OfscClient.layer(simulatorClientOptions(sim, { retry: { maxRetries: 0 } })).pipe(
        Layer.provide(OfscHttpClient.layerUndici),
        Layer.orDie
      )
      const run = <A, E>(f: (core: OfscCore["Type"]) => Effect.Effect<A, E>) =>
        Effect.runPromise(
          Effect.scoped(
            Effect.flatMap(Layer.build(OfscCore.layer.pipe(Layer.provide(client))), (ctx) =>
              f(Context.get(ctx, OfscCore))
            )
          )
        )
      let n = 0
      await fc.assert(
        fc.asyncProperty(fates, fc.array(fates, { minLength: 6, maxLength: 6 }), async (createFates, actionFates) => {
          const key = `SEQ-${n++}`
          const script = (on: string, list: ReadonlyArray<ScriptedFate["fate"]>) => list.map((fate) => ({ fate, on }))
          sim.faults.script.splice(
            0,
            sim.faults.script.length,
            ...script("POST /rest/ofscCore/v1/activities", createFates)
          )
          const created = await run((core) =>
            SafeWrites.createActivityOnce(
              core,
              { activityType: "install", resourceId: seeded.technician(2), date: upcoming(5) },
              { idempotencyKey: key, maxResends: 10 }
            )
          )
          const withKey = () =>
            sim.store
              .collection("activities")
              .list()
              .filter((a) => a.apptNumber === key)
          expect(withKey().length).toBe(1)
          expect({ alreadyApplied: created.alreadyApplied, resends: created.resends }).toEqual(
            expectedOutcome(createFates)
          )
          const id = Number(created.activity.activityId)
          const actions = [
            ["start", {}],
            ["delay", { delayMinutes: 10 }],
            ["suspend", {}],
            ["start", {}],
            ["complete", {}],
            ["reopen", { setPositionInRoute: { position: "last" } }]
          ] as const
          for (const [index, [action, body]] of actions.entries()) {
            const list = actionFates[index] ?? []
            const path = `POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/${action}`
            sim.faults.script.splice(0, sim.faults.script.length, ...script(path, list))
            const outcome = await run((core) =>
              SafeWrites.activityActionOnce(core, id, action, body, { maxResends: 10 })
            )
            expect({ action, alreadyApplied: outcome.alreadyApplied, resends: outcome.resends }).toEqual({
              action,
              ...expectedOutcome(list)
            })
          }
          const times = (t: string) =>
            sim.store
              .eventsAfter(0, 1_000_000)
              .filter(
                (e) => e.eventType === t && (e.fields.activityDetails as { activityId?: unknown }).activityId === id
              ).length
          expect(["activityStarted", "activityDelayed", "activitySuspended", "activityCompleted"].map(times)).toEqual([
            2, 1, 1, 1
          ])
          // one suspended visit, one reopened copy: each made once
          expect(
            withKey()
              .map((a) => (a.status === "suspended" ? "suspended" : String(a.recordType ?? "")))
              .sort()
          ).toEqual(["regular", "reopened", "suspended"].sort())
        }),
        { numRuns: 60 }
      )
    } finally {
      await sim.stop()
    }
  }, 120_000)
})
