// Reads the first activity duration statistics, page by page.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscStatistics } from "@ofsc/statistics"
import { Chunk, Console, Effect, Layer, Stream } from "effect"

const program = Effect.gen(function* () {
  const statistics = yield* OfscStatistics
  const first = yield* statistics.activityDurationStats.stream().pipe(Stream.take(10), Stream.runCollect)
  yield* Console.log(`${Chunk.size(first)} activity duration statistics`)
})

const services = OfscStatistics.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
