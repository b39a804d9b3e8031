/**
 * The parts a mirror test runs on: a simulator on 127.0.0.1, the ofscCore API pointed at it, a
 * mirror over a SQLite file (or a Postgres database), and the simulator's store projected the way
 * the mirror's tables hold it, to compare with what the mirror stored.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { type SimulatorHandle, simulatorClientOptions } from "@ofsc/simulator"
import { Effect, Either, Layer } from "effect"
import { databaseLayer } from "../../src/database/connect.js"
import { parseDatabaseLocation } from "../../src/database/location.js"
import { Mirror, type MirrorOptions } from "../../src/index.js"
import {
  activitiesTable,
  activityLinksTable,
  entityKeyOf,
  inventoriesTable,
  type Json,
  type MirrorTable,
  resourcesTable,
  tables,
  usersTable,
  workSchedulesTable,
  workSkillsTable,
  workZonesTable
} from "../../src/tables/tables.js"

/** A fresh SQLite file in a temp folder. */
export const tempSqlite = (): string => join(mkdtempSync(join(tmpdir(), "ofsc-mirror-")), "mirror.db")

/** The client of a simulator (retries on, as a user runs it): its transport and the ofscCore API. */
export const coreLayer = (sim: SimulatorHandle) =>
  OfscCore.layer.pipe(
    Layer.provideMerge(OfscClient.layer(simulatorClientOptions(sim, { timeout: "30 seconds" }))),
    Layer.provide(OfscHttpClient.layerUndici),
    Layer.orDie
  )

/** A mirror of the simulator, with the core API and an HttpClient for its webhooks. */
export const mirrorLayer = (sim: SimulatorHandle, options: MirrorOptions) =>
  Mirror.layer(options).pipe(Layer.provide(Layer.merge(coreLayer(sim), OfscHttpClient.layerUndici)))

/** A mirror of the simulator, the simulator's client and a SqlClient on the mirror's database, built in the test's scope. */
export const buildMirror = (sim: SimulatorHandle, options: MirrorOptions) =>
  Layer.build(Layer.mergeAll(mirrorLayer(sim, options), coreLayer(sim), sqlLayer(options.database)))

/** A SqlClient on a mirror's database (migrated), to read its tables. */
export const sqlLayer = (database: string) =>
  databaseLayer(Either.getOrThrow(parseDatabaseLocation(database))).pipe(Layer.orDie)

/** The live rows of a mirror's table: key → the whole answer. */
export const liveRows = (table: MirrorTable) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<Record<string, unknown>>`SELECT * FROM ${sql(table.name)} WHERE deleted_at IS NULL`
      .withoutTransform
    const out = new Map<string, Json>()
    for (const row of rows) {
      const key: Record<string, string | number | null> = {}
      for (const k of table.keys) key[k] = row[k] as string | number
      out.set(entityKeyOf(table, key), JSON.parse(String(row.data)) as Json)
    }
    return out
  })

/** A list the simulator answers over HTTP (work zones and schedules carry fields it derives when answering). */
const answered = async (sim: SimulatorHandle, path: string): Promise<ReadonlyArray<Json>> => {
  const response = await fetch(`${sim.url}/rest/ofscCore/v1/${path}`, {
    headers: { authorization: `Basic ${Buffer.from("ofsc-sim@sim:sim-secret").toString("base64")}` }
  })
  const body = (await response.json()) as { items?: ReadonlyArray<Json> }
  return body.items ?? []
}

/**
 * The simulator's state projected as the mirror's tables (key → record), for a window of activity
 * dates: records from its store, and the work zones and schedules as it answers them.
 */
export const expectedRows = (sim: SimulatorHandle, window: { from: string; to: string }) =>
  Effect.promise(async () => {
    const store = sim.store
    const byKey = (table: MirrorTable, records: ReadonlyArray<Json>) => {
      const out = new Map<string, Json>()
      for (const record of records) {
        const key = table.keyOf(record)
        if (key !== undefined) out.set(entityKeyOf(table, key), record)
      }
      return out
    }
    const activities = store
      .collection("activities")
      .list()
      .filter((a) => typeof a.date === "string" && a.date >= window.from && a.date <= window.to) as ReadonlyArray<Json>
    const activityIds = new Set(activities.map((a) => Number(a.activityId)))
    const resources = store.collection("resources").list() as ReadonlyArray<Json>
    const inventories = (store.collection("inventories").list() as ReadonlyArray<Json>).filter(
      (i) => i.status === "resource" || activityIds.has(Number(i.activityId))
    )
    const links = [...activityIds].flatMap(
      (id) => store.collection(`activities/${id}/linkedActivities`).list() as ReadonlyArray<Json>
    )
    const perResource = async (name: string) =>
      (
        await Promise.all(
          resources.map(async (r) =>
            (
              await answered(sim, `resources/${encodeURIComponent(String(r.resourceId))}/${name}`)
            ).map((item) => ({
              ...item,
              resourceId: r.resourceId
            }))
          )
        )
      ).flat()
    return new Map<MirrorTable, Map<string, Json>>([
      [activitiesTable, byKey(activitiesTable, activities)],
      [resourcesTable, byKey(resourcesTable, resources)],
      [usersTable, byKey(usersTable, store.collection("users").list() as ReadonlyArray<Json>)],
      [inventoriesTable, byKey(inventoriesTable, inventories)],
      [activityLinksTable, byKey(activityLinksTable, links)],
      [workSkillsTable, byKey(workSkillsTable, await perResource("workSkills"))],
      [workZonesTable, byKey(workZonesTable, await perResource("workZones"))],
      [workSchedulesTable, byKey(workSchedulesTable, await perResource("workSchedules"))]
    ])
  })

/** Every difference between the mirror's live rows and the expected ones, per table (empty when equal). */
export const differences = (sim: SimulatorHandle, window: { from: string; to: string }) =>
  Effect.gen(function* () {
    const expected = yield* expectedRows(sim, window)
    const report: Record<
      string,
      { missing: Array<string>; extra: Array<string>; differing: Array<string>; firstDifference?: unknown }
    > = {}
    for (const table of Object.values(tables)) {
      const want = expected.get(table) ?? new Map()
      const have = yield* liveRows(table)
      const missing = [...want.keys()].filter((k) => !have.has(k))
      const extra = [...have.keys()].filter((k) => !want.has(k))
      const differing = [...want.keys()].filter(
        (k) => have.has(k) && JSON.stringify(sortKeys(have.get(k))) !== JSON.stringify(sortKeys(want.get(k)))
      )
      const first = differing[0]
      if (missing.length + extra.length + differing.length > 0)
        report[table.name] = {
          missing,
          extra,
          differing,
          ...(first !== undefined && { firstDifference: { mirror: have.get(first), store: want.get(first) } })
        }
    }
    return report
  })

const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : typeof value === "object" && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v)])
        )
      : value
