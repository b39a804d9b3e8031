/**
 * A fresh, empty PostgreSQL database per test (or test file), so that test files running in parallel
 * never share a table. Each one is `CREATE DATABASE ofsc_mirror_t_<random>` made through the role of
 * `OFSC_TEST_PG_URL` (default {@link DEFAULT_TEST_PG_URL}), which needs CREATEDB, and is dropped
 * `WITH (FORCE)` afterwards (open connections and all).
 *
 * The Postgres tests are never skipped: when Postgres cannot be reached this fails, saying how to
 * start it. `tooling/scripts/postgres-for-tests.sh` (what .ci/run runs before the tests) installs
 * PostgreSQL 15 if missing, starts it and creates the role `ofsc` and the database `ofsc_mirror_test`.
 */

import { randomBytes } from "node:crypto"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted, type Scope } from "effect"
import pg from "pg"

/** Where the tests find Postgres when `OFSC_TEST_PG_URL` is unset: what the script creates. */
export const DEFAULT_TEST_PG_URL = "postgres://ofsc:ofsc@127.0.0.1:5432/ofsc_mirror_test"

/** `OFSC_TEST_PG_URL`, or {@link DEFAULT_TEST_PG_URL}: the database the fresh ones are created from. */
export const testPostgresUrl = (): string => {
  const url = process.env.OFSC_TEST_PG_URL?.trim()
  return url === undefined || url === "" ? DEFAULT_TEST_PG_URL : url
}

/** A database of its own for a test; `drop` removes it (a second call does nothing). */
export interface FreshPostgresDatabase {
  /** Its URL (same role, host and options as {@link testPostgresUrl}). */
  readonly url: string
  /** Its name, `ofsc_mirror_t_<12 hex digits>`. */
  readonly name: string
  readonly drop: () => Promise<void>
}

const redact = (url: string): string => {
  try {
    const u = new URL(url)
    if (u.password !== "") u.password = "***"
    return u.toString()
  } catch {
    return "(an unparsable URL)"
  }
}

const howToStart = (url: string, cause: unknown): Error => {
  const reason = cause instanceof Error ? cause.message : String(cause)
  const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"
  return new Error(
    [
      `PostgreSQL for @ofsc/mirror's tests is not usable at ${redact(url)}: ${reason}`,
      "These tests need PostgreSQL 15 and are never skipped. From the repository root, as root, run",
      "  tooling/scripts/postgres-for-tests.sh",
      "which installs PostgreSQL 15 if missing, starts it (pg_ctlcluster 15 main start) and creates the role",
      "`ofsc` (password `ofsc`, LOGIN CREATEDB) and the database `ofsc_mirror_test`; or set OFSC_TEST_PG_URL",
      "to a PostgreSQL URL whose role may CREATE DATABASE.",
      ...(inCi ? ["In CI, .ci/run's step postgres_for_tests does this before the tests: see its output."] : [])
    ].join("\n"),
    { cause }
  )
}

/** Runs one statement as the role of `adminUrl`, on a connection of its own. */
const adminQuery = async (adminUrl: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  // a connection the server ends must not become an unhandled 'error' event
  client.on("error", () => {})
  try {
    await client.connect()
  } catch (cause) {
    await client.end().catch(() => {})
    throw howToStart(adminUrl, cause)
  }
  try {
    await client.query(statement)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Creates an empty database of its own and returns its URL; call `drop` when done with it (after
 * closing its clients, or not: the drop is `WITH (FORCE)`).
 *
 * ```ts
 * let db: FreshPostgresDatabase
 * beforeAll(async () => { db = await freshPostgresDatabase() })
 * afterAll(() => db.drop())
 * ```
 */
export const freshPostgresDatabase = async (): Promise<FreshPostgresDatabase> => {
  const adminUrl = testPostgresUrl()
  const name = `ofsc_mirror_t_${randomBytes(6).toString("hex")}`
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  let dropped: Promise<void> | undefined
  return {
    url: url.toString(),
    name,
    drop: () => {
      dropped ??= adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      return dropped
    }
  }
}

/**
 * {@link freshPostgresDatabase} for a scope: created when acquired, dropped when the scope closes
 * (a failed drop is a defect: the test fails rather than leave databases behind unnoticed).
 */
export const freshPostgresDatabaseScoped: Effect.Effect<FreshPostgresDatabase, Error, Scope.Scope> =
  Effect.acquireRelease(
    Effect.tryPromise({
      try: freshPostgresDatabase,
      catch: (cause) => (cause instanceof Error ? cause : new Error(String(cause)))
    }),
    (db) => Effect.promise(db.drop)
  )

/**
 * A `PgClient` (and `SqlClient`) on a fresh database of its own, for `it.layer(...)` or
 * `Effect.provide`: the pool closes, then the database is dropped.
 */
export const freshPgClientLayer = (
  options: Omit<PgClient.PgClientConfig, "url" | "host" | "port" | "database" | "username" | "password"> = {}
) =>
  Layer.unwrapScoped(
    Effect.map(freshPostgresDatabaseScoped, (db) => PgClient.layer({ ...options, url: Redacted.make(db.url) }))
  )
