/**
 * The client under a faulty server, as a long-running integration sees it: an export of 20,000+
 * activities through 5xx (500 included), dropped connections and 429 bursts, interrupted and
 * resumed; creates under a rate limit, never received twice; short-lived tokens behind a queue.
 * Everything is checked against what the simulator stored and received.
 */
import { it } from "@effect/vitest"
import { OfscClient, type OfscConfigOptions, OfscCore, type OfscError, OfscHttpClient } from "@ofsc/core"
import type { Activity } from "@ofsc/models/core"
import { Chunk, Effect, Layer, Redacted, Stream } from "effect"
import { describe, expect } from "vitest"
import { defaultApplication, Simulator, type SimulatorHandle, simulatorClientOptions } from "../../src/index.js"

const exportQuery = {
  resources: ["ROOT"],
  includeChildren: "all" as const,
  dateFrom: "2026-11-01",
  dateTo: "2026-11-12"
}

/** The core service over a client for `sim`, with a retry budget for a faulty run. */
const coreFor = (sim: SimulatorHandle, overrides: Partial<OfscConfigOptions> = {}) =>
  OfscCore.layer.pipe(
    Layer.provide(
      OfscClient.layer(
        simulatorClientOptions(sim, {
          retry: { maxRetries: 10, baseDelay: "20 millis", maxDelay: "400 millis" },
          timeout: "10 seconds",
          ...overrides
        })
      ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
    )
  )

/** Streams the export and collects the activity ids, in the order they came out. */
const exportIds = (from?: number, onItem: (id: number) => Effect.Effect<void> = () => Effect.void) =>
  Effect.flatMap(OfscCore, (core) =>
    core.activities.stream(exportQuery, { pageSize: 200, concurrency: 4, from }).pipe(
      Stream.map((a: Activity) => Number(a.activityId)),
      Stream.tap(onItem),
      Stream.runCollect,
      Effect.map(Chunk.toArray)
    )
  )

/** The activity ids the simulator holds for the export's resources and dates (any order). */
const storedIds = (sim: SimulatorHandle): ReadonlySet<number> =>
  new Set(
    sim.store
      .collection("activities")
      .list()
      .filter((a) => typeof a.date === "string" && a.date >= exportQuery.dateFrom && a.date <= exportQuery.dateTo)
      .map((a) => Number(a.activityId))
  )

const chaos = { faultRate: 0.1, dropRate: 0.02, rateLimitPerSecond: 40, latencyMs: 20 }

describe("a 20,000-activity export under faults", () => {
  it.live(
    "0 lost, 0 duplicated, 0 out of order; interrupted on purpose and resumed, the union is exact",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator
        // the order the simulator serves, from a run without faults
        const reference = yield* exportIds().pipe(Effect.provide(coreFor(sim)))
        const stored = storedIds(sim)
        expect(reference.length).toBeGreaterThanOrEqual(20_000)
        expect(new Set(reference)).toEqual(stored)

        Object.assign(sim.faults, chaos)
        const before = sim.stats.requests
        const faulty = yield* exportIds().pipe(Effect.provide(coreFor(sim)))
        const requests = sim.stats.requests - before
        expect(faulty.length).toBe(reference.length)
        expect(new Set(faulty).size).toBe(faulty.length)
        expect(faulty).toEqual(reference)
        // 4 pages asked in flight, but OFS runs 3 GET activities at once: the client stays within it
        const activities = sim.stats.byOperation["GET /rest/ofscCore/v1/activities"]
        expect(activities?.maxRunning).toBe(3)
        expect(activities?.queuedMax).toBe(0)
        expect(activities?.rejected).toBe(0)

        // interrupted on purpose: past 7,000 items the server answers 5xx to everything until the stream gives up
        const emitted: Array<number> = []
        const failure = yield* exportIds(undefined, (id) =>
          Effect.sync(() => {
            emitted.push(id)
            if (emitted.length === 7_000)
              Object.assign(sim.faults, { faultRate: 1, dropRate: 0, rateLimitPerSecond: 0 })
          })
        ).pipe(
          Effect.provide(coreFor(sim, { retry: { maxRetries: 10, baseDelay: "5 millis", maxDelay: "50 millis" } })),
          Effect.flip
        )
        expect(emitted.length).toBeGreaterThanOrEqual(7_000)
        expect(failure._tag).toBe("OfscServerError")
        expect(failure.resumeFrom).toBe(emitted.length)
        Object.assign(sim.faults, chaos)
        const rest = yield* exportIds(failure.resumeFrom).pipe(Effect.provide(coreFor(sim)))
        const union = [...emitted, ...rest]
        expect(union).toEqual(reference)
        console.log(
          `chaos export: ${reference.length} activities, ${requests} requests with faults (10% 5xx, 2% drops, 429 over 40/s): ` +
            `0 lost, 0 duplicated, 0 out of order; interrupted at ${emitted.length}, resumed from ${failure.resumeFrom}: union exact`
        )
      }).pipe(Effect.provide(Simulator.layer({ size: "large", seed: 7 }))),
    120_000
  )
})

/** The creates of a run, found in the store by their appointment numbers. */
const createdWith = (sim: SimulatorHandle, prefix: string): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const a of sim.store.collection("activities").list()) {
    if (typeof a.apptNumber === "string" && a.apptNumber.startsWith(prefix)) {
      counts.set(a.apptNumber, (counts.get(a.apptNumber) ?? 0) + 1)
    }
  }
  return counts
}

const today = () => new Date().toISOString().slice(0, 10)

/** 500 creates, 16 at a time; answers each appointment number with whether its create succeeded. */
const createMany = (prefix: string) =>
  Effect.flatMap(OfscCore, (core) =>
    Effect.forEach(
      Array.from({ length: 500 }, (_, i) => `${prefix}-${i}`),
      (apptNumber, i) =>
        core.activities
          .create({
            resourceId: `TECH_${String((i % 10) + 1).padStart(5, "0")}`,
            date: today(),
            activityType: "install",
            apptNumber,
            customerName: `Customer ${i}`,
            duration: 30
          })
          .pipe(
            Effect.map(() => [apptNumber, "ok"] as const),
            Effect.catchAll((e: OfscError) => Effect.succeed([apptNumber, e._tag] as const))
          ),
      { concurrency: 16 }
    )
  )

describe("creates under a rate limit", () => {
  it.live(
    "with faults: every create that succeeded was received once, none twice",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator
        Object.assign(sim.faults, chaos)
        const outcomes = yield* createMany("RL-FAULTS").pipe(
          Effect.provide(coreFor(sim, { retry: { maxRetries: 30 } }))
        )
        const stored = createdWith(sim, "RL-FAULTS")
        const succeeded = outcomes.filter(([, outcome]) => outcome === "ok")
        const failed = outcomes.filter(([, outcome]) => outcome !== "ok")
        expect([...stored.values()].every((n) => n === 1)).toBe(true)
        for (const [appt] of succeeded) expect(stored.get(appt)).toBe(1)
        expect(stored.size).toBe(succeeded.length)
        // a POST that may have reached OFS (5xx, dropped) is never sent again: those fail, typed;
        // a 429 was refused by OFS and is retried, so none fails with it
        for (const [, tag] of failed) expect(["OfscServerError", "OfscTransportError"]).toContain(tag)
        console.log(
          `creates under 40/s with faults: ${succeeded.length} of 500 succeeded, each received once; ` +
            `${failed.length} failed on faults that may have reached the server, not resent; 0 received twice`
        )
      }).pipe(Effect.provide(Simulator.layer({ size: "small", seed: 11 }))),
    120_000
  )

  it.live(
    "rate limit only, enough retry budget: all 500 succeed, each received once",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator
        sim.faults.rateLimitPerSecond = 40
        const before = sim.stats.requests
        const outcomes = yield* createMany("RL-ONLY").pipe(Effect.provide(coreFor(sim, { retry: { maxRetries: 30 } })))
        const stored = createdWith(sim, "RL-ONLY")
        expect(outcomes.filter(([, o]) => o !== "ok")).toEqual([])
        expect(stored.size).toBe(500)
        expect([...stored.values()].every((n) => n === 1)).toBe(true)
        console.log(
          `creates under 40/s: 500 of 500 succeeded in ${sim.stats.requests - before} requests (429s waited out), each received once`
        )
      }).pipe(Effect.provide(Simulator.layer({ size: "small", seed: 12 }))),
    120_000
  )
})

describe("short-lived tokens", () => {
  it.live(
    "200 calls queued behind the default bound of 8, tokens living 1 s: all succeed",
    () =>
      Effect.gen(function* () {
        const sim = yield* Simulator
        sim.faults.latencyMs = 50
        const seen = { tokens: 0, rejected: 0 }
        const unsubscribe = sim.onRequest((r) => {
          if (r.path.startsWith("/rest/oauthTokenService/")) seen.tokens++
          else if (r.status === 401) seen.rejected++
        })
        const results = yield* Effect.flatMap(OfscCore, (core) =>
          Effect.forEach(
            Array.from({ length: 200 }, (_, i) => `TECH_${String((i % 10) + 1).padStart(5, "0")}`),
            (id) => core.resources.get(id),
            { concurrency: "unbounded" }
          )
        ).pipe(
          Effect.provide(
            coreFor(sim, {
              retry: false,
              credentials: {
                _tag: "ClientCredentials",
                clientId: defaultApplication.clientId,
                clientSecret: Redacted.make(defaultApplication.clientSecret)
              }
            })
          )
        )
        unsubscribe()
        expect(results).toHaveLength(200)
        // about 2.5 s of work with tokens refreshed from 0.9 s: a few generations, not one per call
        expect(seen.tokens).toBeGreaterThanOrEqual(2)
        expect(seen.tokens).toBeLessThanOrEqual(8)
        console.log(
          `short-lived tokens: 200 of 200 queued calls succeeded; ${seen.tokens} token requests, ` +
            `${seen.rejected} calls answered 401 near expiry and retried once with a fresh token`
        )
      }).pipe(Effect.provide(Simulator.layer({ size: "small", seed: 13, tokenTtlSeconds: 1 }))),
    60_000
  )
})
