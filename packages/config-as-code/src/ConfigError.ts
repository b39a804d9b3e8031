/**
 * The failures of @ofsc/config-as-code besides OFS's own (`OfscError` from @ofsc/core): a file of an export
 * folder that cannot be read, parsed or written, and a resource name that does not exist.
 */
import * as Data from "effect/Data"

/** A file or folder of an export that cannot be read, parsed or written. */
export class ConfigFileError extends Data.TaggedError("ConfigFileError")<{
  /** The file or folder. */
  readonly path: string
  /** What went wrong, in one line. */
  readonly reason: string
}> {
  /** One line naming what failed, built from the fields. */
  override get message() {
    return `${this.path}: ${this.reason}`
  }
}

/** `only` named resources that are not configuration resources. */
export class ConfigUnknownResource extends Data.TaggedError("ConfigUnknownResource")<{
  readonly names: ReadonlyArray<string>
  /** The names that exist. */
  readonly known: ReadonlyArray<string>
}> {
  /** One line naming what failed, built from the fields. */
  override get message() {
    return `not a configuration resource: ${this.names.join(", ")} (one of: ${this.known.join(", ")})`
  }
}
