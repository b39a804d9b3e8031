/**
 * The changes the mirror applies, as rows of `mirror_changes` (a stable, ordered id each) and, in
 * the same transaction, one `mirror_deliveries` row per webhook endpoint that wants the entity:
 * the transactional outbox. A row written again with the same answer is no change.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect } from "effect"
import type { RowWrite, StoredRow } from "../state/rows.js"
import type { Json, MirrorEntity } from "../tables/tables.js"

/** One applied change of one row. */
export interface ChangeRecord {
  readonly changeId: number
  readonly entity: MirrorEntity
  /** The row's key values joined by `/`. */
  readonly entityKey: string
  readonly kind: "created" | "updated" | "deleted"
  /** The OFS event that caused it (or what the mirror did: `activityLeftWindow`, ...). */
  readonly eventType: string | undefined
  /** When OFS says it happened (the event's time, UTC), if an event said. */
  readonly occurredAt: string | undefined
  /** The fields whose values changed. */
  readonly fields: ReadonlyArray<string>
  /** The row's whole answer after the change; undefined once deleted. */
  readonly data: Json | undefined
}

/** The fields whose values differ between two answers. */
const changedFields = (before: Json, after: Json): ReadonlyArray<string> => {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort()
}

/** The change a write makes to a row, if it makes one. */
export const diffRow = (
  entity: MirrorEntity,
  entityKey: string,
  before: StoredRow | undefined,
  after: RowWrite,
  eventType: string | undefined,
  occurredAt: string | undefined
): Omit<ChangeRecord, "changeId"> | undefined => {
  const wasLive = before !== undefined && !before.deleted
  if (after.deleted) {
    return wasLive
      ? { entity, entityKey, kind: "deleted", eventType, occurredAt, fields: [], data: undefined }
      : undefined
  }
  if (!wasLive)
    return {
      entity,
      entityKey,
      kind: "created",
      eventType,
      occurredAt,
      fields: Object.keys(after.data).sort(),
      data: after.data
    }
  const fields = changedFields(before.data, after.data)
  return fields.length === 0
    ? undefined
    : { entity, entityKey, kind: "updated", eventType, occurredAt, fields, data: after.data }
}

/** Writes changes and their deliveries; answers them with their ids, in order. */
export const writeChanges = (
  changes: ReadonlyArray<Omit<ChangeRecord, "changeId">>,
  options: {
    readonly runId: number
    readonly at: string
    readonly endpointsFor: (entity: MirrorEntity) => ReadonlyArray<string>
  }
): Effect.Effect<ReadonlyArray<ChangeRecord>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    if (changes.length === 0) return []
    const sql = yield* SqlClient.SqlClient
    const out: Array<ChangeRecord> = []
    for (let at = 0; at < changes.length; at += 1000) {
      const batch = changes.slice(at, at + 1000)
      const ids = yield* sql<{ change_id: number }>`INSERT INTO mirror_changes ${sql.insert(
        batch.map((c) => ({
          run_id: options.runId,
          entity: c.entity,
          entity_key: c.entityKey,
          kind: c.kind,
          event_type: c.eventType ?? null,
          occurred_at: c.occurredAt ?? null,
          applied_at: options.at,
          fields: JSON.stringify(c.fields),
          data: c.data === undefined ? null : JSON.stringify(c.data)
        }))
      )} RETURNING change_id`.withoutTransform
      batch.forEach((c, i) => {
        out.push({ ...c, changeId: Number(ids[i]?.change_id) })
      })
    }
    const deliveries = out.flatMap((c) =>
      options.endpointsFor(c.entity).map((endpoint) => ({
        change_id: c.changeId,
        endpoint,
        entity_key: `${c.entity}/${c.entityKey}`,
        state: "pending",
        attempts: 0,
        next_attempt_at: options.at,
        created_at: options.at
      }))
    )
    for (let at = 0; at < deliveries.length; at += 1000)
      yield* sql`INSERT INTO mirror_deliveries ${sql.insert(deliveries.slice(at, at + 1000))}`.withoutTransform
    return out
  })
