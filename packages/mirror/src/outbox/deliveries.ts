/**
 * The rows of `mirror_deliveries` as the CLI lists and retries them (they are made with each change,
 * in its transaction, by `writeChanges`). A delivery names its endpoint by name only, so no row ever
 * holds a URL or a secret.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Clock, Effect } from "effect"

/** Where a delivery is: waiting for its next attempt, received (2xx), or given up on (too old). */
export type DeliveryState = "pending" | "delivered" | "dead"

/** A delivery as the CLI shows it, with the change it carries. */
export interface DeliveryRow {
  readonly deliveryId: number
  readonly changeId: number
  readonly endpoint: string
  /** The change's entity and kind; null when the change is no longer stored. */
  readonly entity: string | null
  readonly kind: string | null
  readonly entityKey: string
  readonly state: DeliveryState
  readonly attempts: number
  readonly nextAttemptAt: string
  readonly createdAt: string
  readonly deliveredAt: string | null
  readonly lastError: string | null
}

interface StoredDelivery {
  readonly delivery_id: number | string
  readonly change_id: number | string
  readonly endpoint: string
  readonly entity: string | null
  readonly kind: string | null
  readonly entity_key: string
  readonly state: DeliveryState
  readonly attempts: number | string
  readonly next_attempt_at: string
  readonly created_at: string
  readonly delivered_at: string | null
  readonly last_error: string | null
}

// Postgres returns BIGINT as text unless the client parses it; Number() reads either
const deliveryRow = (row: StoredDelivery): DeliveryRow => ({
  deliveryId: Number(row.delivery_id),
  changeId: Number(row.change_id),
  endpoint: row.endpoint,
  entity: row.entity,
  kind: row.kind,
  entityKey: row.entity_key,
  state: row.state,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
  lastError: row.last_error
})

/** Which deliveries {@link listDeliveries} shows. */
export interface ListDeliveriesOptions {
  readonly state?: DeliveryState
  readonly endpoint?: string
  readonly limit: number
}

/** The newest deliveries first (by delivery id), filtered by state and endpoint. */
export const listDeliveries = (
  options: ListDeliveriesOptions
): Effect.Effect<ReadonlyArray<DeliveryRow>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const where = sql.and([
      ...(options.state === undefined ? [] : [sql`d.state = ${options.state}`]),
      ...(options.endpoint === undefined ? [] : [sql`d.endpoint = ${options.endpoint}`])
    ])
    const rows = yield* sql<StoredDelivery>`
      SELECT d.delivery_id, d.change_id, d.endpoint, c.entity, c.kind, d.entity_key, d.state, d.attempts,
             d.next_attempt_at, d.created_at, d.delivered_at, d.last_error
      FROM mirror_deliveries d LEFT JOIN mirror_changes c ON c.change_id = d.change_id
      WHERE ${where}
      ORDER BY d.delivery_id DESC
      LIMIT ${Math.max(0, Math.floor(options.limit))}`
    return rows.map(deliveryRow)
  })

/** Which deliveries {@link retryDeliveries} sends again. */
export interface RetryDeliveriesOptions {
  /** Only these; with ids and no `state`, whatever their state (a delivered one is sent again). */
  readonly deliveryIds?: ReadonlyArray<number>
  /** Only those in this state; `dead` when no ids are given. */
  readonly state?: DeliveryState
}

/**
 * Makes deliveries pending and due now, keeping their attempts and last error; returns how many.
 * A retried delivery older than the dispatcher's `maxAge` is dead again after its next failure.
 */
export const retryDeliveries = (
  options: RetryDeliveriesOptions = {}
): Effect.Effect<number, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const ids = options.deliveryIds
    if (ids !== undefined && ids.length === 0) return 0
    const state = options.state ?? (ids === undefined ? "dead" : undefined)
    const sql = yield* SqlClient.SqlClient
    const where = sql.and([
      ...(state === undefined ? [] : [sql`state = ${state}`]),
      ...(ids === undefined ? [] : [sql.in("delivery_id", ids)])
    ])
    const now = new Date(yield* Clock.currentTimeMillis).toISOString()
    const retried = yield* sql<{ delivery_id: number | string }>`
      UPDATE mirror_deliveries SET state = 'pending', next_attempt_at = ${now}, delivered_at = NULL
      WHERE ${where}
      RETURNING delivery_id`
    return retried.length
  })
