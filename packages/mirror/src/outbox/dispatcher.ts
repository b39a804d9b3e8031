/**
 * The outbox's dispatcher: sends pending deliveries, in order per entity, at least once. A delivery is
 * due when pending, its `next_attempt_at` has come, and no pending delivery of an earlier change of
 * the same endpoint and `entity_key` is left: an entity's changes arrive in order, and one entity's
 * failures hold up no other. Each endpoint has its own slots, so one that stalls delays only itself.
 *
 * An attempt's outcome is recorded once its answer is in, uninterruptibly; an attempt cut short
 * (interruption, crash) records nothing and the delivery stays pending, to be sent again. One
 * dispatcher per database (the mirror that holds its lease).
 */
import type { HttpClient } from "@effect/platform"
import { SqlClient, type SqlError } from "@effect/sql"
import { Clock, Duration, Effect, FiberSet, Queue, Random } from "effect"
import type { DeliveryState } from "./deliveries.js"
import { type SendOutcome, sendChange } from "./send.js"
import type { ChangeKind, OutboxChange, WebhookEndpoint } from "./webhooks.js"

/** How the dispatcher sends, retries and gives up; every field but `endpoints` has a default. */
export interface DispatcherOptions {
  /** The configured endpoints; deliveries to an endpoint not among them wait untouched. */
  readonly endpoints: ReadonlyArray<WebhookEndpoint>
  /** How long an attempt waits for the answer's status (10 s). */
  readonly timeout?: Duration.DurationInput
  /** Attempts in flight at once, per endpoint (8). */
  readonly concurrency?: number
  /** The wait after a first failure (1 s), doubling after each next one, up to `backoffMax` (5 min). */
  readonly backoffBase?: Duration.DurationInput
  /** The longest wait between two attempts (5 min). */
  readonly backoffMax?: Duration.DurationInput
  /** A delivery that fails when older than this (from its creation) is dead (24 h). */
  readonly maxAge?: Duration.DurationInput
  /** How often `runDispatcher` looks for due deliveries when nothing else wakes it (250 ms). */
  readonly idlePause?: Duration.DurationInput
}

/** The options with their defaults filled in. */
interface Settings {
  readonly endpoints: ReadonlyArray<WebhookEndpoint>
  readonly timeout: Duration.Duration
  readonly concurrency: number
  readonly backoff: Backoff
  readonly maxAge: Duration.Duration
  readonly idlePause: Duration.Duration
}

const settingsOf = (options: DispatcherOptions): Settings => ({
  endpoints: options.endpoints,
  timeout: Duration.decode(options.timeout ?? Duration.seconds(10)),
  concurrency: Math.max(1, Math.floor(options.concurrency ?? 8)),
  backoff: {
    base: Duration.decode(options.backoffBase ?? Duration.seconds(1)),
    max: Duration.decode(options.backoffMax ?? Duration.minutes(5))
  },
  maxAge: Duration.decode(options.maxAge ?? Duration.hours(24)),
  idlePause: Duration.decode(options.idlePause ?? Duration.millis(250))
})

/** The first wait after a failure and the longest one. */
export interface Backoff {
  readonly base: Duration.Duration
  readonly max: Duration.Duration
}

/**
 * The wait before the next attempt of a delivery that has failed `failures` times:
 * base·2^(failures−1), at most max, then times a jitter factor in [0.5, 1) (`random` in [0, 1)), so
 * deliveries that failed together do not all come back together, and no wait exceeds max.
 */
export const retryDelay = (failures: number, backoff: Backoff, random: number): Duration.Duration => {
  const exponent = Math.min(Math.max(failures - 1, 0), 30)
  const capped = Math.min(Duration.toMillis(backoff.base) * 2 ** exponent, Duration.toMillis(backoff.max))
  return Duration.millis(Math.round(capped * (0.5 + random / 2)))
}

/** What one round of {@link deliverDue} did: attempts made, and where they left their deliveries. */
export interface DeliveryRound {
  readonly attempted: number
  readonly delivered: number
  readonly retrying: number
  readonly dead: number
}

/** A due delivery with its change (the change's columns null when it is no longer stored). */
interface DueRow {
  readonly delivery_id: number | string
  readonly change_id: number | string
  readonly entity_key: string
  readonly created_at: string
  readonly attempts: number | string
  readonly stored_change_id: number | string | null
  readonly entity: string | null
  /** The change's own key (a delivery's `entity_key` may be qualified, as `activity/4001`). */
  readonly change_key: string | null
  readonly kind: string | null
  readonly event_type: string | null
  readonly occurred_at: string | null
  readonly applied_at: string | null
  readonly fields: string | null
  readonly data: string | null
}

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

/** The due deliveries of an endpoint, oldest change first: at most one per `entity_key`, its earliest pending. */
const selectDue = (
  endpoint: string,
  limit: number
): Effect.Effect<ReadonlyArray<DueRow>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = yield* nowIso
    return yield* sql<DueRow>`
      SELECT d.delivery_id, d.change_id, d.entity_key, d.created_at, d.attempts, c.change_id AS stored_change_id,
             c.entity, c.entity_key AS change_key, c.kind, c.event_type, c.occurred_at, c.applied_at, c.fields, c.data
      FROM mirror_deliveries d LEFT JOIN mirror_changes c ON c.change_id = d.change_id
      WHERE d.endpoint = ${endpoint} AND d.state = 'pending' AND d.next_attempt_at <= ${now}
        AND NOT EXISTS (
          SELECT 1 FROM mirror_deliveries e
          WHERE e.endpoint = d.endpoint AND e.entity_key = d.entity_key AND e.state = 'pending'
            AND e.change_id < d.change_id)
      ORDER BY d.change_id
      LIMIT ${limit}`
  })

/** The change a due row carries, or why it cannot be sent (it will not get better by waiting). */
const changeOf = (row: DueRow): OutboxChange | string => {
  if (
    row.stored_change_id === null ||
    row.entity === null ||
    row.change_key === null ||
    row.kind === null ||
    row.applied_at === null
  )
    return `change ${row.change_id} is no longer in mirror_changes`
  try {
    const fields: unknown = JSON.parse(row.fields ?? "[]")
    return {
      changeId: Number(row.change_id),
      entity: row.entity,
      entityKey: row.change_key,
      kind: row.kind as ChangeKind,
      eventType: row.event_type,
      occurredAt: row.occurred_at,
      appliedAt: row.applied_at,
      fields: Array.isArray(fields) ? fields.map(String) : [],
      row: row.data === null ? null : JSON.parse(row.data)
    }
  } catch {
    return `change ${row.change_id} holds text that is not JSON`
  }
}

/** Stores an attempt's outcome; returns the state it left the delivery in. */
const record = (
  row: DueRow,
  outcome: SendOutcome | { readonly received: false; readonly reason: string; readonly final: true },
  settings: Settings
): Effect.Effect<DeliveryState, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const now = yield* Clock.currentTimeMillis
    const at = new Date(now).toISOString()
    const id = Number(row.delivery_id)
    if (outcome.received) {
      yield* sql`UPDATE mirror_deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = ${at}
                 WHERE delivery_id = ${id} AND state = 'pending'`
      return "delivered"
    }
    const age = now - Date.parse(row.created_at)
    if ("final" in outcome || age >= Duration.toMillis(settings.maxAge)) {
      yield* sql`UPDATE mirror_deliveries SET state = 'dead', attempts = attempts + 1, last_error = ${outcome.reason}
                 WHERE delivery_id = ${id} AND state = 'pending'`
      return "dead"
    }
    const delay = retryDelay(Number(row.attempts) + 1, settings.backoff, yield* Random.next)
    const next = new Date(now + Duration.toMillis(delay)).toISOString()
    yield* sql`UPDATE mirror_deliveries
               SET attempts = attempts + 1, next_attempt_at = ${next}, last_error = ${outcome.reason}
               WHERE delivery_id = ${id} AND state = 'pending'`
    return "pending"
  })

/** Sends one due delivery and records what came of it; interruption before the answer records nothing. */
const attempt = (
  endpoint: WebhookEndpoint,
  row: DueRow,
  settings: Settings
): Effect.Effect<DeliveryState, SqlError.SqlError, SqlClient.SqlClient | HttpClient.HttpClient> => {
  const change = changeOf(row)
  if (typeof change === "string") return record(row, { received: false, reason: change, final: true }, settings)
  return Effect.uninterruptibleMask((restore) =>
    restore(sendChange(endpoint, change, settings.timeout)).pipe(
      Effect.flatMap((outcome) => record(row, outcome, settings))
    )
  )
}

/**
 * One round: every delivery due now (the earliest pending one per endpoint and entity, up to
 * `concurrency` × 8 per endpoint), sent with `concurrency` in flight per endpoint; waits for all.
 */
export const deliverDue = (
  options: DispatcherOptions
): Effect.Effect<DeliveryRound, SqlError.SqlError, SqlClient.SqlClient | HttpClient.HttpClient> => {
  const settings = settingsOf(options)
  return Effect.forEach(
    settings.endpoints,
    (endpoint) =>
      Effect.flatMap(selectDue(endpoint.name, settings.concurrency * 8), (rows) =>
        Effect.forEach(rows, (row) => attempt(endpoint, row, settings), { concurrency: settings.concurrency })
      ),
    { concurrency: "unbounded" }
  ).pipe(
    Effect.map((states) => {
      const all = states.flat()
      const count = (state: DeliveryState) => all.filter((s) => s === state).length
      return { attempted: all.length, delivered: count("delivered"), retrying: count("pending"), dead: count("dead") }
    })
  )
}

/**
 * Sends due deliveries for as long as it runs (fork it; interrupt it to stop). Unlike rounds of
 * {@link deliverDue}, a slot is refilled as soon as its attempt ends, so a slow answer holds up only
 * its own entity. Database failures are logged and retried after a pause; it never fails.
 */
export const runDispatcher = (
  options: DispatcherOptions
): Effect.Effect<never, never, SqlClient.SqlClient | HttpClient.HttpClient> =>
  Effect.scoped(
    Effect.gen(function* () {
      const settings = settingsOf(options)
      const fibers = yield* FiberSet.make<unknown, never>()
      // a finished attempt wakes the loop: the next change of its entity may now be due
      const wake = yield* Queue.sliding<void>(1)
      // the entity keys in flight, per endpoint name
      const inFlight = new Map(settings.endpoints.map((endpoint) => [endpoint.name, new Set<string>()]))

      const fill = (endpoint: WebhookEndpoint) =>
        Effect.gen(function* () {
          const busy = inFlight.get(endpoint.name) ?? new Set<string>()
          const free = settings.concurrency - busy.size
          if (free <= 0) return
          // in-flight heads are still pending, so ask for enough rows to fill every free slot past them;
          // skip keys in flight when the query started too: one that ended meanwhile may be read stale
          const busyBefore = new Set(busy)
          const rows = yield* selectDue(endpoint.name, free + busyBefore.size)
          const ready = rows.filter((r) => !busyBefore.has(r.entity_key) && !busy.has(r.entity_key))
          for (const row of ready.slice(0, free)) {
            busy.add(row.entity_key)
            yield* FiberSet.run(
              fibers,
              attempt(endpoint, row, settings).pipe(
                Effect.catchAll((error) =>
                  Effect.logWarning(`webhook ${endpoint.name}: could not record a delivery: ${error.message}`)
                ),
                Effect.ensuring(
                  Effect.sync(() => busy.delete(row.entity_key)).pipe(Effect.zipRight(wake.offer(undefined)))
                )
              )
            )
          }
        })

      return yield* Effect.forEach(settings.endpoints, fill, { discard: true }).pipe(
        Effect.matchEffect({
          onSuccess: () => wake.take.pipe(Effect.timeout(settings.idlePause), Effect.ignore),
          onFailure: (error) =>
            Effect.logWarning(`webhook dispatcher: could not read due deliveries: ${error.message}`).pipe(
              Effect.zipRight(Effect.sleep(Duration.max(settings.idlePause, Duration.seconds(1))))
            )
        }),
        Effect.forever
      )
    })
  )
