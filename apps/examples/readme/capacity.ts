// Reads today's available capacity per capacity area.

import { OfscCapacity } from "@ofsc/capacity"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Console, Effect, Layer } from "effect"

const today = new Date().toISOString().slice(0, 10)

const program = Effect.gen(function* () {
  const capacity = yield* OfscCapacity
  const result = yield* capacity.availableCapacity.get({ dates: [today] })
  yield* Console.log(`capacity on ${today}: ${result.items?.length ?? 0} areas`)
})

const services = OfscCapacity.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
