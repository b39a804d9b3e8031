/**
 * The SQL clients the mirror is built on, against real databases: @effect/sql-pg 0.53 on a fresh
 * PostgreSQL 15 database (test/support/postgres.ts) and @effect/sql-sqlite-node 0.53 (better-sqlite3)
 * on a file in a temporary directory. The same program on both: a transaction, an upsert
 * (`INSERT ... ON CONFLICT DO UPDATE`) that only moves a row forward, a transaction that rolls back,
 * read back. And what each driver returns for each column type.
 *
 * Observed (pg 8.23, default type parsers; SQLite through better-sqlite3 12):
 * - Postgres BIGINT (int8) comes back as a string ("9007199254740993", exact), and so does
 *   `count(*)` (a bigint: "2"); INTEGER as a number; NUMERIC as a string ("12.50"); BOOLEAN as a
 *   boolean; TIMESTAMPTZ as a Date; JSONB as the parsed value. A JS `bigint` is accepted as a parameter.
 * - SQLite INTEGER (whatever the declared type, BIGINT too) comes back as a number, so beyond 2^53
 *   it is rounded (9007199254740993 reads as 9007199254740992); under `SqlClient.SafeIntegers` set to
 *   true it comes back as a `bigint`, exact. `count(*)` is a number. A JS boolean or Date is refused as a
 *   parameter (SqlError: "SQLite3 can only bind numbers, strings, bigints, buffers, and null"): write
 *   booleans as 0/1 (read back as 0/1) and times as text or numbers.
 */

import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { freshPgClientLayer } from "./support/postgres.js"

interface Item {
  readonly id: string
  readonly version: number | string | bigint
  readonly payload: string
}

/** Writes a row only when its version is newer than the stored one (how the mirror applies changes). */
const upsert = (sql: SqlClient.SqlClient, item: { id: string; version: number; payload: string }) =>
  sql`INSERT INTO items ${sql.insert(item)}
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, payload = excluded.payload
      WHERE items.version < excluded.version`

/** The same program on either database; returns the rows as read back. */
const transactionsAndUpserts = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE items (id TEXT PRIMARY KEY, version BIGINT NOT NULL, payload TEXT NOT NULL)`

  yield* sql.withTransaction(
    Effect.gen(function* () {
      yield* upsert(sql, { id: "a", version: 1, payload: "a1" })
      yield* upsert(sql, { id: "b", version: 1, payload: "b1" })
      // a newer version replaces the row, an older one leaves it as it is
      yield* upsert(sql, { id: "a", version: 3, payload: "a3" })
      yield* upsert(sql, { id: "a", version: 2, payload: "a2" })
    })
  )

  // a transaction that fails writes nothing (nested ones are savepoints)
  const failure = yield* sql
    .withTransaction(
      Effect.gen(function* () {
        yield* upsert(sql, { id: "c", version: 1, payload: "c1" })
        yield* upsert(sql, { id: "b", version: 9, payload: "b9" })
        yield* sql.withTransaction(upsert(sql, { id: "d", version: 1, payload: "d1" }))
        return yield* Effect.fail("rolled back" as const)
      })
    )
    .pipe(Effect.flip)
  expect(failure).toBe("rolled back")

  const rows = yield* sql<Item>`SELECT id, version, payload FROM items ORDER BY id`
  const counted = yield* sql<{ n: unknown }>`SELECT count(*) AS n FROM items`
  return { rows, count: counted[0]?.n }
})

// `layer` from @effect/vitest, not `it.layer`: the latter, after a first `it.layer` in the same file,
// builds its layer on top of the first one (its `it` is the module's `it`, given the first layer's
// methods). `excludeTestServices`: the clients run on the real clock, not on TestClock.
layer(freshPgClientLayer(), { excludeTestServices: true, timeout: 30_000 })(
  "@effect/sql-pg 0.53 on PostgreSQL",
  (it) => {
    it.effect("a transaction, an upsert that only moves forward, a rollback, read back", () =>
      Effect.gen(function* () {
        const { rows, count } = yield* transactionsAndUpserts
        // BIGINT comes back as a string, count(*) too
        expect(rows).toEqual([
          { id: "a", version: "3", payload: "a3" },
          { id: "b", version: "1", payload: "b1" }
        ])
        expect(count).toBe("2")
      })
    )

    it.effect("what comes back for each column type", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE kinds (
          big BIGINT, int INTEGER, num NUMERIC(10, 2), flag BOOLEAN, at TIMESTAMPTZ, doc JSONB, txt TEXT
        )`
        yield* sql`INSERT INTO kinds ${sql.insert({
          big: 9007199254740993n,
          int: 42,
          num: "12.5",
          flag: true,
          at: new Date("2026-01-02T03:04:05.678Z"),
          doc: JSON.stringify({ a: [1, 2] }),
          txt: "x"
        })}`
        const [row] = yield* sql`SELECT * FROM kinds`
        expect(row).toEqual({
          big: "9007199254740993",
          int: 42,
          num: "12.50",
          flag: true,
          at: new Date("2026-01-02T03:04:05.678Z"),
          doc: { a: [1, 2] },
          txt: "x"
        })
      })
    )

    it.effect("the database is its own: made fresh for this file, empty but for this file's tables", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const [db] = yield* sql<{ name: string; version: string }>`
          SELECT current_database() AS name, current_setting('server_version') AS version`
        expect(db?.name).toMatch(/^ofsc_mirror_t_[0-9a-f]{12}$/)
        expect(db?.version).toMatch(/^15\./)
        const tables = yield* sql<{ tablename: string }>`
          SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
        expect(tables.map((t) => t.tablename)).toEqual(["items", "kinds"])
      })
    )
  }
)

/** A SQLite database in a file of a temporary directory, removed afterwards. */
const sqliteLayer = Layer.unwrapScoped(
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "ofsc-mirror-sqlite-"))),
      (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
    ),
    (dir) => SqliteClient.layer({ filename: path.join(dir, "mirror.db") })
  )
)

layer(sqliteLayer, { excludeTestServices: true })("@effect/sql-sqlite-node 0.53 on a file", (it) => {
  it.effect("a transaction, an upsert that only moves forward, a rollback, read back", () =>
    Effect.gen(function* () {
      const { rows, count } = yield* transactionsAndUpserts
      // INTEGER comes back as a number, count(*) too
      expect(rows).toEqual([
        { id: "a", version: 3, payload: "a3" },
        { id: "b", version: 1, payload: "b1" }
      ])
      expect(count).toBe(2)
    })
  )

  it.effect("what comes back for each column type; SafeIntegers gives exact bigints", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE kinds (big BIGINT, int INTEGER, num NUMERIC, flag BOOLEAN, txt TEXT)`
      yield* sql`INSERT INTO kinds ${sql.insert({ big: 9007199254740993n, int: 42, num: 12.5, flag: 1, txt: "x" })}`
      const [row] = yield* sql`SELECT * FROM kinds`
      expect(row).toEqual({ big: 9007199254740992, int: 42, num: 12.5, flag: 1, txt: "x" })
      const [safe] = yield* sql`SELECT big, int FROM kinds`.pipe(Effect.provideService(SqlClient.SafeIntegers, true))
      expect(safe).toEqual({ big: 9007199254740993n, int: 42n })
      for (const refused of [{ flag: true }, { txt: new Date(0) }]) {
        const error = yield* Effect.flip(sql`INSERT INTO kinds ${sql.insert(refused as never)}`)
        expect(String(error.cause)).toContain("SQLite3 can only bind numbers, strings, bigints, buffers, and null")
      }
    })
  )
})
