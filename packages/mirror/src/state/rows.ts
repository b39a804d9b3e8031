/**
 * Reading and writing mirrored rows, the same SQL on SQLite and Postgres: rows are read by a key
 * column, written as multi-row upserts (`INSERT ... ON CONFLICT (key) DO UPDATE`) in batches small
 * enough for either database's parameter limit.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect } from "effect"
import type { Columns, ColumnValue, Json, MirrorTable, ProjectionContext } from "../tables/tables.js"

/** A row as the mirror holds it. */
export interface StoredRow {
  readonly key: Columns
  readonly data: Json
  readonly deleted: boolean
  /** Polls applied when the row was last read from OFS (see apply/staleness.ts). */
  readonly readSeq: number
}

/** A row to write: the answer it holds, whether it is a tombstone, and how it was confirmed. */
export interface RowWrite {
  readonly key: Columns
  readonly data: Json
  readonly deleted: boolean
  readonly readSeq: number
  readonly confirmedBy: "load" | "read" | "event"
}

/** Parameters per statement: under SQLite's 32,766 and Postgres' 65,535. */
const maxParameters = 20_000

const parse = (text: unknown): Json => {
  if (typeof text !== "string") return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null ? (value as Json) : {}
  } catch {
    return {}
  }
}

/** The rows of a table whose `column` is one of `values` (tombstones included). */
export const readRows = (
  table: MirrorTable,
  column: string,
  values: ReadonlyArray<ColumnValue>
): Effect.Effect<ReadonlyArray<StoredRow>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    if (values.length === 0) return []
    const sql = yield* SqlClient.SqlClient
    const out: Array<StoredRow> = []
    for (let at = 0; at < values.length; at += 500) {
      const batch = values.slice(at, at + 500)
      const rows = yield* sql<Record<string, unknown>>`SELECT ${sql.literal(
        table.keys.join(", ")
      )}, data, deleted_at, read_seq FROM ${sql(table.name)} WHERE ${sql(column)} IN ${sql.in(batch as Array<ColumnValue>)}`
        .withoutTransform
      for (const row of rows) {
        const key: Record<string, ColumnValue> = {}
        for (const k of table.keys) key[k] = row[k] as ColumnValue
        out.push({ key, data: parse(row.data), deleted: row.deleted_at != null, readSeq: Number(row.read_seq) })
      }
    }
    return out
  })

/** Writes rows (insert or replace by key), stamped with the run and time of confirmation. */
export const writeRows = (
  table: MirrorTable,
  writes: ReadonlyArray<RowWrite>,
  stamp: { readonly runId: number; readonly at: string },
  context: ProjectionContext
): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    if (writes.length === 0) return
    const sql = yield* SqlClient.SqlClient
    const records = writes.map((w) => {
      // the projection answers a fresh object: growing it is ~6x cheaper than spreading it and the
      // key into a new literal, which V8 copies property by property (~150 µs an activity row)
      const record = table.columns(w.data, context) as Record<string, ColumnValue>
      for (const k of table.keys) record[k] = w.key[k] as ColumnValue
      record.data = JSON.stringify(w.data)
      record.deleted_at = w.deleted ? stamp.at : null
      record.confirmed_at = stamp.at
      record.confirmed_by = w.confirmedBy
      record.read_seq = w.readSeq
      record.run_id = stamp.runId
      return record
    })
    const columns = Object.keys(records[0] as object)
    const updates = columns
      .filter((c) => !table.keys.includes(c))
      .map((c) =>
        // a tombstone keeps the time of the deletion it first recorded
        c === "deleted_at"
          ? `deleted_at = CASE WHEN excluded.deleted_at IS NULL THEN NULL ELSE COALESCE(${table.name}.deleted_at, excluded.deleted_at) END`
          : `${c} = excluded.${c}`
      )
      .join(", ")
    const perStatement = Math.max(1, Math.floor(maxParameters / columns.length))
    for (let at = 0; at < records.length; at += perStatement) {
      const batch = records.slice(at, at + perStatement)
      yield* sql`INSERT INTO ${sql(table.name)} ${sql.insert(batch)} ON CONFLICT (${sql.literal(
        table.keys.join(", ")
      )}) DO UPDATE SET ${sql.literal(updates)}`.withoutTransform
    }
  })

/** Live rows of a table not confirmed by a run: what a fresh load did not find again. */
export const staleLiveKeys = (
  table: MirrorTable,
  runId: number
): Effect.Effect<ReadonlyArray<StoredRow>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<Record<string, unknown>>`SELECT ${sql.literal(
      table.keys.join(", ")
    )}, data, read_seq FROM ${sql(table.name)} WHERE deleted_at IS NULL AND run_id <> ${runId}`.withoutTransform
    return rows.map((row) => {
      const key: Record<string, ColumnValue> = {}
      for (const k of table.keys) key[k] = row[k] as ColumnValue
      return { key, data: parse(row.data), deleted: false, readSeq: Number(row.read_seq) }
    })
  })
