/**
 * Where output goes: stdout, or the file `--out` names. Writes wait when the destination is
 * slower than we are, so a long stream never piles up in memory.
 */

import * as fs from "node:fs"
import type { Writable } from "node:stream"
import { Effect, type Scope } from "effect"
import { type CliError, io } from "../app/CliError.js"

/** An open destination for output. */
export interface Sink {
  /** Whether a person is looking at it (stdout on a terminal). */
  readonly isTerminal: boolean
  /** Whether colours may be used: a terminal, and `NO_COLOR` unset. */
  readonly colour: boolean
  readonly write: (chunk: string | Uint8Array) => Effect.Effect<void, CliError>
}

const writeTo =
  (stream: Writable, name: string) =>
  (chunk: string | Uint8Array): Effect.Effect<void, CliError> =>
    Effect.async<void, CliError>((resume) => {
      const onError = (error: Error) => resume(Effect.fail(io(`cannot write ${name}`, error)))
      stream.once("error", onError)
      const done = () => {
        stream.off("error", onError)
        resume(Effect.void)
      }
      if (stream.write(chunk)) done()
      else stream.once("drain", done)
    })

/** Whether colours are allowed on a stream that is a terminal. */
export const colourAllowed = (isTerminal: boolean): boolean =>
  isTerminal && (process.env.NO_COLOR === undefined || process.env.NO_COLOR === "") && process.env.TERM !== "dumb"

/** Stdout as a sink. */
export const stdoutSink: Sink = {
  isTerminal: process.stdout.isTTY === true,
  colour: colourAllowed(process.stdout.isTTY === true),
  write: writeTo(process.stdout, "stdout")
}

/** A file as a sink, opened for the scope (truncated, or appended to when `append`), flushed when it closes. */
export const fileSink = (path: string, append = false): Effect.Effect<Sink, CliError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<fs.WriteStream, CliError>((resume) => {
      const stream = fs.createWriteStream(path, { flags: append ? "a" : "w" })
      stream.once("open", () => resume(Effect.succeed(stream)))
      stream.once("error", (error) => resume(Effect.fail(io(`cannot open ${path}`, error))))
    }),
    (stream) => Effect.async<void>((resume) => void stream.end(() => resume(Effect.void)))
  ).pipe(Effect.map((stream) => ({ isTerminal: false, colour: false, write: writeTo(stream, path) })))

/** The sink `--out` asks for: that file, or stdout. */
export const openSink = (out: string | undefined): Effect.Effect<Sink, CliError, Scope.Scope> =>
  out === undefined ? Effect.succeed(stdoutSink) : fileSink(out)
