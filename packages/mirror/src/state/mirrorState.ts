/**
 * The mirror's position (one row of `mirror_state`) and its runs. The cursor only moves by a
 * compare-and-set on `cursor_version`, inside the transaction that applies the poll it follows, so a
 * page is applied once whatever crashes; a lease (`owner`, `lease_until`) keeps a second process
 * waiting instead of polling for nothing, and the compare-and-set stays the last fence if a lease
 * ever lapses while its holder still runs.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Data, Effect, Option } from "effect"

/** Whether the mirror is loading a snapshot or following events. */
export type MirrorPhase = "loading" | "following"

/** The mirror's position, as stored. */
export interface MirrorPosition {
  readonly runId: number
  readonly subscriptionId: string
  readonly phase: MirrorPhase
  readonly cursor: string
  readonly cursorVersion: number
  readonly eventsApplied: number
  readonly pollsApplied: number
  /** The number of the last poll that reached the end of the log (fewer events than asked for). */
  readonly lastHeadPoll: number
  readonly lastPollAt: string | undefined
  readonly lastEventAt: string | undefined
  readonly windowFrom: string
  readonly windowTo: string
  readonly owner: string | undefined
  readonly leaseUntil: string | undefined
}

/** The stored cursor was moved by someone else since it was read: this poll is not applied. */
export class CursorMoved extends Data.TaggedError("CursorMoved")<{ readonly expected: number }> {}

const num = (v: unknown) => Number(v ?? 0)
const opt = (v: unknown) => (v === null || v === undefined ? undefined : String(v))

/** The stored position, if the mirror has ever started on this database. */
export const readPosition: Effect.Effect<
  Option.Option<MirrorPosition>,
  SqlError.SqlError,
  SqlClient.SqlClient
> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<Record<string, unknown>>`SELECT * FROM mirror_state WHERE id = 1`.withoutTransform
  const row = rows[0]
  if (row === undefined) return Option.none()
  return Option.some({
    runId: num(row.run_id),
    subscriptionId: String(row.subscription_id),
    phase: row.phase === "following" ? "following" : "loading",
    cursor: String(row.cursor),
    cursorVersion: num(row.cursor_version),
    eventsApplied: num(row.events_applied),
    pollsApplied: num(row.polls_applied),
    lastHeadPoll: num(row.last_head_poll),
    lastPollAt: opt(row.last_poll_at),
    lastEventAt: opt(row.last_event_at),
    windowFrom: String(row.window_from),
    windowTo: String(row.window_to),
    owner: opt(row.owner),
    leaseUntil: opt(row.lease_until)
  } satisfies MirrorPosition)
})

/** A lease held by another owner, if one is held now. */
export const leaseHolder = (
  position: MirrorPosition,
  owner: string,
  now: Date
): { readonly owner: string; readonly until: string } | undefined =>
  position.owner !== undefined &&
  position.owner !== owner &&
  position.leaseUntil !== undefined &&
  position.leaseUntil > now.toISOString()
    ? { owner: position.owner, until: position.leaseUntil }
    : undefined

/**
 * Takes (or renews) the lease when it is free, expired or already ours; answers whether it did.
 * The update is the transaction's first statement, so SQLite takes its write lock at once.
 */
export const takeLease = (
  owner: string,
  ttlMs: number
): Effect.Effect<boolean, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = new Date()
    const until = new Date(now.getTime() + ttlMs).toISOString()
    const rows = yield* sql`UPDATE mirror_state SET owner = ${owner}, lease_until = ${until}
      WHERE id = 1 AND (owner IS NULL OR owner = ${owner} OR lease_until IS NULL OR lease_until <= ${now.toISOString()})
      RETURNING id`.withoutTransform
    return rows.length > 0
  })

/** Lets the lease go (a clean stop), so another process need not wait for it to lapse. */
export const releaseLease = (owner: string): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql`UPDATE mirror_state SET owner = NULL, lease_until = NULL WHERE id = 1 AND owner = ${owner}`
  ).pipe(Effect.asVoid)

/** What a new run starts from. */
export interface RunStart {
  readonly reason: string
  readonly subscriptionId: string
  readonly cursor: string
  readonly windowFrom: string
  readonly windowTo: string
  readonly owner: string
  readonly leaseTtlMs: number
  readonly note?: string | undefined
}

/**
 * Records a new run (a first load, or a fresh one after a gap) and points the position at its
 * subscription, phase `loading`. The position's counters carry on (polls are numbered across runs).
 */
export const startRun = (start: RunStart): Effect.Effect<MirrorPosition, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = new Date().toISOString()
    const until = new Date(Date.now() + start.leaseTtlMs).toISOString()
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        const previous = yield* readPosition
        if (Option.isSome(previous)) {
          yield* sql`UPDATE mirror_runs SET ended_at = ${now}, note = COALESCE(note, ${start.reason}) WHERE run_id = ${previous.value.runId} AND ended_at IS NULL`
        }
        const runs = yield* sql<{ run_id: number }>`INSERT INTO mirror_runs ${sql.insert({
          reason: start.reason,
          subscription_id: start.subscriptionId,
          started_at: now,
          window_from: start.windowFrom,
          window_to: start.windowTo,
          note: start.note ?? null
        })} RETURNING run_id`.withoutTransform
        const runId = Number(runs[0]?.run_id)
        const polls = Option.match(previous, { onNone: () => 0, onSome: (p) => p.pollsApplied + 1 })
        const fields = {
          run_id: runId,
          subscription_id: start.subscriptionId,
          phase: "loading",
          cursor: start.cursor,
          window_from: start.windowFrom,
          window_to: start.windowTo,
          owner: start.owner,
          lease_until: until,
          polls_applied: polls,
          updated_at: now
        }
        if (Option.isNone(previous)) {
          yield* sql`INSERT INTO mirror_state ${sql.insert({
            id: 1,
            ...fields,
            cursor_version: 1,
            events_applied: 0,
            last_head_poll: 0
          })}`.withoutTransform
        } else {
          yield* sql`UPDATE mirror_state SET ${sql.update(fields)}, cursor_version = cursor_version + 1 WHERE id = 1`
            .withoutTransform
        }
        const stored = yield* readPosition
        return Option.getOrThrow(stored)
      })
    )
  })

/** Marks the run's snapshot done; the position starts following events from the subscription's start. */
export const finishLoad = (
  runId: number,
  loadedRows: number
): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = new Date().toISOString()
    yield* sql`UPDATE mirror_runs SET loaded_at = ${now}, loaded_rows = ${loadedRows} WHERE run_id = ${runId}`
    yield* sql`UPDATE mirror_state SET phase = 'following', cursor_version = cursor_version + 1, updated_at = ${now} WHERE id = 1 AND run_id = ${runId}`
  })

/** What applying one poll moves the position to. */
export interface PollAdvance {
  readonly expectedVersion: number
  readonly owner: string
  readonly nextCursor: string
  readonly events: number
  readonly reachedHead: boolean
  readonly lastEventAt: string | undefined
  readonly leaseTtlMs: number
}

/**
 * Moves the cursor past a poll, as a compare-and-set: fails with {@link CursorMoved} (and the
 * transaction around it rolls back) when the stored version is not the one the poll was read at.
 */
export const advanceCursor = (
  advance: PollAdvance
): Effect.Effect<MirrorPosition, SqlError.SqlError | CursorMoved, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = new Date().toISOString()
    const until = new Date(Date.now() + advance.leaseTtlMs).toISOString()
    const moved = yield* sql`UPDATE mirror_state SET
        cursor = ${advance.nextCursor},
        cursor_version = cursor_version + 1,
        polls_applied = polls_applied + 1,
        last_head_poll = ${advance.reachedHead ? sql.literal("polls_applied + 1") : sql.literal("last_head_poll")},
        events_applied = events_applied + ${advance.events},
        last_poll_at = ${now},
        last_event_at = COALESCE(${advance.lastEventAt ?? null}, last_event_at),
        lease_until = ${until},
        updated_at = ${now}
      WHERE id = 1 AND cursor_version = ${advance.expectedVersion} AND owner = ${advance.owner}
      RETURNING id`.withoutTransform
    if (moved.length === 0) return yield* new CursorMoved({ expected: advance.expectedVersion })
    return Option.getOrThrow(yield* readPosition)
  })
