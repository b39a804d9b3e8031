// Reads resource FLUSA and streams its descendants, with the connection from the OFSC_* environment.
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { Console, Effect, Layer, Stream } from "effect"

const program = Effect.gen(function* () {
  const core = yield* OfscCore
  const resource = yield* core.resources.get("FLUSA")
  const descendants = yield* Stream.runCount(core.resources.descendants.stream("FLUSA"))
  yield* Console.log(`${resource.resourceId} (${resource.name}): ${descendants} descendants`)
}).pipe(Effect.catchTag("OfscNotFound", (e) => Console.log(`not there: ${e.path}`)))

const services = OfscCore.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
