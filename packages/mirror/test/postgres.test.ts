/**
 * The mirror on Postgres (a fresh database per test): the first load equals the store, writes made
 * through the API arrive through the events; and two mirrors with different owners on one database:
 * one applies while the other waits for its lease, and when the holder stalls past its lease, the
 * other takes over and the stalled one's poll is refused by the cursor's compare-and-set.
 */
import { it } from "@effect/vitest"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { Simulator, type SimulatorHandle, simulatorClientOptions } from "@ofsc/simulator"
import { Effect, Fiber, Layer } from "effect"
import { describe, expect } from "vitest"
import { Mirror, type MirrorOptions, type MirrorProgress } from "../src/index.js"
import { storedState } from "./support/exactlyOnce.js"
import { buildMirror, coreLayer, differences, sqlLayer } from "./support/harness.js"
import { freshPostgresDatabaseScoped } from "./support/postgres.js"
import { waitUntil } from "./support/processes.js"

const window = { from: "2026-11-03", to: "2026-11-05" }

/** A mirror named `owner`, whose requests say so in their User-Agent (so the simulator can tell them apart). */
const mirrorAs = (sim: SimulatorHandle, owner: string, options: MirrorOptions) =>
  Mirror.layer({ ...options, owner }).pipe(
    Layer.provide(
      Layer.merge(
        OfscCore.layer.pipe(
          Layer.provideMerge(OfscClient.layer(simulatorClientOptions(sim, { userAgent: owner }))),
          Layer.provide(OfscHttpClient.layerUndici),
          Layer.orDie
        ),
        OfscHttpClient.layerUndici
      )
    )
  )

/** The cursor versions of the polls a mirror reported applying. */
const appliedVersions = (progress: ReadonlyArray<MirrorProgress>) =>
  progress.flatMap((p) => (p._tag === "Applied" ? [p.poll.position.cursorVersion] : []))
/** The changes a mirror reported applying. */
const changesApplied = (progress: ReadonlyArray<MirrorProgress>) =>
  progress.reduce((n, p) => (p._tag === "Applied" ? n + p.poll.changes.length : n), 0)

describe("mirror on Postgres", () => {
  it.live(
    "loads the snapshot, then follows the events to the store's state",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const db = yield* freshPostgresDatabaseScoped
          const sim = yield* Simulator.scoped({ seed: 41, size: "small" })
          const context = yield* buildMirror(sim, { database: db.url, window })
          yield* Effect.gen(function* () {
            const mirror = yield* Mirror
            const core = yield* OfscCore
            yield* mirror.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const created = yield* core.activities.create({
              resourceId: "TECH_00002",
              date: "2026-11-04",
              activityType: "install",
              customerName: "Ada"
            })
            yield* core.activities.update(created.activityId as number, { customerName: "Ada Lovelace" })
            yield* core.activities.start(created.activityId as number, {})
            yield* core.activities.move(
              Number(
                sim.store
                  .collection("activities")
                  .list()
                  .find((a) => a.date === "2026-11-05")?.activityId
              ),
              { setDate: { date: "2026-11-20" } } as never
            )
            yield* mirror.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const status = yield* mirror.status
            expect(status.phase).toBe("following")
            expect(status.eventsApplied).toBeGreaterThanOrEqual(4)
            expect(status.database).toContain(":***@")
          }).pipe(Effect.provide(context))
        })
      ),
    120_000
  )

  it.live(
    "mirrors opening a fresh database at once both open it (one migrates, the others wait for it)",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const db = yield* freshPostgresDatabaseScoped
          const sim = yield* Simulator.scoped({ seed: 47, size: "small" })
          const options = { database: db.url, window }
          const opened = yield* Effect.all(
            ["mirror-a", "mirror-b", "mirror-c"].map((owner) =>
              Effect.either(Layer.build(mirrorAs(sim, owner, options)))
            ),
            { concurrency: "unbounded" }
          )
          expect(opened.filter((o) => o._tag === "Left").map((o) => String(o.left))).toEqual([])
        })
      ),
    60_000
  )

  it.live(
    "two mirrors with different owners: one waits; a holder stalled past its lease is fenced off by the cursor's compare-and-set",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const db = yield* freshPostgresDatabaseScoped
          const sim = yield* Simulator.scoped({ seed: 43, size: "small" })
          // A's polls of the events can be held at the simulator, to stall A while it holds the lease
          let gate: Promise<void> | undefined
          let openGate = () => {}
          const events = sim.router.match("GET", "/rest/ofscCore/v1/events")
          if (typeof events === "string") throw new Error("the simulator has no GET events")
          sim.router.on("GET", "/rest/ofscCore/v1/events", async (request) => {
            if (request.headers["user-agent"] === "mirror-a" && gate !== undefined) await gate
            return events.handler(request)
          })
          const context = yield* Layer.build(Layer.merge(coreLayer(sim), sqlLayer(db.url)))
          const options: MirrorOptions = { database: db.url, window, leaseTtl: "4 seconds", pollInterval: "200 millis" }
          const a = yield* Layer.build(mirrorAs(sim, "mirror-a", options))
          const b = yield* Layer.build(mirrorAs(sim, "mirror-b", options))
          const seenByA: Array<MirrorProgress> = []
          const seenByB: Array<MirrorProgress> = []
          const follow = (mirror: typeof a, seen: Array<MirrorProgress>) =>
            Effect.fork(
              Effect.flatMap(Mirror, (m) => m.run({ onProgress: (p) => seen.push(p) })).pipe(Effect.provide(mirror))
            )
          const write = (customerName: string) =>
            Effect.flatMap(OfscCore, (core) =>
              core.activities.create({
                resourceId: "TECH_00004",
                date: "2026-11-04",
                activityType: "repair",
                customerName
              })
            ).pipe(Effect.provide(context))
          const waits = (seen: ReadonlyArray<MirrorProgress>, owner: string) =>
            seen.filter((p) => p._tag === "Waiting" && p.owner === owner).length

          // A applies; B waits for A's lease
          const runA = yield* follow(a, seenByA)
          yield* waitUntil("A follows", () => appliedVersions(seenByA).length > 0, { timeoutMs: 60_000 })
          const runB = yield* follow(b, seenByB)
          yield* waitUntil("B waits for A's lease", () => waits(seenByB, "mirror-a") > 0, { timeoutMs: 30_000 })
          yield* write("For A")
          yield* waitUntil("A applies the write", () => changesApplied(seenByA) > 0, { timeoutMs: 30_000 })
          expect(appliedVersions(seenByB)).toEqual([])
          expect((yield* Effect.provide(storedState, context)).owner).toBe("mirror-a")

          // A stalls in a poll past its lease: B takes over and applies
          gate = new Promise((resolve) => {
            openGate = resolve
          })
          const appliedByA = appliedVersions(seenByA).length
          yield* write("For B")
          yield* waitUntil("B applies the write", () => changesApplied(seenByB) > 0, { timeoutMs: 30_000 })
          expect((yield* Effect.provide(storedState, context)).owner).toBe("mirror-b")

          // A's poll comes back: the compare-and-set refuses it, and A waits for B's lease
          gate = undefined
          openGate()
          yield* waitUntil("A waits for B's lease", () => waits(seenByA, "mirror-b") > 0, { timeoutMs: 30_000 })
          expect(appliedVersions(seenByA)).toHaveLength(appliedByA)
          yield* write("For B again")
          yield* waitUntil(
            "the tables equal the store",
            () =>
              Effect.runPromise(
                Effect.map(Effect.provide(differences(sim, window), context), (d) => Object.keys(d).length === 0)
              ),
            { timeoutMs: 30_000 }
          )
          expect(appliedVersions(seenByA)).toHaveLength(appliedByA)
          const versionsA = appliedVersions(seenByA)
          const versionsB = appliedVersions(seenByB)
          expect(Math.min(...versionsB)).toBeGreaterThan(Math.max(...versionsA))
          expect((yield* Effect.provide(storedState, context)).owner).toBe("mirror-b")
          yield* Fiber.interrupt(runA)
          yield* Fiber.interrupt(runB)
        })
      ),
    120_000
  )
})
