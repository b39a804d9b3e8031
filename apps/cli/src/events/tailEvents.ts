/**
 * The work of `ofsc events tail`: finds (or creates) a subscription, follows its cursor poll after
 * poll and writes each event as it arrives (ndjson when piped, one line each on a terminal),
 * until Ctrl-C. Loaded only when the command runs.
 */
import type { FileSystem, Path } from "@effect/platform"
import { type OfscConfigError, OfscCore, type OfscError } from "@ofsc/core"
import { type Duration, Effect, Layer, Option, Ref, Stream } from "effect"
import type { CliError } from "../app/CliError.js"
import type { ConnectionFlags, OutputFlags } from "../app/globalOptions.js"
import { clientLayer } from "../connection/clientLayer.js"
import { listWriter } from "../output/ListWriter.js"
import { splitList } from "../output/rows.js"
import { stdoutSink } from "../output/Sink.js"

/** What `ofsc events tail` was given. */
export interface TailRequest {
  readonly subscriptionId: Option.Option<string>
  readonly events: ReadonlyArray<string>
  readonly since: Option.Option<string>
  readonly pollInterval: Duration.Duration
}

const title = "ofsc events tail"

/** The subscription to follow, and where to start when nothing says. */
const subscription = (core: OfscCore["Type"], request: TailRequest) =>
  Effect.gen(function* () {
    if (Option.isSome(request.subscriptionId)) return { id: request.subscriptionId.value, start: "lastRequested" }
    const wanted = JSON.stringify([...request.events].sort())
    const existing = ((yield* core.events.subscriptions.list()).items ?? []).find(
      (s) =>
        s.subscriptionTitle === title &&
        s.subscriptionId !== undefined &&
        JSON.stringify([...(s.subscriptionConfig?.flatMap((c) => c.events ?? []) ?? [])].sort()) === wanted
    )
    if (existing?.subscriptionId !== undefined) return { id: existing.subscriptionId, start: "lastRequested" }
    const created = yield* core.events.subscriptions.create({
      subscriptionTitle: title,
      subscriptionConfig: [{ events: request.events as never }]
    })
    return { id: created.subscriptionId ?? "", start: created.nextPage ?? "lastRequested" }
  })

/** A terminal line for an event: time, type, then its fields. */
const eventLine = (event: Record<string, unknown>) => {
  const { time, eventType, links: _links, ...rest } = event
  return `${String(time ?? "")}  ${String(eventType ?? "")}  ${JSON.stringify(rest)}\n`
}

/** Follows the events until interrupted. */
export const tailEvents = (
  request: TailRequest,
  connection: ConnectionFlags,
  output: OutputFlags
): Effect.Effect<never, OfscError | OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const core = yield* OfscCore
    const { id, start } = yield* subscription(core, request)
    yield* Effect.sync(() => process.stderr.write(`following subscription ${id} (Ctrl-C stops)\n`))
    const fields = Option.getOrUndefined(Option.map(output.fields, splitList))
    const asked = Option.getOrUndefined(output.output)
    const write =
      (asked === undefined && stdoutSink.isTerminal) || asked === "table"
        ? (events: ReadonlyArray<unknown>) =>
            stdoutSink.write(events.map((e) => eventLine(e as Record<string, unknown>)).join(""))
        : listWriter(stdoutSink, { format: asked ?? "ndjson", fields }).write
    const cursor = yield* Ref.make<string | undefined>(undefined)
    const poll = Effect.gen(function* () {
      const page = yield* Ref.get(cursor)
      const query =
        page !== undefined
          ? { subscriptionId: id, page }
          : Option.isSome(request.since)
            ? { subscriptionId: id, since: request.since.value }
            : { subscriptionId: id, page: start }
      yield* Stream.runForEachChunk(core.events.stream(query, { onCursor: (next) => Ref.set(cursor, next) }), (chunk) =>
        write([...chunk])
      )
    })
    return yield* Effect.forever(Effect.zipRight(poll, Effect.sleep(request.pollInterval)))
  }).pipe(Effect.provide(OfscCore.layer.pipe(Layer.provideMerge(clientLayer(connection)))))
