/**
 * A mirror stopped longer than OFS keeps its subscription (36 hours without a read): the next run
 * finds the subscription gone, records a new run saying so, loads afresh, and the changes made
 * during the gap are in the tables (and in the changes it records), equal to the store.
 */
import { SqlClient } from "@effect/sql"
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Simulator } from "@ofsc/simulator"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { Mirror, type MirrorProgress } from "../src/index.js"
import { activitiesTable } from "../src/tables/tables.js"
import { buildMirror, differences, liveRows, tempSqlite } from "./support/harness.js"

const window = { from: "2026-11-03", to: "2026-11-05" }
const hours = 3_600_000

describe("mirror after its subscription expired", () => {
  it.live(
    "starts a new run with a fresh load that brings the changes made during the gap",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 31, size: "small" })
          const database = tempSqlite()
          const context = yield* buildMirror(sim, { database, window })
          yield* Effect.gen(function* () {
            const mirror = yield* Mirror
            const core = yield* OfscCore
            const sql = yield* SqlClient.SqlClient
            yield* mirror.run({ follow: false })
            expect(yield* differences(sim, window)).toEqual({})
            const firstRun = yield* mirror.status
            expect(firstRun.runs.map((r) => r.reason)).toEqual(["first load"])

            // the mirror is stopped; OFS changes meanwhile, and forgets the subscription after 36 hours
            const inWindow = sim.store
              .collection("activities")
              .list()
              .filter((a) => a.status === "pending" && a.date === "2026-11-04")
              .map((a) => Number(a.activityId))
            const [updated, deleted] = inWindow as [number, number]
            const created = yield* core.activities.create({
              resourceId: "TECH_00005",
              date: "2026-11-04",
              activityType: "repair",
              customerName: "During the gap"
            })
            yield* core.activities.update(updated, { customerName: "Renamed in the gap" })
            yield* core.activities.delete(deleted)
            expect(sim.clock.advance(37 * hours)).toBe(true)

            const progress: Array<MirrorProgress> = []
            yield* mirror.run({ follow: false, onProgress: (p) => progress.push(p) })

            // a second run, saying why, with its own load
            const status = yield* mirror.status
            expect(status.runs).toHaveLength(2)
            const [second, first] = status.runs
            expect(second?.reason).toMatch(/expired/)
            expect(second?.subscriptionId).toBeDefined()
            expect(second?.subscriptionId).not.toBe(first?.subscriptionId)
            expect(second?.loadedAt).toBeDefined()
            expect(second?.loadedRows).toBeGreaterThan(0)
            expect(first?.endedAt).toBeDefined()
            expect(status.runId).toBe(second?.runId)
            expect(status.phase).toBe("following")
            expect(progress).toContainEqual(expect.objectContaining({ _tag: "RunStarted", runId: second?.runId }))

            // the gap's changes are in the tables, and recorded as changes of the load
            expect(yield* differences(sim, window)).toEqual({})
            const activities = yield* liveRows(activitiesTable)
            expect(activities.get(String(created.activityId))?.customerName).toBe("During the gap")
            expect(activities.get(String(updated))?.customerName).toBe("Renamed in the gap")
            expect(activities.has(String(deleted))).toBe(false)
            const changes = yield* sql<{ entity_key: string; kind: string }>`SELECT entity_key, kind FROM mirror_changes
              WHERE run_id = ${second?.runId as number} AND event_type = 'mirrorLoad'`.withoutTransform
            expect(changes.map((c) => c.entity_key)).toEqual(
              expect.arrayContaining([String(created.activityId), String(updated), String(deleted)])
            )

            // and the new subscription is followed
            yield* core.activities.update(created.activityId as number, { city: "After the gap" })
            yield* mirror.run({ follow: false })
            expect((yield* liveRows(activitiesTable)).get(String(created.activityId))?.city).toBe("After the gap")
            expect(yield* differences(sim, window)).toEqual({})
            expect((yield* mirror.status).runs).toHaveLength(2)
          }).pipe(Effect.provide(context))
        })
      ),
    120_000
  )
})
