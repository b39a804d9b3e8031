/**
 * Failures of the command line itself (as opposed to OFS calls): a bad flag value, a file that
 * cannot be read or written, a missing profile. Each says which exit code it ends with.
 */
import { Data } from "effect"

/** Why the command line failed before or around an OFS call. */
export type CliErrorKind = "usage" | "config" | "io"

/** A command-line failure with a one-line message. */
export class CliError extends Data.TaggedError("CliError")<{
  readonly kind: CliErrorKind
  readonly message: string
  readonly detail?: string | undefined
}> {}

/** A usage error: a flag or argument the command cannot work with. */
export const usage = (message: string): CliError => new CliError({ kind: "usage", message })

/** A file that could not be read or written. */
export const io = (message: string, cause: unknown): CliError =>
  new CliError({ kind: "io", message, detail: cause instanceof Error ? cause.message : String(cause) })
