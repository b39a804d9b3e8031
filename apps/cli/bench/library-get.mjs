// The same one call as `ofsc metadata shifts get day`, written as a library script: the yardstick
// for the command's cold start (configuration from the OFSC_* environment, like the command).
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Layer } from "effect"

const program = Effect.flatMap(OfscMetadata, (metadata) => metadata.shifts.get("day"))
const layer = OfscMetadata.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
const shift = await Effect.runPromise(Effect.provide(program, layer))
process.stdout.write(`${JSON.stringify(shift)}\n`)
