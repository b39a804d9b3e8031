/**
 * The mirror against the simulator, on SQLite: a first load equals the store, then writes made
 * through the API arrive through the events and the tables equal the store again.
 */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Simulator } from "@ofsc/simulator"
import { Effect, Layer } from "effect"
import { describe, expect } from "vitest"
import { Mirror } from "../src/index.js"
import { coreLayer, differences, mirrorLayer, sqlLayer, tempSqlite } from "./support/harness.js"

const window = { from: "2026-11-01", to: "2026-11-10" }

describe("mirror on SQLite", () => {
  it.live(
    "loads the snapshot, then follows the events to the store's state",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 7, size: "small" })
          const database = tempSqlite()
          const context = yield* Layer.build(
            Layer.mergeAll(mirrorLayer(sim, { database, window }), coreLayer(sim), sqlLayer(database))
          )
          const mirror = Layer.succeedContext(context)
          yield* Effect.gen(function* () {
            const m = yield* Mirror
            yield* m.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const core = yield* OfscCore
            const created = yield* core.activities.create({
              resourceId: "TECH_00002",
              date: "2026-11-05",
              activityType: "install",
              customerName: "Ada"
            })
            yield* core.activities.update(created.activityId as number, { customerName: "Ada Lovelace" })
            yield* core.activities.start(created.activityId as number, {})
            yield* m.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const status = yield* m.status
            expect(status.phase).toBe("following")
            expect(status.eventsApplied).toBeGreaterThanOrEqual(3)
          }).pipe(Effect.provide(mirror))
        })
      ),
    120_000
  )
})
