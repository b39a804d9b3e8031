/**
 * Work skills, zones and schedules read again on a schedule: OFS publishes no event when a work
 * schedule changes (and a skill or zone may change in ways no event covers), so the mirror reads
 * each live resource's lists again and records the differences as changes, resource by resource,
 * each in its own transaction.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import type { OfscCore, OfscError } from "@ofsc/core"
import { Effect } from "effect"
import type { MirrorRunContext } from "../apply/scope.js"
import { diffRow, writeChanges } from "../outbox/changes.js"
import type { MirrorPosition } from "../state/mirrorState.js"
import { type RowWrite, readRows, writeRows } from "../state/rows.js"
import {
  entityKeyOf,
  type Json,
  type MirrorTable,
  workSchedulesTable,
  workSkillsTable,
  workZonesTable
} from "../tables/tables.js"
import { resourceDetails } from "./ofsReads.js"

/** Replaces a resource's rows of one table by a list read now; answers the writes and the changes. */
export const replaceResourceList = (
  table: MirrorTable,
  resourceId: string,
  items: ReadonlyArray<Json>,
  stored: ReadonlyArray<{
    readonly key: Readonly<Record<string, string | number | null>>
    readonly data: Json
    readonly deleted: boolean
    readonly readSeq: number
  }>,
  readSeq: number,
  eventType: string
) => {
  const writes: Array<RowWrite> = []
  const changes = []
  const seen = new Set<string>()
  const before = new Map(
    stored.filter((r) => r.key.resource_id === resourceId).map((r) => [entityKeyOf(table, r.key), r] as const)
  )
  for (const item of items) {
    const data = { ...item, resourceId }
    const key = table.keyOf(data)
    if (key === undefined) continue
    const k = entityKeyOf(table, key)
    seen.add(k)
    const write: RowWrite = { key, data, deleted: false, readSeq, confirmedBy: "read" }
    writes.push(write)
    const change = diffRow(table.entity, k, before.get(k), write, eventType, undefined)
    if (change !== undefined) changes.push(change)
  }
  for (const [k, row] of before) {
    if (row.deleted || seen.has(k)) continue
    const write: RowWrite = { ...row, deleted: true, confirmedBy: "read" }
    writes.push(write)
    const change = diffRow(table.entity, k, row, write, eventType, undefined)
    if (change !== undefined) changes.push(change)
  }
  return { writes, changes }
}

/** Reads every live resource's work skills, zones and schedules again and stores what changed. */
export const refreshResourceLists = (
  options: Omit<MirrorRunContext, "noteResourceZone"> & { readonly position: MirrorPosition }
): Effect.Effect<void, OfscError | SqlError.SqlError, SqlClient.SqlClient | OfscCore> =>
  Effect.gen(function* () {
    const { scope, position } = options
    if (!scope.workSkills && !scope.workZones && !scope.workSchedules) return
    const sql = yield* SqlClient.SqlClient
    const resources = yield* sql<{ resource_id: string }>`SELECT resource_id FROM resources WHERE deleted_at IS NULL`
      .withoutTransform
    yield* Effect.forEach(
      resources.map((r) => String(r.resource_id)),
      (resourceId) =>
        Effect.gen(function* () {
          const lists = yield* resourceDetails(resourceId, {
            inventories: false,
            workSkills: scope.workSkills,
            workZones: scope.workZones,
            workSchedules: scope.workSchedules
          })
          const at = new Date().toISOString()
          yield* sql.withTransaction(
            Effect.gen(function* () {
              for (const [enabled, table, items] of [
                [scope.workSkills, workSkillsTable, lists.workSkills],
                [scope.workZones, workZonesTable, lists.workZones],
                [scope.workSchedules, workSchedulesTable, lists.workSchedules]
              ] as const) {
                if (!enabled) continue
                const stored = yield* readRows(table, "resource_id", [resourceId])
                const { writes, changes } = replaceResourceList(
                  table,
                  resourceId,
                  items,
                  stored,
                  position.pollsApplied,
                  "mirrorRefresh"
                )
                yield* writeChanges(changes, { runId: position.runId, at, endpointsFor: options.endpointsFor })
                yield* writeRows(table, writes, { runId: position.runId, at }, options.projection)
              }
            })
          )
        }),
      { concurrency: 4, discard: true }
    )
  })
