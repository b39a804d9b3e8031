/**
 * What does a blocking call through @ofsc/sync add to the same call through the Effect client?
 *
 * Both fetch a shift (metadata.shifts.get, generated service, schema decode) from a server in a
 * child process, in alternating rounds; a third variant is a no-op round trip to the sync worker,
 * the floor of any blocking call. Run with `pnpm bench:sync` from the repo root.
 */
import { OfscMetadata } from "@ofsc/metadata"
import { createOfscSync } from "@ofsc/sync"
import { Layer, ManagedRuntime } from "effect"
import {
  clientLayer,
  credentials,
  medianOf,
  micros,
  printTable,
  quantile,
  roundMedian,
  runRounds,
  type Samples,
  settingsFromEnv,
  startServer,
  type Variant
} from "./harness.js"

/** The added cost per call we aim to stay under, in ms (issue 10: 100 µs). */
const targetAddedMs = 0.1

const main = async () => {
  const settings = settingsFromEnv({ rounds: 10, callsPerRound: 500, warmupCalls: 3000 })
  const server = await startServer()
  const options = {
    baseUrl: server.origin,
    instance: credentials.instance,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret
  }
  const runtime = ManagedRuntime.make(OfscMetadata.layer.pipe(Layer.provide(clientLayer(server.origin))))
  const ofs = createOfscSync(options)
  try {
    const metadata = await runtime.runPromise(OfscMetadata)
    const variants: Array<Variant> = [
      {
        key: "a",
        name: "Effect client: metadata.shifts.get",
        call: (label) => runtime.runPromise(metadata.shifts.get(label))
      },
      {
        key: "b",
        name: "@ofsc/sync: ofs.metadata.shifts.get",
        call: async (label) => ofs.metadata.shifts.get(label)
      },
      {
        key: "p",
        name: "@ofsc/sync: ofs.ping() (no-op round trip)",
        call: async () => ofs.ping(),
        timeLoop: async (_, count) => {
          const times = new Float64Array(count)
          for (let i = 0; i < count; i++) {
            const started = performance.now()
            ofs.ping()
            times[i] = performance.now() - started
          }
          return times
        }
      }
    ]
    console.log(
      `node ${process.version}, ${settings.rounds} rounds × ${settings.callsPerRound} sequential calls per variant, ` +
        `server in a child process at ${server.origin}`
    )
    const samples = await runRounds(variants, settings)
    printTable(samples)
    const [a, b, p] = samples as [Samples, Samples, Samples]
    const addedMs = medianOf(b) - medianOf(a)
    // each round runs both clients back to back, so a round's difference is less exposed to the
    // machine's drift than the difference of the overall medians
    const perRound = b.rounds.map((round, i) => roundMedian(round) - roundMedian(a.rounds[i] as Float64Array))
    const perRoundMs = quantile(Float64Array.from(perRound).sort(), 0.5)
    console.log(
      `sync adds ${micros(addedMs)} µs per call over the Effect client (target ≤ ${targetAddedMs * 1000} µs: ` +
        `${addedMs <= targetAddedMs ? "PASS" : "MISS"}; median of the per-round differences ${micros(perRoundMs)} µs: ` +
        `${perRoundMs <= targetAddedMs ? "PASS" : "MISS"}); a no-op round trip to the worker takes ${micros(medianOf(p))} µs.`
    )
    console.log(`per-round differences (µs): ${perRound.map((ms) => micros(ms)).join(" ")}`)
  } finally {
    ofs.close()
    await runtime.dispose()
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
