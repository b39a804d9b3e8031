/**
 * The database a mirror command names with `--db`: read (one that cannot be is a one-line error
 * naming it, password hidden), and opened for the commands that only look at a mirror's database.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import {
  type DatabaseLocation,
  databaseError,
  databaseLayer,
  MirrorDatabaseError,
  parseDatabaseLocation
} from "@ofsc/mirror"
import { Cause, Effect, Either, Layer, Option } from "effect"

/** A URL's password as `***`, for naming a `--db` that does not parse (so there is no `display`). */
const hidePassword = (text: string): string => text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[\s\S]*@/i, "$1***@")

/**
 * Why SQLite could not open or create `filename`, told before it tries: the driver throws instead
 * of failing when it cannot open a file, which would end the command as an unexpected failure.
 */
const sqliteProblem = (filename: string): string | undefined => {
  if (filename === ":memory:") return undefined
  const exists = fs.existsSync(filename)
  if (exists && fs.statSync(filename).isDirectory()) return "is a directory, not a SQLite file"
  const folder = path.dirname(path.resolve(filename))
  if (!exists && !fs.existsSync(folder)) return `cannot be created: the folder ${folder} does not exist`
  try {
    fs.accessSync(exists ? filename : folder, fs.constants.R_OK | fs.constants.W_OK)
  } catch {
    return exists ? "cannot be read and written (permissions)" : `cannot be created in ${folder} (permissions)`
  }
  return undefined
}

/** The location `--db` names; a SQLite file that cannot be opened or created is refused here. */
export const readLocation = (db: string): Effect.Effect<DatabaseLocation, MirrorDatabaseError> =>
  Either.match(parseDatabaseLocation(db), {
    onLeft: (e) =>
      Effect.fail(
        new MirrorDatabaseError({ database: db.trim() === "" ? '""' : hidePassword(db.trim()), reason: e.reason })
      ),
    onRight: (location) => {
      const problem = location.dialect === "sqlite" ? sqliteProblem(location.filename) : undefined
      return problem === undefined
        ? Effect.succeed(location)
        : Effect.fail(new MirrorDatabaseError({ database: location.display, reason: problem }))
    }
  })

/** The database of a mirror, open and migrated; a SQLite file that does not exist is refused, not created. */
export const existingDatabase = (location: DatabaseLocation): ReturnType<typeof databaseLayer> =>
  location.dialect === "sqlite" && !fs.existsSync(location.filename)
    ? Layer.fail(
        new MirrorDatabaseError({
          database: location.display,
          reason: `no such file (ofsc mirror run --db ${location.display} creates it)`
        })
      )
    : databaseLayer(location).pipe(
        // a driver that throws while opening is a database error too, named like the others
        Layer.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause)
            ? Layer.failCause(cause)
            : Layer.fail(
                Option.getOrElse(Cause.failureOption(cause), () => databaseError(location)(Cause.squash(cause)))
              )
        )
      )

/** A failed statement (an `SqlError`) as a MirrorDatabaseError naming the database, its message without the password. */
export const namingDatabase =
  (location: DatabaseLocation) =>
  <A, E, R>(
    effect: Effect.Effect<A, E, R>
  ): Effect.Effect<A, Exclude<E, { readonly _tag: "SqlError" }> | MirrorDatabaseError, R> =>
    Effect.catchIf(
      effect,
      (e): e is Extract<E, { readonly _tag: "SqlError" }> => (e as { _tag?: unknown } | undefined)?._tag === "SqlError",
      (e) => Effect.fail(databaseError(location)(e))
    ) as Effect.Effect<A, Exclude<E, { readonly _tag: "SqlError" }> | MirrorDatabaseError, R>
