/**
 * A failure as the user reads it: one line, the error's own message, never a stack trace or a
 * secret. With `--verbose`, the fields OFS answered with follow (type, title, detail, issues).
 */
import type { CommandFailure } from "./exitCodes.js"

/** Fields of an error worth showing with `--verbose` (never `cause`: it may hold a request). */
const detailFields = [
  "operation",
  "method",
  "path",
  "status",
  "type",
  "title",
  "detail",
  "reason",
  "resumeFrom",
  "key"
] as const

/** The line (or, verbose, lines) printed for a failure. */
export const describeFailure = (error: CommandFailure, verbose: boolean): string => {
  const line = `ofsc: ${error.message}`
  if (!verbose) return line
  const record = error as unknown as Record<string, unknown>
  const details = detailFields.flatMap((field) =>
    record[field] === undefined ? [] : [`  ${field}: ${String(record[field])}`]
  )
  if (error._tag === "CliError" && error.detail !== undefined) details.push(`  detail: ${error.detail}`)
  return [line, `  error: ${error._tag}`, ...details].join("\n")
}
