/**
 * The snapshot a run starts from, read after its subscription exists (so no change is missed
 * between them): resources, users, each resource's inventories, work skills, zones and schedules,
 * the activities of the window (31-day windows, at most 3 GET activities in flight) and each one's
 * inventories and links. Rows are written page by page, each page in its own transaction, stamped
 * with the run and `read_seq`; when the load ends, live rows of earlier runs it did not find again
 * become tombstones. After a gap, the load is compared with what the mirror held, and the
 * differences are recorded as changes (and forwarded); the very first load is the baseline and
 * records none.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import type { OfscCore, OfscError } from "@ofsc/core"
import { Effect, Stream } from "effect"
import type { MirrorRunContext } from "../apply/scope.js"
import { diffRow, writeChanges } from "../outbox/changes.js"
import type { MirrorPosition } from "../state/mirrorState.js"
import { type RowWrite, readRows, staleLiveKeys, writeRows } from "../state/rows.js"
import {
  activitiesTable,
  activityLinksTable,
  entityKeyOf,
  inventoriesTable,
  type Json,
  type MirrorTable,
  resourcesTable,
  usersTable,
  workSchedulesTable,
  workSkillsTable,
  workZonesTable
} from "../tables/tables.js"
import { activityDetails, activityPages, resourceDetails, resourcePages, userPages } from "./ofsReads.js"

/** How far a load has come. */
export interface LoadProgress {
  readonly step: "resources" | "users" | "resource details" | "activities" | "activity details" | "done"
  readonly rows: number
  readonly activities: number
  /** The date of the last activity page written, when loading activities. */
  readonly date?: string | undefined
  /** Activities whose inventories and links are read, of `total`, when reading activity details. */
  readonly done?: number | undefined
  /** How many activities' details there are to read. */
  readonly total?: number | undefined
}

/** What a load needs. */
export interface LoadContext extends MirrorRunContext {
  readonly position: MirrorPosition
  /** Whether to record the differences with the stored rows as changes (not on the first load). */
  readonly recordChanges: boolean
  readonly onProgress: (progress: LoadProgress) => void
  /** Activity pages asked for (GET activities' limit). */
  readonly pageSize: number
}

/** Loads the snapshot; answers the number of rows written. */
export const firstLoad = (
  context: LoadContext
): Effect.Effect<number, OfscError | SqlError.SqlError, SqlClient.SqlClient | OfscCore> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const { position, scope } = context
    let rows = 0
    let activities = 0
    const stamp = () => ({ runId: position.runId, at: new Date().toISOString() })
    const write = (table: MirrorTable, items: ReadonlyArray<Json>) =>
      Effect.gen(function* () {
        const writes: Array<RowWrite> = []
        for (const data of items) {
          const key = table.keyOf(data)
          if (key !== undefined)
            writes.push({ key, data, deleted: false, readSeq: position.pollsApplied, confirmedBy: "load" })
        }
        const at = stamp()
        yield* sql.withTransaction(
          Effect.gen(function* () {
            if (context.recordChanges) {
              const before = new Map(
                (yield* readRows(table, table.keys[0] as string, [
                  ...new Set(writes.map((w) => w.key[table.keys[0] as string] as string | number))
                ])).map((r) => [entityKeyOf(table, r.key), r] as const)
              )
              const changes = writes.flatMap((w) => {
                const k = entityKeyOf(table, w.key)
                const change = diffRow(table.entity, k, before.get(k), w, "mirrorLoad", undefined)
                return change === undefined ? [] : [change]
              })
              yield* writeChanges(changes, { runId: position.runId, at: at.at, endpointsFor: context.endpointsFor })
            }
            yield* writeRows(table, writes, at, context.projection)
          })
        )
        rows += writes.length
      })

    const resourceIds: Array<string> = []
    if (scope.resources || scope.activities) {
      yield* Stream.runForEach(resourcePages, (page) =>
        Effect.gen(function* () {
          for (const r of page) {
            resourceIds.push(String(r.resourceId))
            context.noteResourceZone(String(r.resourceId), r.timeZoneIANA as string | undefined)
          }
          if (scope.resources) yield* write(resourcesTable, page)
          context.onProgress({ step: "resources", rows, activities })
        })
      )
      if (scope.users) {
        yield* Stream.runForEach(userPages, (page) =>
          Effect.zipRight(
            write(usersTable, page),
            Effect.sync(() => context.onProgress({ step: "users", rows, activities }))
          )
        )
      }
    }

    // each resource's lists are read beside the activities (they do not depend on each other), so
    // the load takes about as long as its longer part rather than the sum
    const kinds = {
      inventories: scope.resourceInventories,
      workSkills: scope.workSkills,
      workZones: scope.workZones,
      workSchedules: scope.workSchedules
    }
    const resourceDetailsPhase = !Object.values(kinds).some(Boolean)
      ? Effect.void
      : Effect.forEach(
          resourceIds,
          (resourceId) =>
            Effect.flatMap(resourceDetails(resourceId, kinds), (d) =>
              Effect.all([
                write(inventoriesTable, d.inventories),
                write(workSkillsTable, d.workSkills),
                write(workZonesTable, d.workZones),
                write(workSchedulesTable, d.workSchedules)
              ]).pipe(
                Effect.zipRight(
                  Effect.sync(() => {
                    if (!scope.activities) context.onProgress({ step: "resource details", rows, activities })
                  })
                )
              )
            ),
          { concurrency: 8, discard: true }
        )
    const ids: Array<number> = []
    const activitiesPhase = !scope.activities
      ? Effect.void
      : Stream.runForEach(activityPages(scope.windowFrom, scope.windowTo, context.pageSize), (page) =>
          Effect.gen(function* () {
            yield* write(activitiesTable, page)
            activities += page.length
            for (const a of page) ids.push(Number(a.activityId))
            context.onProgress({
              step: "activities",
              rows,
              activities,
              date: page[page.length - 1]?.date as string | undefined
            })
          })
        )
    yield* Effect.all([resourceDetailsPhase, activitiesPhase], { concurrency: 2, discard: true })

    if (scope.activities) {
      if (scope.activityInventories || scope.activityLinks) {
        const kinds = { inventories: scope.activityInventories, links: scope.activityLinks }
        let done = 0
        yield* Effect.forEach(
          ids,
          (id) =>
            Effect.flatMap(activityDetails(id, kinds), (d) =>
              Effect.all([write(inventoriesTable, d.inventories), write(activityLinksTable, d.links)]).pipe(
                Effect.zipRight(
                  Effect.sync(() => {
                    done++
                    if (done % 50 === 0 || done === ids.length)
                      context.onProgress({ step: "activity details", rows, activities, done, total: ids.length })
                  })
                )
              )
            ),
          { concurrency: 16, discard: true }
        )
      }
    }

    // what the load did not find again is gone (or out of the window)
    const tablesLoaded = [
      scope.resources ? resourcesTable : undefined,
      scope.users ? usersTable : undefined,
      scope.resourceInventories || scope.activityInventories ? inventoriesTable : undefined,
      scope.workSkills ? workSkillsTable : undefined,
      scope.workZones ? workZonesTable : undefined,
      scope.workSchedules ? workSchedulesTable : undefined,
      scope.activities ? activitiesTable : undefined,
      scope.activityLinks ? activityLinksTable : undefined
    ].filter((t): t is MirrorTable => t !== undefined)
    for (const table of tablesLoaded) {
      const stale = yield* staleLiveKeys(table, position.runId)
      if (stale.length === 0) continue
      const at = stamp()
      yield* sql.withTransaction(
        Effect.gen(function* () {
          const writes = stale.map((r): RowWrite => ({ ...r, deleted: true, confirmedBy: "load" }))
          if (context.recordChanges)
            yield* writeChanges(
              writes.flatMap((w, i) => {
                const change = diffRow(table.entity, entityKeyOf(table, w.key), stale[i], w, "mirrorLoad", undefined)
                return change === undefined ? [] : [change]
              }),
              { runId: position.runId, at: at.at, endpointsFor: context.endpointsFor }
            )
          yield* writeRows(table, writes, at, context.projection)
        })
      )
    }
    context.onProgress({ step: "done", rows, activities })
    return rows
  })
