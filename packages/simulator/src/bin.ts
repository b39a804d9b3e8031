#!/usr/bin/env node
/**
 * The `ofsc-simulator` command: starts a local OFS-compatible server with seeded data, prints its
 * URL and the credentials to use, and runs until SIGINT or SIGTERM.
 *
 *   ofsc-simulator --port 8787 --seed 1 --size small --latency-ms 0 --fault-rate 0 --rate-limit 0
 *     [--no-concurrency-limits]
 */
import { parseArgs } from "node:util"
import type { DataSize } from "./data/seed.js"
import { defaultApplication, type SimulatorHandle, startSimulator } from "./Simulator.js"

const usage = `Usage: ofsc-simulator [options]

  --port <n>         port to listen on (default 8787; 0 picks a free one)
  --host <address>   address to listen on (default 127.0.0.1)
  --seed <n>         seed of the generated data and faults (default 1)
  --size <size>      small | medium | large (default small)
  --instance <name>  OFS instance name clients authenticate against (default sim)
  --latency-ms <n>   latency added to every request, in milliseconds (default 0)
  --fault-rate <x>   share of requests answered with a 5xx, 0..1 (default 0)
  --rate-limit <n>   requests per second before 429 with Retry-After; 0 is off (default 0)
  --no-concurrency-limits
                     turn off OFS's per-operation concurrency limits (GET activities: 3 at once,
                     10 queued for up to 30 s, the rest 429 with Retry-After)
  -h, --help         show this help`

const sizes: ReadonlyArray<DataSize> = ["small", "medium", "large"]

/** A numeric option within bounds, or an error message. */
const numberOption = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${name} must be a number from ${min} to ${max}, got '${text}'`)
  }
  return value
}

const start = async (argv: ReadonlyArray<string>): Promise<SimulatorHandle | undefined> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      size: { type: "string" },
      instance: { type: "string" },
      "latency-ms": { type: "string" },
      "fault-rate": { type: "string" },
      "rate-limit": { type: "string" },
      "no-concurrency-limits": { type: "boolean" },
      help: { type: "boolean", short: "h" }
    }
  })
  if (values.help) {
    console.log(usage)
    return undefined
  }
  const size = (values.size ?? "small") as DataSize
  if (!sizes.includes(size)) throw new Error(`--size must be small, medium or large, got '${values.size}'`)
  const started = Date.now()
  const sim = await startSimulator({
    port: numberOption("port", values.port, 8787, 0, 65535),
    host: values.host ?? "127.0.0.1",
    seed: numberOption("seed", values.seed, 1, 0, 2 ** 32 - 1),
    size,
    instance: values.instance ?? "sim",
    faults: {
      latencyMs: numberOption("latency-ms", values["latency-ms"], 0, 0, 600_000),
      faultRate: numberOption("fault-rate", values["fault-rate"], 0, 0, 1),
      rateLimitPerSecond: numberOption("rate-limit", values["rate-limit"], 0, 0, 1_000_000)
    },
    ...(values["no-concurrency-limits"] && { concurrencyLimits: false })
  })
  const { clientId, clientSecret } = defaultApplication
  console.log(`OFS simulator listening on ${sim.url}`)
  console.log(
    `  data: ${size} (${sim.data.resources.length} resources, ${sim.data.activities.length} activities), ` +
      `ready in ${Date.now() - started} ms`
  )
  console.log(`  instance: ${sim.instance}`)
  console.log(`  OFS concurrency limits: ${sim.concurrencyLimits.enabled ? "on" : "off"}`)
  console.log(`  client id: ${clientId}   client secret: ${clientSecret}`)
  console.log(`  Basic user: ${clientId}@${sim.instance}   token service: ${sim.url}/rest/oauthTokenService/v2/token`)
  console.log(
    `  environment: OFSC_BASE_URL=${sim.url} OFSC_INSTANCE=${sim.instance} ` +
      `OFSC_CLIENT_ID=${clientId} OFSC_CLIENT_SECRET=${clientSecret}`
  )
  return sim
}

start(process.argv.slice(2)).then(
  (sim) => {
    if (sim === undefined) return
    const stop = () => {
      sim.stop().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    console.error(usage)
    process.exit(2)
  }
)
