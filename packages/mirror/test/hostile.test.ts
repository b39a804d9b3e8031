/**
 * The mirror against what it does not expect: events of a type or shape it does not know are kept
 * as received and counted, never applied and never a stop; a database password never shows in an
 * error or the status; a database written by a newer mirror is refused and left as it is.
 */
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Simulator, type SimulatorHandle } from "@ofsc/simulator"
import { Cause, Effect, Exit, Layer } from "effect"
import { describe, expect } from "vitest"
import { Mirror, MirrorDatabaseError, MirrorSchemaTooNew } from "../src/index.js"
import { activitiesTable } from "../src/tables/tables.js"
import { buildMirror, differences, liveRows, mirrorLayer, sqlLayer, tempSqlite } from "./support/harness.js"
import { freshPostgresDatabaseScoped, testPostgresUrl } from "./support/postgres.js"

const window = { from: "2026-11-03", to: "2026-11-05" }

/** Adds `items` to the next answer of GET events that the simulator gives (as if OFS had sent them). */
const injectIntoNextPoll = (sim: SimulatorHandle, items: ReadonlyArray<unknown>) => {
  const events = sim.router.match("GET", "/rest/ofscCore/v1/events")
  if (typeof events === "string") throw new Error("the simulator has no GET events")
  let pending = [...items]
  sim.router.on("GET", "/rest/ofscCore/v1/events", async (request) => {
    const answer = await events.handler(request)
    const body = answer.json as { items?: Array<unknown> } | undefined
    if (pending.length === 0 || answer.status !== 200 || body === undefined) return answer
    const json = { ...body, items: [...(body.items ?? []), ...pending] }
    pending = []
    return { ...answer, json }
  })
}

/** Everything an error shows: its message, its string, its JSON and the pretty cause around it. */
const everythingShown = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.match(exit, {
    onSuccess: () => "",
    onFailure: (cause) => {
      const error = Cause.squash(cause) as { message?: string }
      return [error.message, String(error), JSON.stringify(error), Cause.pretty(cause)].join("\n")
    }
  })

describe("mirror against hostile input", () => {
  it.live(
    "events it does not know are kept and counted, never applied, never a stop",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const sim = yield* Simulator.scoped({ seed: 53, size: "small" })
          const database = tempSqlite()
          const context = yield* buildMirror(sim, { database, window })
          yield* Effect.gen(function* () {
            const mirror = yield* Mirror
            const core = yield* OfscCore
            const sql = yield* SqlClient.SqlClient
            yield* mirror.run({ follow: false })
            const time = "2026-11-04 10:00:00"
            // logged by the simulator, so its subscriptions deliver them: known types, unusable shapes
            sim.store.emit("activityUpdated", { user: "odd" })
            sim.store.emit("userUpdated", { user: "odd", userDetails: { name: "no login" } })
            sim.store.emit("inventoryInstalled", {
              user: "odd",
              inventoryDetails: {},
              inventoryChanges: { status: "x" }
            })
            sim.store.emit("activityLinkCreated", { user: "odd", activityLinkDetails: { linkType: "start-before" } })
            // a block of the wrong type: the poll is still applied (events are read undecoded)
            sim.store.emit("activityUpdated", { user: "odd", activityDetails: "oops" })
            // sent as if OFS had started publishing something new
            injectIntoNextPoll(sim, [
              { eventType: "teleportationCompleted", time, user: "odd", teleportDetails: { to: "Mars" } },
              { time, user: "odd", activityDetails: { activityId: 4000001 } }
            ])
            const updated = Number(
              sim.store
                .collection("activities")
                .list()
                .find((a) => a.date === "2026-11-04")?.activityId
            )
            yield* core.activities.update(updated, { customerName: "After the odd ones" })
            const progress: Array<number> = []
            yield* mirror.run({
              follow: false,
              onProgress: (p) => (p._tag === "Applied" ? progress.push(p.poll.unknownEvents) : undefined)
            })

            const status = yield* mirror.status
            expect(status.unknownEvents).toBe(7)
            expect(progress.reduce((n, u) => n + u, 0)).toBe(7)
            const kept = yield* sql<{ event_type: string | null; reason: string; data: string }>`SELECT
              event_type, reason, data FROM mirror_unknown_events ORDER BY unknown_id`.withoutTransform
            expect(kept.map((k) => k.event_type)).toEqual([
              "activityUpdated",
              "userUpdated",
              "inventoryInstalled",
              "activityLinkCreated",
              "activityUpdated",
              "teleportationCompleted",
              null
            ])
            expect(kept.map((k) => k.reason)).toEqual([
              expect.stringContaining("activityDetails"),
              expect.stringContaining("userDetails"),
              expect.stringContaining("inventoryDetails"),
              expect.stringContaining("activities"),
              expect.stringContaining("activityDetails"),
              expect.stringContaining("teleportationCompleted"),
              expect.stringContaining("eventType")
            ])
            expect(JSON.parse(kept[5]?.data ?? "null")).toMatchObject({ teleportDetails: { to: "Mars" } })
            // the events around them were applied, and nothing else changed
            expect((yield* liveRows(activitiesTable)).get(String(updated))?.customerName).toBe("After the odd ones")
            expect(yield* differences(sim, window)).toEqual({})
            expect(status.phase).toBe("following")
          }).pipe(Effect.provide(context))
        })
      ),
    120_000
  )

  it.live("a database password never shows in an error or the status", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ seed: 59, size: "small" })
        const open = (database: string) => Effect.exit(Layer.build(mirrorLayer(sim, { database, window })))

        // nothing listens there
        const unreachable = yield* open("postgres://u:s3cret@127.0.0.1:1/x")
        expect(Exit.isFailure(unreachable)).toBe(true)
        if (Exit.isFailure(unreachable)) expect(Cause.squash(unreachable.cause)).toBeInstanceOf(MirrorDatabaseError)
        expect(everythingShown(unreachable)).toContain("127.0.0.1:1")
        expect(everythingShown(unreachable)).not.toContain("s3cret")

        // the server refuses the password
        const server = new URL(testPostgresUrl())
        server.password = "s3cret-but-wrong"
        const refused = yield* open(server.href)
        expect(Exit.isFailure(refused)).toBe(true)
        if (Exit.isFailure(refused)) expect(Cause.squash(refused.cause)).toBeInstanceOf(MirrorDatabaseError)
        expect(everythingShown(refused)).not.toContain("s3cret")

        // a database that works: its status shows the location without the password
        const db = yield* freshPostgresDatabaseScoped
        const password = new URL(db.url).password
        const mirror = yield* Layer.build(mirrorLayer(sim, { database: db.url, window }))
        const status = yield* Effect.flatMap(Mirror, (m) => m.status).pipe(Effect.provide(mirror))
        expect(status.database).toContain(":***@")
        expect(JSON.stringify(status)).not.toContain(`:${password}@`)
      })
    )
  )

  it.live("a database written by a newer mirror is refused and left as it is", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ seed: 61, size: "small" })
        const database = tempSqlite()
        // a database this mirror made, then a newer one migrated further
        yield* Effect.scoped(Layer.build(sqlLayer(database)))
        const raw = SqliteClient.layer({ filename: database })
        const contents = Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          return {
            schema: yield* sql`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`.withoutTransform,
            migrations: yield* sql`SELECT migration_id, name FROM effect_sql_migrations ORDER BY migration_id`
              .withoutTransform,
            state: yield* sql`SELECT COUNT(*) AS n FROM mirror_state`.withoutTransform
          }
        }).pipe(Effect.provide(raw), Effect.scoped)
        yield* Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql`INSERT INTO effect_sql_migrations (migration_id, name) VALUES (2, 'from_the_future')`
        ).pipe(Effect.provide(raw), Effect.scoped)
        const before = yield* contents

        const exit = yield* Effect.exit(Layer.build(mirrorLayer(sim, { database, window })))
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) {
          const error = Cause.squash(exit.cause)
          expect(error).toBeInstanceOf(MirrorSchemaTooNew)
          expect(error).toMatchObject({ found: 2, known: 1 })
          expect((error as MirrorSchemaTooNew).message).toMatch(/upgrade/)
        }
        expect(yield* contents).toEqual(before)
      })
    )
  )
})
