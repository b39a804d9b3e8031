/**
 * The mirror's schema, as @effect/sql migrations that run the same on SQLite and Postgres. Times are
 * ISO 8601 UTC text (`2026-12-07T09:08:12.000Z`: sorts as time in both; `::timestamptz` in Postgres),
 * whole OFS answers are JSON text in `data`. A migration is never edited once released: a change is a
 * new one, with the next id.
 */
import type { SqlClient } from "@effect/sql"
import { SqlClient as SqlClientTag } from "@effect/sql"
import { Effect } from "effect"

/** The id of the newest migration this version of the mirror knows (a database past it is refused). */
export const schemaVersion = 1

/**
 * The common columns of every mirrored table: the whole answer, its tombstone, when and how it was
 * last confirmed (`load`, `read` or `event`), and `read_seq`, the number of polls applied when the row
 * was last read from OFS (the stale-event rule in apply/staleness.ts reads it).
 */
const recordColumns = `
  data TEXT NOT NULL,
  deleted_at TEXT,
  confirmed_at TEXT NOT NULL,
  confirmed_by TEXT NOT NULL,
  read_seq INTEGER NOT NULL,
  run_id INTEGER NOT NULL`

const initial = Effect.gen(function* () {
  const sql: SqlClient.SqlClient = yield* SqlClientTag.SqlClient
  const bigint = sql.onDialectOrElse({ pg: () => "BIGINT", orElse: () => "INTEGER" })
  const serial = sql.onDialectOrElse({
    pg: () => "BIGSERIAL PRIMARY KEY",
    orElse: () => "INTEGER PRIMARY KEY AUTOINCREMENT"
  })
  const real = sql.onDialectOrElse({ pg: () => "DOUBLE PRECISION", orElse: () => "REAL" })
  const statements = [
    `CREATE TABLE mirror_runs (
      run_id ${serial},
      reason TEXT NOT NULL,
      subscription_id TEXT,
      started_at TEXT NOT NULL,
      loaded_at TEXT,
      ended_at TEXT,
      window_from TEXT NOT NULL,
      window_to TEXT NOT NULL,
      loaded_rows ${bigint} NOT NULL DEFAULT 0,
      note TEXT
    )`,
    `CREATE TABLE mirror_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      run_id ${bigint} NOT NULL,
      subscription_id TEXT NOT NULL,
      phase TEXT NOT NULL,
      cursor TEXT NOT NULL,
      cursor_version ${bigint} NOT NULL,
      events_applied ${bigint} NOT NULL DEFAULT 0,
      polls_applied ${bigint} NOT NULL DEFAULT 0,
      last_head_poll ${bigint} NOT NULL DEFAULT 0,
      last_poll_at TEXT,
      last_event_at TEXT,
      window_from TEXT NOT NULL,
      window_to TEXT NOT NULL,
      owner TEXT,
      lease_until TEXT,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE activities (
      activity_id ${bigint} PRIMARY KEY,
      status TEXT,
      activity_type TEXT,
      date TEXT,
      resource_id TEXT,
      appt_number TEXT,
      customer_number TEXT,
      customer_name TEXT,
      customer_email TEXT,
      customer_phone TEXT,
      street_address TEXT,
      city TEXT,
      state TEXT,
      postal_code TEXT,
      country_code TEXT,
      latitude ${real},
      longitude ${real},
      time_zone TEXT,
      start_time_local TEXT,
      start_time_utc TEXT,
      end_time_local TEXT,
      end_time_utc TEXT,
      service_window_start_utc TEXT,
      service_window_end_utc TEXT,
      delivery_window_start_utc TEXT,
      delivery_window_end_utc TEXT,
      sla_window_start_local TEXT,
      sla_window_start_utc TEXT,
      sla_window_end_local TEXT,
      sla_window_end_utc TEXT,
      time_flag TEXT,
      travel_minutes INTEGER,
      duration_minutes INTEGER,${recordColumns}
    )`,
    "CREATE INDEX activities_resource_date ON activities (resource_id, date)",
    "CREATE INDEX activities_date ON activities (date)",
    "CREATE INDEX activities_appt_number ON activities (appt_number)",
    `CREATE TABLE resources (
      resource_id TEXT PRIMARY KEY,
      parent_resource_id TEXT,
      name TEXT,
      resource_type TEXT,
      status TEXT,
      organization TEXT,
      email TEXT,
      phone TEXT,
      time_zone TEXT,
      time_zone_iana TEXT,
      language TEXT,${recordColumns}
    )`,
    "CREATE INDEX resources_parent ON resources (parent_resource_id)",
    `CREATE TABLE users (
      login TEXT PRIMARY KEY,
      name TEXT,
      user_type TEXT,
      status TEXT,
      main_resource_id TEXT,
      language TEXT,
      time_zone TEXT,${recordColumns}
    )`,
    `CREATE TABLE inventories (
      inventory_id ${bigint} PRIMARY KEY,
      status TEXT,
      inventory_type TEXT,
      serial_number TEXT,
      quantity ${real},
      resource_id TEXT,
      activity_id ${bigint},${recordColumns}
    )`,
    "CREATE INDEX inventories_resource ON inventories (resource_id)",
    "CREATE INDEX inventories_activity ON inventories (activity_id)",
    `CREATE TABLE activity_links (
      from_activity_id ${bigint} NOT NULL,
      to_activity_id ${bigint} NOT NULL,
      link_type TEXT NOT NULL,${recordColumns},
      PRIMARY KEY (from_activity_id, to_activity_id, link_type)
    )`,
    "CREATE INDEX activity_links_to ON activity_links (to_activity_id)",
    `CREATE TABLE resource_work_skills (
      resource_id TEXT NOT NULL,
      work_skill TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT,
      ratio INTEGER,${recordColumns},
      PRIMARY KEY (resource_id, work_skill, start_date)
    )`,
    `CREATE TABLE resource_work_zones (
      resource_id TEXT NOT NULL,
      work_zone TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT,
      ratio INTEGER,
      recurrence TEXT,${recordColumns},
      PRIMARY KEY (resource_id, work_zone, start_date)
    )`,
    `CREATE TABLE resource_work_schedules (
      resource_id TEXT NOT NULL,
      schedule_key TEXT NOT NULL,
      record_type TEXT,
      start_date TEXT,
      end_date TEXT,
      schedule_label TEXT,
      shift_label TEXT,
      non_working_reason TEXT,${recordColumns},
      PRIMARY KEY (resource_id, schedule_key)
    )`,
    `CREATE TABLE mirror_changes (
      change_id ${serial},
      run_id ${bigint} NOT NULL,
      entity TEXT NOT NULL,
      entity_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      event_type TEXT,
      occurred_at TEXT,
      applied_at TEXT NOT NULL,
      fields TEXT NOT NULL,
      data TEXT
    )`,
    "CREATE INDEX mirror_changes_entity ON mirror_changes (entity, entity_key)",
    `CREATE TABLE mirror_deliveries (
      delivery_id ${serial},
      change_id ${bigint} NOT NULL,
      endpoint TEXT NOT NULL,
      entity_key TEXT NOT NULL,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      delivered_at TEXT,
      last_error TEXT
    )`,
    "CREATE INDEX mirror_deliveries_due ON mirror_deliveries (state, next_attempt_at)",
    "CREATE INDEX mirror_deliveries_order ON mirror_deliveries (endpoint, entity_key, change_id)",
    `CREATE TABLE mirror_unknown_events (
      unknown_id ${serial},
      run_id ${bigint} NOT NULL,
      received_at TEXT NOT NULL,
      event_type TEXT,
      reason TEXT NOT NULL,
      data TEXT NOT NULL
    )`
  ]
  for (const statement of statements) yield* sql.unsafe(statement)
})

/** Every migration, by `<id>_<name>` as @effect/sql's Migrator reads them. */
export const migrations: Readonly<Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>>> = {
  "0001_initial": initial
}
