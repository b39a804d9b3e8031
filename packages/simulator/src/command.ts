/**
 * The simulator's command line, defined once: the `ofsc-simulator` bin runs it, and the `ofsc` CLI
 * mounts it as `ofsc simulator`, so the two take the same flags, with the same help and defaults.
 * It starts a simulator with seeded data for the life of the command, prints where it listens and
 * the credentials to use, and runs until interrupted (Ctrl-C, SIGTERM).
 *
 * @packageDocumentation
 */
import { Command, Options } from "@effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { DataSize } from "./data/seed.js"
import { defaultApplication, Simulator, type SimulatorHandle, type SimulatorOptions } from "./Simulator.js"
import { parseUtcTime } from "./state/clock.js"

/** The message of a flag out of its bounds, naming the flag. */
const bounds = (name: string, min: number, max: number) => ({
  message: (issue: { readonly actual: unknown }) =>
    `--${name} must be from ${min} to ${max}, got ${String(issue.actual)}`
})

/** A whole-number flag within bounds. */
const integerFlag = (name: string, min: number, max: number) =>
  Options.integer(name).pipe(Options.withSchema(Schema.Number.pipe(Schema.between(min, max, bounds(name, min, max)))))

/** A number flag within bounds. */
const numberFlag = (name: string, min: number, max: number) =>
  Options.float(name).pipe(Options.withSchema(Schema.Number.pipe(Schema.between(min, max, bounds(name, min, max)))))

/** The flags of the simulator command, with their help and defaults. */
export const simulatorFlags = {
  port: integerFlag("port", 0, 65535).pipe(
    Options.withDescription("port to listen on (0 picks a free one)"),
    Options.withDefault(8787)
  ),
  host: Options.text("host").pipe(Options.withDescription("address to listen on"), Options.withDefault("127.0.0.1")),
  seed: integerFlag("seed", 0, 2 ** 32 - 1).pipe(
    Options.withDescription("seed of the generated data and faults"),
    Options.withDefault(1)
  ),
  size: Options.choice("size", ["small", "medium", "large"] as const).pipe(
    Options.withDescription("seeded data: small (20 resources), medium (200) or large (1,000 and 100,000 activities)"),
    Options.withDefault("small" as DataSize)
  ),
  instance: Options.text("instance").pipe(
    Options.withDescription("OFS instance name clients authenticate against"),
    Options.withDefault("sim")
  ),
  latencyMs: integerFlag("latency-ms", 0, 600_000).pipe(
    Options.withDescription("latency added to every request, in milliseconds"),
    Options.withDefault(0)
  ),
  faultRate: numberFlag("fault-rate", 0, 1).pipe(
    Options.withDescription("share of requests answered with a 5xx, 0..1"),
    Options.withDefault(0)
  ),
  appliedDropRate: numberFlag("applied-drop-rate", 0, 1).pipe(
    Options.withDescription(
      "share of requests that run and keep their effect, then lose the connection before the answer, 0..1"
    ),
    Options.withDefault(0)
  ),
  appliedDropOn: Options.text("applied-drop-on").pipe(
    Options.withDescription(
      "which requests --applied-drop-rate picks: methods or operation keys, comma-separated (e.g. POST or 'PATCH /rest/ofscCore/v1/activities/{activityId}'); all by default"
    ),
    Options.withDefault("")
  ),
  clockStart: Options.text("clock-start").pipe(
    Options.withDescription(
      "start the simulator's clock at this UTC time ('YYYY-MM-DD HH:MM:SS' or ISO); it runs on from there (POST /simulator/v1/clock moves it)"
    ),
    Options.withSchema(
      Schema.String.pipe(
        Schema.filter((text) => parseUtcTime(text) !== undefined, {
          message: () => "--clock-start must be a time: 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601"
        })
      )
    ),
    Options.optional
  ),
  rateLimit: numberFlag("rate-limit", 0, 1_000_000).pipe(
    Options.withDescription("requests per second before 429 with Retry-After; 0 is off"),
    Options.withDefault(0)
  ),
  noConcurrencyLimits: Options.boolean("no-concurrency-limits").pipe(
    Options.withDescription(
      "turn off OFS's per-operation concurrency limits (GET activities: 3 at once, 10 queued for up to 30 s, the rest 429)"
    )
  )
}

/** The values of the simulator command's flags. */
export type SimulatorFlags = Command.Command.ParseConfig<typeof simulatorFlags>

/** The simulator options the flags describe. */
export const simulatorOptionsOf = (flags: SimulatorFlags): SimulatorOptions => ({
  port: flags.port,
  host: flags.host,
  seed: flags.seed,
  size: flags.size,
  instance: flags.instance,
  faults: {
    latencyMs: flags.latencyMs,
    faultRate: flags.faultRate,
    rateLimitPerSecond: flags.rateLimit,
    appliedDropRate: flags.appliedDropRate,
    appliedDropOn: flags.appliedDropOn
      .split(",")
      .map((on) => on.trim())
      .filter((on) => on.length > 0)
  },
  ...(Option.isSome(flags.clockStart) && { clockStart: flags.clockStart.value }),
  ...(flags.noConcurrencyLimits && { concurrencyLimits: false })
})

/** What the command prints once the simulator listens: where, with what data, and how to connect. */
export const banner = (sim: SimulatorHandle, size: DataSize, readyMs: number): string => {
  const { clientId, clientSecret } = defaultApplication
  return [
    `OFS simulator listening on ${sim.url}`,
    `  data: ${size} (${sim.data.resources.length} resources, ${sim.data.activities.length} activities), ready in ${Math.round(readyMs)} ms`,
    `  instance: ${sim.instance}`,
    `  clock: ${new Date(sim.clock.now()).toISOString().slice(0, 19).replace("T", " ")} UTC`,
    `  OFS concurrency limits: ${sim.concurrencyLimits.enabled ? "on" : "off"}`,
    `  client id: ${clientId}   client secret: ${clientSecret}`,
    `  Basic user: ${clientId}@${sim.instance}   token service: ${sim.url}/rest/oauthTokenService/v2/token`,
    `  environment: OFSC_BASE_URL=${sim.url} OFSC_INSTANCE=${sim.instance} OFSC_CLIENT_ID=${clientId} OFSC_CLIENT_SECRET=${clientSecret}`,
    "  Ctrl-C stops it"
  ].join("\n")
}

/**
 * The simulator command under the name it is run as (`ofsc-simulator` for the bin, `simulator` under
 * `ofsc`): runs a simulator with seeded data in the foreground until interrupted.
 */
export const makeSimulatorCommand = (name: string) =>
  Command.make(name, simulatorFlags, (flags) =>
    Effect.scoped(
      Effect.gen(function* () {
        const started = performance.now()
        const sim = yield* Simulator.scoped(simulatorOptionsOf(flags))
        yield* Console.log(banner(sim, flags.size, performance.now() - started))
        return yield* Effect.never
      })
    )
  ).pipe(Command.withDescription("run a local OFS simulator with seeded data in the foreground"))

/** The command as `ofsc simulator` mounts it. */
export const simulatorCommand = makeSimulatorCommand("simulator")
