/**
 * Where the mirror's database is: a SQLite file (a path, or `sqlite:path`) or a Postgres URL
 * (`postgres://` or `postgresql://`). The password of a URL is held as `Redacted` from the moment it
 * is read, and `display` (what logs, errors and status show) never contains it.
 */
import { Either, Redacted } from "effect"
import { MirrorOptionsError } from "../MirrorError.js"

/** A database location, read. */
export type DatabaseLocation =
  | { readonly dialect: "sqlite"; readonly filename: string; readonly display: string }
  | { readonly dialect: "pg"; readonly url: Redacted.Redacted<string>; readonly display: string }

/** The location `--db` names; a Postgres URL that does not parse is an error that does not repeat it. */
export const parseDatabaseLocation = (text: string): Either.Either<DatabaseLocation, MirrorOptionsError> => {
  const trimmed = text.trim()
  if (trimmed === "") return Either.left(new MirrorOptionsError({ reason: "--db is empty" }))
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      return Either.left(new MirrorOptionsError({ reason: "--db is not a valid postgres:// URL" }))
    }
    if (url.hostname === "")
      return Either.left(new MirrorOptionsError({ reason: "--db: the postgres:// URL names no host" }))
    const shown = new URL(url.href)
    if (shown.password !== "") shown.password = "***"
    shown.search = ""
    return Either.right({ dialect: "pg", url: Redacted.make(trimmed), display: shown.href })
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed))
    return Either.left(
      new MirrorOptionsError({
        reason: "--db must be a SQLite file path or a postgres:// URL (other schemes are not supported)"
      })
    )
  const filename = trimmed.startsWith("sqlite:") ? trimmed.slice("sqlite:".length) : trimmed
  if (filename === "") return Either.left(new MirrorOptionsError({ reason: "--db: sqlite: names no file" }))
  return Either.right({ dialect: "sqlite", filename, display: filename })
}

/** Removes a location's password from a text (a driver's message may quote the URL it was given). */
export const scrubSecret = (location: DatabaseLocation, text: string): string => {
  if (location.dialect !== "pg") return text
  const raw = Redacted.value(location.url)
  let password = ""
  try {
    password = decodeURIComponent(new URL(raw).password)
  } catch {
    password = ""
  }
  let out = text.split(raw).join(location.display)
  if (password.length > 0) out = out.split(password).join("***")
  return out
}
