/**
 * How far an export got, kept beside its file (`FILE.checkpoint.json`) after each chunk written:
 * the segment (date window) and list offset to continue from, and the file length that holds
 * exactly the items before them. `--resume` cuts the file back to that length and goes on.
 */

import * as fs from "node:fs/promises"
import { Effect, Schema } from "effect"
import { CliError, io } from "../app/CliError.js"

/** The saved position of an export. */
export const Checkpoint = Schema.Struct({
  version: Schema.Literal(1),
  /** The operation id and the inputs of each segment: a resume must be the same export. */
  operation: Schema.String,
  segments: Schema.Array(Schema.Unknown),
  format: Schema.String,
  /** The segment to continue in, and the list offset in it of the first item not written. */
  segment: Schema.Int,
  offset: Schema.Int,
  /** Items and bytes in the file up to that point. */
  items: Schema.Int,
  bytes: Schema.Int,
  pages: Schema.Int,
  /** CSV: the columns of the header already written. */
  columns: Schema.optional(Schema.Array(Schema.String))
})

/** The type of {@link Checkpoint}. */
export type Checkpoint = typeof Checkpoint.Type

/** Where the checkpoint of an export file lives. */
export const checkpointPath = (file: string): string => `${file}.checkpoint.json`

const decode = Schema.decodeUnknownEither(Schema.parseJson(Checkpoint))

/** Reads the checkpoint of an export file. */
export const readCheckpoint = (file: string): Effect.Effect<Checkpoint, CliError> =>
  Effect.tryPromise({
    try: () => fs.readFile(checkpointPath(file), "utf8"),
    catch: () => new CliError({ kind: "usage", message: `nothing to resume: ${checkpointPath(file)} does not exist` })
  }).pipe(
    Effect.flatMap((text) => {
      const decoded = decode(text)
      return decoded._tag === "Right"
        ? Effect.succeed(decoded.right)
        : Effect.fail(new CliError({ kind: "usage", message: `${checkpointPath(file)} is not a checkpoint` }))
    })
  )

/** Saves a checkpoint (written beside and renamed over, so it is never half-written). */
export const writeCheckpoint = (file: string, checkpoint: Checkpoint): Effect.Effect<void, CliError> => {
  const path = checkpointPath(file)
  return Effect.tryPromise({
    try: async () => {
      await fs.writeFile(`${path}.tmp`, JSON.stringify(checkpoint))
      await fs.rename(`${path}.tmp`, path)
    },
    catch: (e) => io(`cannot write ${path}`, e)
  })
}

/** Removes the checkpoint once the export is complete. */
export const removeCheckpoint = (file: string): Effect.Effect<void, CliError> =>
  Effect.tryPromise({
    try: () => fs.rm(checkpointPath(file), { force: true }),
    catch: (e) => io(`cannot remove ${checkpointPath(file)}`, e)
  })
