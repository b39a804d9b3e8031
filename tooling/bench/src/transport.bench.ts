/**
 * What does @ofsc/core's transport cost per call, next to a hand-written undici request?
 *
 * A child process serves an OFS shift; this process fetches it again and again, one call at a time,
 * through each variant in alternating rounds (the headline, (b), is the generated
 * `metadata.shifts.get` a user calls), and prints the median and p90 per call and how much
 * the transport adds over the raw request. Run with `pnpm bench` from the repo root.
 */
import { FetchHttpClient, HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { type OfscError, OfscHttpClient, OfscTransport } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Layer, ManagedRuntime } from "effect"
import { request } from "undici"
import {
  basicAuthorization,
  clientLayerWithout,
  getShift,
  medianOf,
  micros,
  printTable,
  roundMedian,
  runRounds,
  type Samples,
  settingsFromEnv,
  shiftPath,
  startServer,
  type Variant
} from "./harness.js"

/** The ratio of the transport's median to the raw request's that we aim to stay under (issue 10). */
const targetRatio = 1.5

/** The naive baseline: undici's request, a status check and JSON parsing, nothing else. */
const rawUndici = (origin: string): Variant => {
  const headers = { authorization: basicAuthorization, accept: "application/json" }
  return {
    key: "a",
    name: "undici.request + JSON parse",
    call: async (label) => {
      const response = await request(origin + shiftPath(label), { headers })
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
      return response.body.json()
    }
  }
}

/**
 * The floors under the transport: the same raw request run as an Effect program of its own
 * (`runPromise` of one `Effect.promise`), and a bare `HttpClient.get` over OfscHttpClient.layerUndici
 * with JSON parsing (no credentials, retries, limits, timeout or decoding). What (b) costs above them
 * is the transport's own.
 */
const floors = async (origin: string): Promise<ReadonlyArray<Variant>> => {
  const headers = { authorization: basicAuthorization, accept: "application/json" }
  const runtime = ManagedRuntime.make(OfscHttpClient.layerUndici)
  const client = await runtime.runPromise(HttpClient.HttpClient)
  return [
    {
      key: "e",
      name: "floor: undici.request as one Effect.runPromise",
      call: (label) =>
        Effect.runPromise(
          Effect.promise(async () => {
            const response = await request(origin + shiftPath(label), { headers })
            if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
            return response.body.json()
          })
        )
    },
    {
      key: "f",
      name: "floor: HttpClient.get over OfscHttpClient.layerUndici",
      call: (label) =>
        runtime.runPromise(
          client
            .get(origin + shiftPath(label), { headers })
            .pipe(Effect.flatMap((response) => Effect.map(response.text, (text) => JSON.parse(text) as unknown)))
        ),
      dispose: () => runtime.dispose()
    }
  ]
}

/** How a variant fetches one shift: the generated service users call, or a hand-written Operation. */
type ShiftCall = "generated" | "handWritten"

/**
 * A shift fetched through the Effect client over the given HttpClient: `metadata.shifts.get` (the
 * generated operation, answer checked by its compiled decoder) or `OfscTransport.call` of the
 * hand-written Operation in harness.ts (answer decoded by its Schema). Layers are built before any
 * timing starts.
 */
const viaClient = async (
  key: string,
  name: string,
  origin: string,
  httpClient: Layer.Layer<HttpClient.HttpClient>,
  how: ShiftCall,
  inOneProgram = false
): Promise<Variant> => {
  const layer = OfscMetadata.layer.pipe(Layer.provideMerge(clientLayerWithout(origin)), Layer.provide(httpClient))
  const runtime = ManagedRuntime.make(layer)
  const transport = await runtime.runPromise(OfscTransport)
  const metadata = await runtime.runPromise(OfscMetadata)
  const fetchShift = (label: string): Effect.Effect<{ readonly label?: string | undefined }, OfscError> =>
    how === "generated" ? metadata.shifts.get(label) : transport.call(getShift, { path: { label } })
  return {
    key,
    name,
    call: (label) => runtime.runPromise(fetchShift(label)),
    // as an Effect program makes its calls: one after another inside one fiber
    ...(inOneProgram && {
      timeLoop: (labels, count) =>
        runtime.runPromise(
          Effect.gen(function* () {
            const times = new Float64Array(count)
            for (let i = 0; i < count; i++) {
              const label = labels[i & 3] as string
              const started = performance.now()
              const shift = yield* fetchShift(label)
              times[i] = performance.now() - started
              if (shift.label !== label) throw new Error(`answered ${JSON.stringify(shift)}`)
            }
            return times
          })
        )
    }),
    dispose: () => runtime.dispose()
  }
}

const main = async () => {
  const started = performance.now()
  const settings = settingsFromEnv({ rounds: 15, callsPerRound: 400, warmupCalls: 2000 })
  const server = await startServer()
  const variants: Array<Variant> = []
  try {
    const { origin } = server
    variants.push(rawUndici(origin))
    const undiciLayer = OfscHttpClient.layerUndici
    variants.push(
      await viaClient("b", "metadata.shifts.get over OfscHttpClient.layerUndici", origin, undiciLayer, "generated")
    )
    variants.push(
      await viaClient("b1", "the same, calls made inside one Effect program", origin, undiciLayer, "generated", true)
    )
    variants.push(
      await viaClient(
        "b2",
        "metadata.shifts.get over NodeHttpClient.layerUndici",
        origin,
        NodeHttpClient.layerUndici,
        "generated"
      )
    )
    variants.push(
      await viaClient("c", "metadata.shifts.get over FetchHttpClient.layer", origin, FetchHttpClient.layer, "generated")
    )
    variants.push(
      await viaClient(
        "d",
        "metadata.shifts.get over NodeHttpClient.layer (node:http)",
        origin,
        NodeHttpClient.layer,
        "generated"
      )
    )
    variants.push(
      await viaClient(
        "g",
        "OfscTransport.call of a hand-written Operation (Schema decode)",
        origin,
        undiciLayer,
        "handWritten"
      )
    )
    variants.push(...(await floors(origin)))
    // BENCH_VARIANTS=a,b,f runs only those (a and b are always kept: the ratio is theirs)
    const only = process.env.BENCH_VARIANTS?.split(",").map((key) => key.trim())
    if (only !== undefined) {
      const dropped = variants.filter((v) => !["a", "b", ...only].includes(v.key))
      for (const variant of dropped) await variant.dispose?.()
      variants.splice(0, variants.length, ...variants.filter((v) => !dropped.includes(v)))
    }
    console.log(
      `node ${process.version}, ${settings.rounds} rounds × ${settings.callsPerRound} sequential GETs per variant ` +
        `(${settings.warmupCalls} warm-up calls each), shift server in a child process at ${origin}`
    )
    const samples = await runRounds(variants, settings)
    printTable(samples)
    const [a, b] = samples as [Samples, Samples]
    const ratio = medianOf(b) / medianOf(a)
    // rounds of (a) and (b) run next to each other, so their ratios show how much of the spread is drift
    const roundRatios = b.rounds.map((round, i) => roundMedian(round) / roundMedian(a.rounds[i] as Float64Array))
    const perRound = Float64Array.from(roundRatios).sort()[roundRatios.length >> 1] as number
    const verdict = (r: number) => (r <= targetRatio ? "PASS" : "MISS")
    console.log(
      `(b)/(a) median ratio ${ratio.toFixed(2)}, target ≤ ${targetRatio}: ${verdict(ratio)}; ` +
        `median of the per-round ratios ${perRound.toFixed(2)}: ${verdict(perRound)}. ` +
        `The transport adds ${micros(medianOf(b) - medianOf(a))} µs per call ` +
        `(${((b.cpuMicros - a.cpuMicros) / (b.rounds.length * settings.callsPerRound)).toFixed(1)} µs of CPU). ` +
        `Per-round ratios: ${roundRatios.map((r) => r.toFixed(2)).join(" ")}. ` +
        `Total ${((performance.now() - started) / 1000).toFixed(1)} s.`
    )
  } finally {
    for (const variant of variants) await variant.dispose?.()
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
