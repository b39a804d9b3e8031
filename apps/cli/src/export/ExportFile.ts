/**
 * The file an export writes: each write lands in the file before it returns (no buffer that a
 * Ctrl-C could lose), and the length written so far is known, so a checkpoint can name it.
 */

import * as fs from "node:fs/promises"
import { Effect, type Scope } from "effect"
import { type CliError, io, usage } from "../app/CliError.js"
import type { Sink } from "../output/Sink.js"

/** An open export file. */
export interface ExportFile extends Sink {
  /** Bytes in the file so far. */
  readonly length: () => number
  /** Cuts the file back to `bytes`. */
  readonly truncate: (bytes: number) => Effect.Effect<void, CliError>
}

/** Opens `path` for the scope: new (emptied), or, resuming, cut back to `resumeAt` bytes. */
export const openExportFile = (
  path: string,
  resumeAt: number | undefined
): Effect.Effect<ExportFile, CliError, Scope.Scope> =>
  Effect.gen(function* () {
    const handle = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => fs.open(path, resumeAt === undefined ? "w" : "r+"),
        catch: (e) => io(`cannot open ${path}`, e)
      }),
      (h) => Effect.promise(() => h.close())
    )
    let position = 0
    if (resumeAt !== undefined) {
      const size = (yield* Effect.tryPromise({ try: () => handle.stat(), catch: (e) => io(`cannot read ${path}`, e) }))
        .size
      if (size < resumeAt)
        return yield* usage(`${path} is shorter than its checkpoint says: it was changed, start again without --resume`)
      yield* Effect.tryPromise({ try: () => handle.truncate(resumeAt), catch: (e) => io(`cannot write ${path}`, e) })
      position = resumeAt
    }
    const file: ExportFile = {
      isTerminal: false,
      colour: false,
      length: () => position,
      write: (chunk) =>
        Effect.tryPromise({
          try: async () => {
            const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk
            await handle.write(bytes, 0, bytes.length, position)
            position += bytes.length
          },
          catch: (e) => io(`cannot write ${path}`, e)
        }),
      truncate: (bytes) =>
        Effect.tryPromise({
          try: async () => {
            await handle.truncate(bytes)
            position = bytes
          },
          catch: (e) => io(`cannot write ${path}`, e)
        })
    }
    return file
  })
