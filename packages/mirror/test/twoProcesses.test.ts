/**
 * Two mirror processes on one SQLite database: the lease lets one apply while the other waits;
 * when the one applying is killed (SIGKILL, no clean stop), the other takes over once the lease
 * lapses and continues from the stored cursor: no poll applied twice, the tables equal the store.
 */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Simulator } from "@ofsc/simulator"
import { Effect, Layer } from "effect"
import { describe, expect } from "vitest"
import {
  eventsDeliveredAfter,
  firstFollowedCursor,
  printedVersions,
  storedState,
  strictlyIncreasing
} from "./support/exactlyOnce.js"
import { coreLayer, differences, sqlLayer, tempSqlite } from "./support/harness.js"
import {
  killIfRunning,
  type MirrorProcess,
  processOutput,
  startMirrorProcess,
  stopMirrorProcess,
  waitForLine,
  waitUntil
} from "./support/processes.js"

const window = { from: "2026-11-03", to: "2026-11-05" }
const eventsPrinted = (p: MirrorProcess) => p.applied().reduce((n, l) => n + l.events, 0)

describe("two mirror processes on one database", () => {
  it.live(
    "one applies, the other waits, and takes over exactly where a killed one stopped",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 23, size: "small" })
          const database = tempSqlite()
          const context = yield* Layer.build(Layer.merge(coreLayer(sim), sqlLayer(database)))
          const options = { sim, database, window, leaseTtlMs: 3_000, pollIntervalMs: 200 }

          const a = startMirrorProcess("A", { ...options, owner: "mirror-a" })
          yield* Effect.addFinalizer(() => killIfRunning(a))
          yield* waitForLine(a, "following", (l) => l.type === "applied", 90_000)
          const b = startMirrorProcess("B", { ...options, owner: "mirror-b" })
          yield* Effect.addFinalizer(() => killIfRunning(b))
          yield* waitForLine(b, "waiting for A's lease", (l) => l.type === "waiting" && l.owner === "mirror-a", 90_000)

          const write = (customerName: string) =>
            Effect.flatMap(OfscCore, (core) =>
              Effect.flatMap(
                core.activities.create({
                  resourceId: "TECH_00003",
                  date: "2026-11-04",
                  activityType: "repair",
                  customerName
                }),
                (created) => core.activities.update(created.activityId as number, { city: `${customerName}ville` })
              )
            ).pipe(Effect.provide(context))

          // A applies the writes; B applies nothing
          yield* write("Before")
          yield* waitUntil("A applies the writes", () => eventsPrinted(a) >= 2, {
            timeoutMs: 30_000,
            describe: () => processOutput(a)
          })
          expect(b.applied()).toEqual([])
          expect((yield* Effect.provide(storedState, context)).owner).toBe("mirror-a")

          // A dies mid-stride; B takes over once A's lease lapses, and goes on from A's cursor
          yield* stopMirrorProcess(a, "SIGKILL")
          yield* write("During")
          yield* waitForLine(b, "applies after A's lease lapsed", (l) => l.type === "applied", 30_000)
          yield* write("After")
          yield* waitUntil("B applies the writes", () => eventsPrinted(b) >= 2, {
            timeoutMs: 30_000,
            describe: () => processOutput(b)
          })
          yield* waitUntil(
            "the tables equal the store",
            () =>
              Effect.runPromise(
                Effect.provide(differences(sim, window), context).pipe(Effect.map((d) => Object.keys(d).length === 0))
              ),
            { timeoutMs: 30_000 }
          )
          expect(yield* Effect.provide(differences(sim, window), context)).toEqual({})

          const state = yield* Effect.provide(storedState, context)
          expect(state.owner).toBe("mirror-b")
          // no poll applied twice: the versions printed by A then B strictly increase
          const versions = printedVersions([a.lines, b.lines])
          expect(strictlyIncreasing(versions)).toBe(true)
          expect(Math.min(...printedVersions([b.lines]))).toBeGreaterThan(Math.max(...printedVersions([a.lines])))
          // and no event applied twice: as many applied as the subscription delivered since the run began
          const from = firstFollowedCursor([a.lines, b.lines])
          expect(from).toBeDefined()
          expect(state.eventsApplied).toBe(
            yield* Effect.provide(eventsDeliveredAfter(state.subscriptionId, from as string), context)
          )

          // a clean stop lets the lease go
          expect(yield* stopMirrorProcess(b, "SIGTERM")).toBe(0)
          expect(b.lines.at(-1)?.type).toBe("stopped")
          expect((yield* Effect.provide(storedState, context)).owner).toBeUndefined()
        })
      ),
    180_000
  )
})
