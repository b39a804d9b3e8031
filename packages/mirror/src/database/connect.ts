/**
 * Opens the mirror's database: a SqlClient for the location (SQLite through better-sqlite3, or a
 * Postgres pool, loaded only when a postgres:// URL asks for it), checked reachable, its schema
 * brought up to date by the Migrator, and refused untouched when a newer mirror wrote it.
 */
import { Migrator, SqlClient } from "@effect/sql"
import { Cause, Duration, Effect, Layer } from "effect"
import { MirrorDatabaseError, MirrorSchemaTooNew } from "../MirrorError.js"
import { type DatabaseLocation, scrubSecret } from "./location.js"
import { migrations, schemaVersion } from "./migrations.js"

/** The table @effect/sql's Migrator keeps its record in. */
const migrationsTable = "effect_sql_migrations"

/** A database failure as one line naming the database, without its password. */
export const databaseError =
  (location: DatabaseLocation) =>
  (cause: unknown): MirrorDatabaseError => {
    const inner = (cause as { cause?: unknown })?.cause
    const detail =
      inner instanceof Error && inner.message !== ""
        ? inner.message
        : cause instanceof Error
          ? cause.message
          : String(cause)
    return new MirrorDatabaseError({ database: location.display, reason: scrubSecret(location, detail) })
  }

/** The SqlClient for a location, before any check. */
const clientLayer = (location: DatabaseLocation): Layer.Layer<SqlClient.SqlClient, MirrorDatabaseError> => {
  if (location.dialect === "sqlite") {
    return Layer.unwrapEffect(
      Effect.map(
        Effect.promise(() => import("@effect/sql-sqlite-node")),
        ({ SqliteClient }) => SqliteClient.layer({ filename: location.filename })
      )
    ).pipe(
      // better-sqlite3 throws when it cannot open the file (a missing folder, a directory, no permission)
      Layer.catchAllCause((cause) => Layer.fail(databaseError(location)(Cause.squash(cause))))
    )
  }
  return Layer.unwrapEffect(
    Effect.map(
      Effect.promise(() => Promise.all([import("@effect/sql-pg"), import("pg")])),
      ([{ PgClient }, pg]) =>
        PgClient.layer({
          url: location.url,
          connectTimeout: Duration.seconds(5),
          maxConnections: 4,
          applicationName: "ofsc-mirror",
          types: {
            getTypeParser: ((oid: number, format?: "text" | "binary") =>
              oid === 20 ? (value: string) => Number(value) : pg.default.types.getTypeParser(oid, format)) as never
          }
        })
    )
  ).pipe(Layer.mapError(databaseError(location)))
}

/** Fails when the database holds a migration newer than this mirror knows. */
const refuseNewer = (location: DatabaseLocation) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const exists = yield* sql.onDialectOrElse({
      pg: () =>
        Effect.map(
          sql<{ found: string | null }>`SELECT to_regclass(${migrationsTable})::text AS found`,
          (rows) => rows[0]?.found != null
        ),
      orElse: () =>
        Effect.map(
          sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${migrationsTable}`,
          (rows) => rows.length > 0
        )
    })
    if (!exists) return
    const rows = yield* sql<{
      latest: number | string | null
    }>`SELECT MAX(migration_id) AS latest FROM ${sql(migrationsTable)}`
    const latest = Number(rows[0]?.latest ?? 0)
    if (latest > schemaVersion)
      return yield* new MirrorSchemaTooNew({ database: location.display, found: latest, known: schemaVersion })
  })

/** The key of the advisory lock that Postgres migrations run under (any number no other lock uses). */
const migrationLock = 0x0f5c_0001

/** Checks the database answers, refuses a newer schema, and migrates an older one. */
export const prepareDatabase = (
  location: DatabaseLocation
): Effect.Effect<void, MirrorDatabaseError | MirrorSchemaTooNew, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`SELECT 1`
    // SQLite (WAL): a commit is durable against a crash of the process at NORMAL; a power cut may
    // lose the last commits, cursor and rows together, so a poll is then applied again, never half.
    // A larger page cache keeps the load's random-order inserts off the disk; waits for the other
    // process's write lock are bounded but patient.
    yield* sql.onDialectOrElse({
      sqlite: () =>
        Effect.all(
          [sql`PRAGMA synchronous = NORMAL`, sql`PRAGMA cache_size = -32768`, sql`PRAGMA busy_timeout = 15000`],
          {
            discard: true
          }
        ),
      orElse: () => Effect.void
    })
    // mirrors opening a fresh Postgres database at once would race to create the Migrator's own
    // table (all but one failing on a duplicate key): it is made first, under a lock, as the
    // Migrator makes it (which then serializes the migrations themselves)
    yield* sql.onDialectOrElse({
      pg: () =>
        sql.withTransaction(
          Effect.zipRight(
            sql`SELECT pg_advisory_xact_lock(${migrationLock})`,
            sql`CREATE TABLE IF NOT EXISTS ${sql(migrationsTable)} (
              migration_id integer primary key,
              created_at timestamp with time zone not null default now(),
              name text not null
            )`
          )
        ),
      orElse: () => Effect.void
    })
    yield* refuseNewer(location)
    yield* Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: migrationsTable })
  }).pipe(
    Effect.catchIf(
      (e): e is Exclude<typeof e, MirrorSchemaTooNew> => !(e instanceof MirrorSchemaTooNew),
      (e) => Effect.fail(databaseError(location)(e))
    )
  )

/** The database at a location, open, reachable and migrated. */
export const databaseLayer = (
  location: DatabaseLocation
): Layer.Layer<SqlClient.SqlClient, MirrorDatabaseError | MirrorSchemaTooNew> =>
  Layer.tap(clientLayer(location), (context) => Effect.provide(prepareDatabase(location), context))
