/**
 * What `ofsc mirror status` shows: where the mirror is (run, phase, cursor age, events applied,
 * lag), its runs (why each started), rows per table (live and tombstones), deliveries by state and
 * events it could not apply. Read from the database alone: it works while a mirror runs elsewhere.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect, Option } from "effect"
import { readPosition } from "./state/mirrorState.js"
import { tables } from "./tables/tables.js"

/** One run of the mirror. */
export interface MirrorRun {
  readonly runId: number
  readonly reason: string
  readonly subscriptionId: string | undefined
  readonly startedAt: string
  readonly loadedAt: string | undefined
  readonly endedAt: string | undefined
  readonly windowFrom: string
  readonly windowTo: string
  readonly loadedRows: number
  readonly note: string | undefined
}

/** The mirror's state as the database holds it. */
export interface MirrorStatus {
  readonly database: string
  /** Whether the mirror ever started on this database. */
  readonly started: boolean
  readonly runId: number | undefined
  readonly phase: string | undefined
  readonly subscriptionId: string | undefined
  readonly windowFrom: string | undefined
  readonly windowTo: string | undefined
  readonly eventsApplied: number
  readonly pollsApplied: number
  readonly lastPollAt: string | undefined
  /** The time (UTC, as OFS writes it) of the newest event applied. */
  readonly lastEventAt: string | undefined
  /** Seconds since the last poll was applied. */
  readonly secondsSinceLastPoll: number | undefined
  readonly owner: string | undefined
  readonly leaseUntil: string | undefined
  /** The runs, newest first (at most 20). */
  readonly runs: ReadonlyArray<MirrorRun>
  /** Rows per table: live and tombstones. */
  readonly tables: ReadonlyArray<{ readonly table: string; readonly live: number; readonly deleted: number }>
  /** Deliveries by state. */
  readonly deliveries: Readonly<Record<string, number>>
  /** Events stored as received because the mirror could not apply them. */
  readonly unknownEvents: number
}

const opt = (v: unknown) => (v === null || v === undefined ? undefined : String(v))

/** The zones of the live resources the mirror holds. */
export const resourceZones: Effect.Effect<
  ReadonlyArray<{ readonly resourceId: string; readonly zone: string }>,
  SqlError.SqlError,
  SqlClient.SqlClient
> = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.map(
    sql<{
      resource_id: string
      time_zone_iana: string
    }>`SELECT resource_id, time_zone_iana FROM resources WHERE deleted_at IS NULL AND time_zone_iana IS NOT NULL`
      .withoutTransform,
    (rows) => rows.map((r) => ({ resourceId: String(r.resource_id), zone: String(r.time_zone_iana) }))
  )
)

/** Reads the status; `database` is the location as shown (no password). */
export const readStatus = (database: string): Effect.Effect<MirrorStatus, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const position = Option.getOrUndefined(yield* readPosition)
    const runs = yield* sql<Record<string, unknown>>`SELECT * FROM mirror_runs ORDER BY run_id DESC LIMIT 20`
      .withoutTransform
    const counts = []
    for (const table of Object.values(tables)) {
      const [row] = yield* sql<{ live: number | string; deleted: number | string }>`SELECT
          COALESCE(SUM(CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END), 0) AS live,
          COALESCE(SUM(CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END), 0) AS deleted
        FROM ${sql(table.name)}`.withoutTransform
      counts.push({ table: table.name, live: Number(row?.live ?? 0), deleted: Number(row?.deleted ?? 0) })
    }
    const deliveries: Record<string, number> = {}
    for (const row of yield* sql<{
      state: string
      n: number | string
    }>`SELECT state, COUNT(*) AS n FROM mirror_deliveries GROUP BY state`.withoutTransform)
      deliveries[row.state] = Number(row.n)
    const [unknown] = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM mirror_unknown_events`
      .withoutTransform
    const lastPollAt = position?.lastPollAt
    return {
      database,
      started: position !== undefined,
      runId: position?.runId,
      phase: position?.phase,
      subscriptionId: position?.subscriptionId,
      windowFrom: position?.windowFrom,
      windowTo: position?.windowTo,
      eventsApplied: position?.eventsApplied ?? 0,
      pollsApplied: position?.pollsApplied ?? 0,
      lastPollAt,
      lastEventAt: position?.lastEventAt,
      secondsSinceLastPoll:
        lastPollAt === undefined ? undefined : Math.max(0, Math.round((Date.now() - Date.parse(lastPollAt)) / 1000)),
      owner: position?.owner,
      leaseUntil: position?.leaseUntil,
      runs: runs.map((r) => ({
        runId: Number(r.run_id),
        reason: String(r.reason),
        subscriptionId: opt(r.subscription_id),
        startedAt: String(r.started_at),
        loadedAt: opt(r.loaded_at),
        endedAt: opt(r.ended_at),
        windowFrom: String(r.window_from),
        windowTo: String(r.window_to),
        loadedRows: Number(r.loaded_rows ?? 0),
        note: opt(r.note)
      })),
      tables: counts,
      deliveries,
      unknownEvents: Number(unknown?.n ?? 0)
    }
  })

/** Whether a run of the mirror ever finished its load on this database. */
export const anyRunLoaded: Effect.Effect<boolean, SqlError.SqlError, SqlClient.SqlClient> = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) =>
    Effect.map(
      sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM mirror_runs WHERE loaded_at IS NOT NULL`.withoutTransform,
      (rows) => Number(rows[0]?.n ?? 0) > 0
    )
)

/** Why a run started, as recorded. */
export const runReason = (runId: number): Effect.Effect<string, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ reason: string }>`SELECT reason FROM mirror_runs WHERE run_id = ${runId}`.withoutTransform,
      (rows) => String(rows[0]?.reason ?? "load")
    )
  )
