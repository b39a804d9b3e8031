/**
 * Runs one operation from the command line: reads the body, calls OFS (one page, or every page
 * with `--all`), and writes the answer in the chosen format, or its bytes to `--out`/stdout.
 */
import type { FileSystem, Path } from "@effect/platform"
import {
  type AnyOperation,
  type OfscConfigError,
  type OfscError,
  type OfscIdempotencyConflict,
  OfscTransport,
  Paging
} from "@ofsc/core"
import { Effect, Option, Stream } from "effect"
import { type CliError, usage } from "../app/CliError.js"
import type { ConnectionFlags, OutputFlags } from "../app/globalOptions.js"
import { clientLayer } from "../connection/clientLayer.js"
import { listWriter } from "../output/ListWriter.js"
import { chooseFormat, renderAnswer } from "../output/render.js"
import { splitList } from "../output/rows.js"
import { openSink } from "../output/Sink.js"
import { requestBody } from "./body.js"

/** What a command line says about one call. */
export interface Invocation {
  readonly path: Readonly<Record<string, unknown>> | undefined
  readonly query: Readonly<Record<string, unknown>> | undefined
  readonly data: string | undefined
  readonly contentType: string | undefined
  /** `--all` on a list that pages: every page, `concurrency` at a time. */
  readonly all: { readonly concurrency: number } | undefined
  /** `--idempotency-key` of a create: looked up after a lost answer instead of creating twice. */
  readonly idempotencyKey?: string | undefined
}

/** Runs an operation and writes its answer. */
export const invoke = (
  op: AnyOperation,
  invocation: Invocation,
  connection: ConnectionFlags,
  output: OutputFlags
): Effect.Effect<
  void,
  OfscError | OfscIdempotencyConflict | OfscConfigError | CliError,
  FileSystem.FileSystem | Path.Path
> =>
  Effect.scoped(
    Effect.gen(function* () {
      const body = yield* requestBody(op, invocation.data, invocation.contentType)
      const input: Record<string, unknown> = {}
      if (invocation.path !== undefined) input.path = invocation.path
      if (invocation.query !== undefined) input.query = invocation.query
      if (body !== undefined) input.body = body
      const sink = yield* openSink(Option.getOrUndefined(output.out))
      const format = chooseFormat(Option.getOrUndefined(output.output), sink)
      const fields = Option.getOrUndefined(Option.map(output.fields, splitList))
      if (invocation.all !== undefined) {
        const writer = listWriter(sink, { format, fields })
        const items = Paging.stream(op, input as never, { concurrency: invocation.all.concurrency })
        yield* Stream.runForEachChunk(items, (chunk) => writer.write([...chunk]))
        return yield* writer.end
      }
      // only a write may go through SafeWrites, which needs ofscCore's whole table: import it then
      const safe =
        op.method === "GET"
          ? undefined
          : (yield* Effect.promise(() => import("./safeWrite.js"))).safeWrite(op, input, invocation.idempotencyKey)
      let answer: unknown
      if (safe === undefined) answer = yield* (yield* OfscTransport).call(op, input as never)
      else {
        const outcome = yield* safe
        answer = outcome.answer
        if (outcome.alreadyApplied)
          yield* Effect.sync(() =>
            process.stderr.write(`${op.id}: an earlier try had taken effect (its answer was lost); not sent again\n`)
          )
      }
      // nothing to print for an empty answer (an untyped success may carry a body, or not)
      if (op.success.kind === "empty" || answer === undefined) return
      if (op.success.kind === "bytes") {
        if (sink.isTerminal) return yield* usage("the answer is bytes: write it with --out FILE or pipe it")
        return yield* sink.write(answer as Uint8Array)
      }
      yield* renderAnswer(answer, sink, format, fields)
    })
  ).pipe(Effect.provide(clientLayer(connection)))
