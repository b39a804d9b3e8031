/** The work of `ofsc raw`: one call through the transport's escape hatch, its answer rendered. */
import type { FileSystem, Path } from "@effect/platform"
import { type HttpMethod, type OfscConfigError, type OfscError, OfscTransport } from "@ofsc/core"
import { Effect, Option } from "effect"
import { type CliError, usage } from "../app/CliError.js"
import type { ConnectionFlags, OutputFlags } from "../app/globalOptions.js"
import { clientLayer } from "../connection/clientLayer.js"
import { chooseFormat, renderAnswer } from "../output/render.js"
import { splitList } from "../output/rows.js"
import { openSink } from "../output/Sink.js"
import { dataBytes } from "./body.js"

const queryPair = (text: string) => {
  const at = text.indexOf("=")
  return at <= 0
    ? Effect.fail(usage(`--query ${text}: expected name=value`))
    : Effect.succeed([text.slice(0, at), text.slice(at + 1)] as const)
}

/** What `ofsc raw` was given. */
export interface RawInvocation {
  readonly method: HttpMethod
  readonly path: string
  readonly query: ReadonlyArray<string>
  readonly data: Option.Option<string>
}

/** Calls an arbitrary path and writes the answer. */
export const rawCall = (
  raw: RawInvocation,
  connection: ConnectionFlags,
  output: OutputFlags
): Effect.Effect<void, OfscError | OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.scoped(
    Effect.gen(function* () {
      if (!raw.path.startsWith("/")) return yield* usage(`the path must start with /, got ${raw.path}`)
      const pairs = yield* Effect.forEach(raw.query, queryPair)
      const body = Option.isSome(raw.data)
        ? yield* Effect.flatMap(dataBytes(raw.data.value), (bytes) =>
            Effect.try({
              try: () => JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown,
              catch: () => usage("--data is not JSON")
            })
          )
        : undefined
      const transport = yield* OfscTransport
      const answer = yield* transport.raw(raw.method, raw.path, { query: Object.fromEntries(pairs), body })
      if (answer === undefined) return
      const sink = yield* openSink(Option.getOrUndefined(output.out))
      const format = chooseFormat(Option.getOrUndefined(output.output), sink)
      yield* renderAnswer(answer, sink, format, Option.getOrUndefined(Option.map(output.fields, splitList)))
    })
  ).pipe(Effect.provide(clientLayer(connection)))
