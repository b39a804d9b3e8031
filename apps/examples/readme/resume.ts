// Exports a day of activities for the FLUSA resource tree; when a page still fails after the
// transport's retries, Paging.resumable continues from the first activity not yet emitted.
import { OfscClient, OfscCore, OfscHttpClient, Paging } from "@ofsc/core"
import { Console, Effect, Layer, Schedule, Stream } from "effect"

const today = new Date().toISOString().slice(0, 10)
const query = { resources: ["FLUSA"], dateFrom: today, dateTo: today }

const program = Effect.gen(function* () {
  const core = yield* OfscCore
  const everything = Paging.resumable(
    (from) => core.activities.stream(query, { concurrency: 3, from }),
    Schedule.spaced("5 seconds").pipe(Schedule.intersect(Schedule.recurs(10)))
  )
  const count = yield* Stream.runCount(everything)
  yield* Console.log(`${count} activities on ${today}`)
}).pipe(Effect.catchTag("OfscNotFound", (e) => Effect.logWarning(`not there: ${e.path}`)))

const services = OfscCore.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
