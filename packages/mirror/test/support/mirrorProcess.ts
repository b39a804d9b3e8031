/**
 * A mirror as its own process, for the tests that kill one (run with tsx):
 *
 *   tsx test/support/mirrorProcess.ts --sim http://127.0.0.1:40123 --db /tmp/m.db \
 *     --from 2026-11-01 --to 2026-11-10 [--owner a] [--lease-ttl 2000] [--poll-interval 200] [--once]
 *
 * (or MIRROR_SIM_URL, MIRROR_DB, MIRROR_WINDOW=from..to in the environment). It follows the
 * simulator's events until SIGTERM (the poll in hand is committed first, the lease let go), or with
 * `--once` until caught up. A failed run is tried again. Every line it prints is one JSON object
 * (see {@link ProcessLine}); the applied polls say the `cursorVersion` they committed.
 */
import { parseArgs } from "node:util"
import { NodeRuntime } from "@effect/platform-node"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Duration, Effect, Layer, Redacted, Schedule } from "effect"
import { Mirror, type MirrorProgress } from "../../src/index.js"

/** What the process prints, one JSON object a line. */
export type ProcessLine =
  | { readonly type: "start"; readonly pid: number }
  | { readonly type: "waiting"; readonly owner: string; readonly until: string }
  | { readonly type: "runStarted"; readonly runId: number; readonly reason: string }
  | { readonly type: "loaded"; readonly rows: number }
  /** The mirror starts reading a subscription's polls from `from` (a run's first cursor, or a stored one). */
  | { readonly type: "follow"; readonly subscriptionId: string; readonly from: string | undefined }
  | {
      readonly type: "applied"
      /** Events of this poll. */
      readonly events: number
      readonly cursorVersion: number
      readonly cursor: string
      readonly eventsApplied: number
      readonly unknownEvents: number
    }
  | { readonly type: "caughtUp" }
  | { readonly type: "error"; readonly tag: string; readonly message: string }
  | { readonly type: "stopped" }

// pipes are written synchronously on Linux: a line printed is in the pipe even if SIGKILL follows
const print = (line: ProcessLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

const { values: args } = parseArgs({
  options: {
    sim: { type: "string" },
    db: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    owner: { type: "string" },
    "lease-ttl": { type: "string" },
    "poll-interval": { type: "string" },
    once: { type: "boolean", default: false }
  }
})
const [envFrom, envTo] = (process.env.MIRROR_WINDOW ?? "").split("..")
const simUrl = args.sim ?? process.env.MIRROR_SIM_URL
const database = args.db ?? process.env.MIRROR_DB
const window = { from: args.from ?? envFrom ?? "", to: args.to ?? envTo ?? "" }
if (simUrl === undefined || database === undefined || window.from === "" || window.to === "") {
  process.stderr.write("usage: mirrorProcess --sim URL --db DATABASE --from YYYY-MM-DD --to YYYY-MM-DD\n")
  process.exit(2)
}

/** The simulator's default application, over HTTP Basic, patient with its faults. */
const client = OfscClient.layer({
  baseUrl: simUrl,
  instance: "sim",
  credentials: { _tag: "Basic", clientId: "ofsc-sim", clientSecret: Redacted.make("sim-secret") },
  attemptTimeout: "15 seconds",
  retry: { maxRetries: 6, baseDelay: "100 millis", maxDelay: "1 second" }
})

const report = (progress: MirrorProgress) => {
  switch (progress._tag) {
    case "Waiting":
      return print({ type: "waiting", owner: progress.owner, until: progress.until })
    case "Following":
      return print({ type: "follow", subscriptionId: progress.subscriptionId, from: progress.cursor })
    case "RunStarted":
      return print({ type: "runStarted", runId: progress.runId, reason: progress.reason })
    case "Loading":
      return progress.progress.step === "done" ? print({ type: "loaded", rows: progress.progress.rows }) : undefined
    case "Applied":
      return print({
        type: "applied",
        events: progress.poll.events,
        cursorVersion: progress.poll.position.cursorVersion,
        cursor: progress.poll.position.cursor,
        eventsApplied: progress.poll.position.eventsApplied,
        unknownEvents: progress.poll.unknownEvents
      })
  }
}

const fatal = new Set(["MirrorSchemaTooNew", "MirrorOptionsError"])
const tagOf = (error: unknown) => String((error as { _tag?: unknown })?._tag ?? "Error")

const program = Effect.gen(function* () {
  print({ type: "start", pid: process.pid })
  const mirror = yield* Mirror
  yield* mirror.run({ follow: !args.once, onProgress: report }).pipe(
    Effect.tapError((error) => Effect.sync(() => print({ type: "error", tag: tagOf(error), message: error.message }))),
    Effect.retry({ schedule: Schedule.spaced("300 millis"), while: (error) => !fatal.has(tagOf(error)) })
  )
  print({ type: "caughtUp" })
}).pipe(
  Effect.onInterrupt(() => Effect.sync(() => print({ type: "stopped" }))),
  Effect.provide(
    Mirror.layer({
      database,
      window,
      owner: args.owner,
      leaseTtl: Duration.millis(Number(args["lease-ttl"] ?? 15_000)),
      pollInterval: Duration.millis(Number(args["poll-interval"] ?? 200))
    }).pipe(Layer.provide(OfscHttpClient.layerUndici))
  ),
  Effect.provide(client.pipe(Layer.provide(OfscHttpClient.layerUndici))),
  Effect.tapError((error) => Effect.sync(() => print({ type: "error", tag: tagOf(error), message: error.message })))
)

NodeRuntime.runMain(program, { disableErrorReporting: true })
