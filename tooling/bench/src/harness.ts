/**
 * What the benchmarks share: the shift operation, the child-process server, timing of sequential
 * calls in alternating rounds, and the table of medians.
 */
import { type ChildProcess, fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import { OfscClient, OfscHttpClient, Operation } from "@ofsc/core"
import { Layer, Redacted, Schema } from "effect"

/** A shift as the metadata API answers it; links and optional fields as OFS sends them. */
export const Shift = Schema.Struct({
  label: Schema.String,
  name: Schema.String,
  active: Schema.Boolean,
  type: Schema.Literal("regular", "on-call"),
  workTimeStart: Schema.optional(Schema.String),
  workTimeEnd: Schema.optional(Schema.String),
  points: Schema.optional(Schema.Number),
  links: Schema.optional(Schema.Array(Schema.Struct({ rel: Schema.String, href: Schema.String })))
})

/** The operation under test, described the way the API packages describe theirs. */
export const getShift = Operation.make({
  id: "metadata.shifts.get",
  method: "GET",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.String }),
  success: { kind: "json", schema: Shift }
})

/** The Basic credentials every variant sends. */
export const credentials = { clientId: "bench", instance: "bench", clientSecret: "bench-secret" } as const

/** The Authorization header value for `credentials`. */
export const basicAuthorization = `Basic ${Buffer.from(
  `${credentials.clientId}@${credentials.instance}:${credentials.clientSecret}`
).toString("base64")}`

/** The Effect client over `origin` with `credentials`, needing an HttpClient. */
export const clientLayerWithout = (origin: string) =>
  OfscClient.layer({
    baseUrl: origin,
    instance: credentials.instance,
    credentials: {
      _tag: "Basic",
      clientId: credentials.clientId,
      clientSecret: Redacted.make(credentials.clientSecret)
    }
  })

/** The Effect client over `origin` with `credentials`, on OfscHttpClient.layerUndici. */
export const clientLayer = (origin: string) =>
  clientLayerWithout(origin).pipe(Layer.provide(OfscHttpClient.layerUndici))

/** The path of one shift. */
export const shiftPath = (label: string) => `/rest/ofscMetadata/v1/shifts/${encodeURIComponent(label)}`

/** A running shift server: its origin, and how to stop it. */
export interface ShiftServer {
  readonly origin: string
  readonly stop: () => void
}

/**
 * Starts the shift server (or another server script of this folder) in a child process, so its
 * work is not timed with the client's.
 */
export const startServer = async (script = "./shiftServer.ts"): Promise<ShiftServer> => {
  // the child inherits this process's execArgv, so under tsx it runs TypeScript too
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill()
  }
  // also when this process ends through an uncaught error
  process.once("exit", stop)
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the shift server did not start within 10 s")), 10_000)
      child.once("message", (message) => {
        clearTimeout(timer)
        resolve((message as { readonly port: number }).port)
      })
      child.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`the shift server exited early (code ${code})`))
      })
    })
    return { origin: `http://127.0.0.1:${port}`, stop }
  } catch (error) {
    stop()
    throw error
  }
}

/** One way of fetching a shift: a promise per call, and a clean-up. */
export interface Variant {
  readonly key: string
  readonly name: string
  readonly call: (label: string) => Promise<unknown>
  /** Times `count` calls itself, for variants whose calls run inside one program (an Effect loop). */
  readonly timeLoop?: (labels: ReadonlyArray<string>, count: number) => Promise<Float64Array>
  readonly dispose?: () => Promise<void>
}

/** Per-call times of one variant in milliseconds, one array per round, and the CPU this process spent. */
export interface Samples {
  readonly variant: Variant
  readonly rounds: Array<Float64Array>
  /** user + system CPU time of this (client) process over all rounds, in microseconds; includes GC */
  cpuMicros: number
}

const labels = ["blue", "green", "night", "weekend"]

/** Calls a variant `count` times in a row and answers each call's time. */
export const timeCalls = async (variant: Variant, count: number): Promise<Float64Array> => {
  if (variant.timeLoop) return variant.timeLoop(labels, count)
  const times = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const label = labels[i & 3] as string
    const started = performance.now()
    const shift = await variant.call(label)
    times[i] = performance.now() - started
    // a variant that answered the wrong thing would be timed doing the wrong thing
    if ((shift as { readonly label?: unknown }).label !== label) {
      throw new Error(`${variant.name} answered ${JSON.stringify(shift)}`)
    }
  }
  return times
}

/** How many rounds, calls per round and warm-up calls per variant. */
export interface RoundSettings {
  readonly rounds: number
  readonly callsPerRound: number
  readonly warmupCalls: number
}

/** Reads the round settings from BENCH_ROUNDS, BENCH_CALLS and BENCH_WARMUP, with defaults. */
export const settingsFromEnv = (defaults: RoundSettings): RoundSettings => {
  const read = (name: string, fallback: number, least: number) => {
    const value = Number(process.env[name] ?? fallback)
    if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number, at least ${least}`)
    return value
  }
  return {
    rounds: read("BENCH_ROUNDS", defaults.rounds, 1),
    callsPerRound: read("BENCH_CALLS", defaults.callsPerRound, 1),
    warmupCalls: read("BENCH_WARMUP", defaults.warmupCalls, 0)
  }
}

/** Warms every variant up, then runs the rounds, rotating the order so none always goes first. */
export const runRounds = async (variants: ReadonlyArray<Variant>, settings: RoundSettings): Promise<Array<Samples>> => {
  for (const variant of variants) await timeCalls(variant, settings.warmupCalls)
  const samples: Array<Samples> = variants.map((variant) => ({ variant, rounds: [], cpuMicros: 0 }))
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < samples.length; i++) {
      const sample = samples[(i + round) % samples.length] as Samples
      const cpu = process.cpuUsage()
      sample.rounds.push(await timeCalls(sample.variant, settings.callsPerRound))
      const used = process.cpuUsage(cpu)
      sample.cpuMicros += used.user + used.system
    }
  }
  return samples
}

/** The value below which a share `q` of the sorted times lie. */
export const quantile = (sorted: Float64Array, q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number

/** All rounds' times together, sorted. */
export const allSorted = (samples: Samples): Float64Array => {
  const all = new Float64Array(samples.rounds.reduce((n, r) => n + r.length, 0))
  let at = 0
  for (const round of samples.rounds) {
    all.set(round, at)
    at += round.length
  }
  return all.sort()
}

/** The median per-call time of a variant over all its rounds, in milliseconds. */
export const medianOf = (samples: Samples): number => quantile(allSorted(samples), 0.5)

/** The median of one round's times. */
export const roundMedian = (round: Float64Array): number => quantile(Float64Array.from(round).sort(), 0.5)

/** Milliseconds as microseconds with one decimal. */
export const micros = (ms: number): string => (ms * 1000).toFixed(1)

/** Prints one row per variant, compared with `baseline` (the first variant unless given). */
export const printTable = (samples: ReadonlyArray<Samples>, baseline: Samples = samples[0] as Samples) => {
  const baseMedian = medianOf(baseline)
  console.table(
    samples.map((s) => {
      const sorted = allSorted(s)
      const median = quantile(sorted, 0.5)
      return {
        variant: `(${s.variant.key}) ${s.variant.name}`,
        calls: sorted.length,
        "median µs": micros(median),
        "p90 µs": micros(quantile(sorted, 0.9)),
        "p99 µs": micros(quantile(sorted, 0.99)),
        [`× (${baseline.variant.key})`]: (median / baseMedian).toFixed(2),
        "added µs": micros(median - baseMedian),
        "CPU µs/call": (s.cpuMicros / sorted.length).toFixed(1),
        "round medians µs": s.rounds.map((r) => micros(roundMedian(r))).join(" ")
      }
    })
  )
}
