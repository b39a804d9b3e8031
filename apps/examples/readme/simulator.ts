// Starts a simulator for the scope of the program, on 127.0.0.1 and a free port, and talks to it.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Simulator, simulatorClientOptions } from "@ofsc/simulator"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const sim = yield* Simulator.scoped({ size: "small", seed: 1 })
  sim.faults.latencyMs = 5 // switches change while it runs
  const metadata = OfscMetadata.layer.pipe(
    Layer.provide(OfscClient.layer(simulatorClientOptions(sim))),
    Layer.provide(OfscHttpClient.layer)
  )
  const shifts = yield* Effect.flatMap(OfscMetadata, (m) => m.shifts.list()).pipe(Effect.provide(metadata))
  yield* Console.log(`${shifts.items?.length ?? 0} shifts at ${sim.url}`)
})

Effect.runPromise(Effect.scoped(program))
