/**
 * The work of `ofsc events tail`: finds (or creates) a subscription, follows its polls
 * (`core.events.polls` in follow mode) and writes each event as it arrives (ndjson when piped, one
 * line each on a terminal), until Ctrl-C. Then it prints the cursor after the last poll whose events
 * were all written, as the command that continues there: nothing repeated, nothing lost. Loaded
 * only when the command runs.
 */
import type { FileSystem, Path } from "@effect/platform"
import { type OfscConfigError, OfscCore, type OfscError, type OfscSubscriptionExpired } from "@ofsc/core"
import { type Duration, Effect, Layer, Option, Ref, Stream } from "effect"
import { type CliError, usage } from "../app/CliError.js"
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
  /** A cursor to start at: the one a previous run printed when it stopped. */
  readonly from: Option.Option<string>
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

/** The line that tells how to continue after the last poll written (or that nothing was read yet). */
const stoppedLine = (subscriptionId: string, cursor: string | undefined) =>
  cursor === undefined
    ? "stopped before the first poll\n"
    : `stopped; continue with: ofsc events tail --subscription-id ${subscriptionId} --from ${cursor}\n`

/** Follows the events until interrupted. */
export const tailEvents = (
  request: TailRequest,
  connection: ConnectionFlags,
  output: OutputFlags
): Effect.Effect<
  never,
  OfscError | OfscSubscriptionExpired | OfscConfigError | CliError,
  FileSystem.FileSystem | Path.Path
> =>
  Effect.gen(function* () {
    if (Option.isSome(request.from) && Option.isSome(request.since))
      return yield* Effect.fail(usage("--from and --since cannot be used together"))
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
    const from = Option.getOrUndefined(request.from)
    const since = Option.getOrUndefined(request.since)
    const first = from ?? (since === undefined ? start : undefined)
    // the cursor after the last poll whose events were all written: where a next run continues
    const written = yield* Ref.make<string | undefined>(first === "lastRequested" ? undefined : first)
    const polls = core.events.polls(id, { from: first, since, follow: true, pollInterval: request.pollInterval })
    // once a poll's events are handed to stdout its cursor counts as written: Ctrl-C waits for both
    const writePoll = (poll: { readonly items: ReadonlyArray<unknown>; readonly nextPage: string }) =>
      Effect.uninterruptible(
        Effect.zipRight(poll.items.length === 0 ? Effect.void : write(poll.items), Ref.set(written, poll.nextPage))
      )
    yield* Stream.runForEach(polls, writePoll).pipe(
      Effect.onInterrupt(() =>
        Effect.flatMap(Ref.get(written), (cursor) => Effect.sync(() => process.stderr.write(stoppedLine(id, cursor))))
      )
    )
    // a following stream never ends; only a failure or Ctrl-C stops it
    return yield* Effect.never
  }).pipe(Effect.provide(OfscCore.layer.pipe(Layer.provideMerge(clientLayer(connection)))))
