/**
 * What does @ofsc/core's transport cost per call, next to a hand-written undici request?
 *
 * A child process serves an OFS shift; this process fetches it again and again, one call at a time,
 * through each variant in alternating rounds, and prints the median and p90 per call and how much
 * the transport adds over the raw request. Run with `pnpm bench` from the repo root.
 */
import { FetchHttpClient, HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { OfscClient, OfscHttpClient, OfscTransport } from "@ofsc/core"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { request } from "undici"
import {
  basicAuthorization,
  credentials,
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

/** `OfscTransport.call` over the given HttpClient; the layers are built before any timing starts. */
const viaTransport = async (
  key: string,
  name: string,
  origin: string,
  httpClient: Layer.Layer<HttpClient.HttpClient>,
  inOneProgram = false
): Promise<Variant> => {
  const layer = OfscClient.layer({
    baseUrl: origin,
    instance: credentials.instance,
    credentials: {
      _tag: "Basic",
      clientId: credentials.clientId,
      clientSecret: Redacted.make(credentials.clientSecret)
    }
  }).pipe(Layer.provide(httpClient))
  const runtime = ManagedRuntime.make(layer)
  const transport = await runtime.runPromise(OfscTransport)
  return {
    key,
    name,
    call: (label) => runtime.runPromise(transport.call(getShift, { path: { label } })),
    // as an Effect program makes its calls: one after another inside one fiber
    ...(inOneProgram && {
      timeLoop: (labels, count) =>
        runtime.runPromise(
          Effect.gen(function* () {
            const times = new Float64Array(count)
            for (let i = 0; i < count; i++) {
              const label = labels[i & 3] as string
              const started = performance.now()
              const shift = yield* transport.call(getShift, { path: { label } })
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
  const settings = settingsFromEnv({ rounds: 5, callsPerRound: 1000, warmupCalls: 1000 })
  const server = await startServer()
  const variants: Array<Variant> = []
  try {
    const { origin } = server
    variants.push(rawUndici(origin))
    variants.push(
      await viaTransport("b", "OfscTransport.call over OfscHttpClient.layerUndici", origin, OfscHttpClient.layerUndici)
    )
    variants.push(
      await viaTransport(
        "b1",
        "the same, calls made inside one Effect program",
        origin,
        OfscHttpClient.layerUndici,
        true
      )
    )
    variants.push(
      await viaTransport("b2", "OfscTransport.call over NodeHttpClient.layerUndici", origin, NodeHttpClient.layerUndici)
    )
    variants.push(
      await viaTransport("c", "OfscTransport.call over FetchHttpClient.layer", origin, FetchHttpClient.layer)
    )
    variants.push(
      await viaTransport("d", "OfscTransport.call over NodeHttpClient.layer (node:http)", origin, NodeHttpClient.layer)
    )
    variants.push(...(await floors(origin)))
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
    console.log(
      `(b)/(a) median ratio ${ratio.toFixed(2)}, target ≤ ${targetRatio}: ${ratio <= targetRatio ? "PASS" : "MISS"}. ` +
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
