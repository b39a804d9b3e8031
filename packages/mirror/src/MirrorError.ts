/** The mirror's typed errors: each names what failed in words an admin can act on, and none holds a secret. */
import { Data } from "effect"

/** The database could not be opened, reached or used; `database` is its location with any password hidden. */
export class MirrorDatabaseError extends Data.TaggedError("MirrorDatabaseError")<{
  readonly database: string
  readonly reason: string
}> {
  /** One line naming what failed (never a secret). */
  override get message(): string {
    return `database ${this.database}: ${this.reason}`
  }
}

/** The database was written by a newer version of the mirror: it is refused, never altered. */
export class MirrorSchemaTooNew extends Data.TaggedError("MirrorSchemaTooNew")<{
  readonly database: string
  readonly found: number
  readonly known: number
}> {
  /** One line naming what failed (never a secret). */
  override get message(): string {
    return `database ${this.database} has schema version ${this.found}, newer than this mirror's ${this.known}: upgrade @ofsc/mirror (the database was left as it is)`
  }
}

/** Another mirror process holds this database; `owner` says which and `until` when its lease ends. */
export class MirrorBusy extends Data.TaggedError("MirrorBusy")<{
  readonly database: string
  readonly owner: string
  readonly until: string
}> {
  /** One line naming what failed (never a secret). */
  override get message(): string {
    return `database ${this.database} is being kept current by another mirror (${this.owner}, lease until ${this.until})`
  }
}

/** The options given to the mirror cannot work (a bad window, an empty entity list, a webhook without a secret...). */
export class MirrorOptionsError extends Data.TaggedError("MirrorOptionsError")<{
  readonly reason: string
}> {
  /** One line naming what failed (never a secret). */
  override get message(): string {
    return this.reason
  }
}

/** Every error the mirror itself raises (OFS's own errors come from @ofsc/core). */
export type MirrorError = MirrorDatabaseError | MirrorSchemaTooNew | MirrorBusy | MirrorOptionsError
