/** `ofsc simulator`: a local OFS simulator in the foreground, until Ctrl-C. */
import { Command, Options } from "@effect/cli"
import { Console, Effect } from "effect"

/** The `simulator` command. */
export const simulatorCommand = Command.make(
  "simulator",
  {
    port: Options.integer("port").pipe(
      Options.withDescription("port to listen on (0: a free one)"),
      Options.withDefault(8787)
    ),
    host: Options.text("host").pipe(Options.withDefault("127.0.0.1")),
    size: Options.choice("size", ["small", "medium", "large"] as const).pipe(Options.withDefault("small" as const)),
    seed: Options.integer("seed").pipe(Options.withDefault(1)),
    latencyMs: Options.integer("latency-ms").pipe(
      Options.withDescription("latency added to each request"),
      Options.withDefault(0)
    ),
    faultRate: Options.float("fault-rate").pipe(
      Options.withDescription("share of requests answered 5xx, 0..1"),
      Options.withDefault(0)
    )
  },
  ({ port, host, size, seed, latencyMs, faultRate }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const { startSimulator, defaultApplication } = yield* Effect.promise(() => import("@ofsc/simulator"))
        const sim = yield* Effect.acquireRelease(
          Effect.promise(() => startSimulator({ port, host, size, seed, faults: { latencyMs, faultRate } })),
          (handle) => Effect.promise(() => handle.stop())
        )
        const { clientId, clientSecret } = defaultApplication
        yield* Console.log(
          [
            `OFS simulator listening on ${sim.url} (${size}: ${sim.data.resources.length} resources, ${sim.data.activities.length} activities)`,
            `  try: ofsc core resources list --base-url ${sim.url} --instance ${sim.instance} --client-id ${clientId} --client-secret ${clientSecret}`,
            `  or:  export OFSC_BASE_URL=${sim.url} OFSC_INSTANCE=${sim.instance} OFSC_CLIENT_ID=${clientId} OFSC_CLIENT_SECRET=${clientSecret}`,
            "  Ctrl-C stops it"
          ].join("\n")
        )
        return yield* Effect.never
      })
    )
).pipe(Command.withDescription("run a local OFS simulator with seeded data in the foreground"))
