// Reads the "blue" shift, streams the on-call shifts and gets activity 4225.
// Connection from the environment: OFSC_INSTANCE (or OFSC_BASE_URL), OFSC_CLIENT_ID, OFSC_CLIENT_SECRET.
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Console, Effect, Layer, Stream } from "effect"

const program = Effect.gen(function* () {
  const metadata = yield* OfscMetadata
  const core = yield* OfscCore
  const blue = yield* metadata.shifts.get("blue")
  const onCall = yield* metadata.shifts.stream().pipe(
    Stream.filter((shift) => shift.type === "on-call"),
    Stream.runCollect
  )
  const activity = yield* core.activities.get(4225)
  yield* Console.log(`shift ${blue.label}, ${onCall.length} on-call shifts, activity ${activity.activityId}`)
}).pipe(
  // errors are tagged: catch the ones you expect
  Effect.catchTag("OfscNotFound", (e) => Effect.logWarning(`not there: ${e.path}`))
)

// the services need only the transport; OfscClient.layer({ instance, credentials }) takes explicit values
const client = OfscClient.layerFromEnv.pipe(Layer.provide(OfscHttpClient.layer))
const services = Layer.mergeAll(OfscMetadata.layer, OfscCore.layer).pipe(Layer.provide(client))

Effect.runPromise(program.pipe(Effect.provide(services)))
