// Lists the API modules without loading any, then loads ofscMetadata and reads a shift through it.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { apiModules } from "@ofsc/modules"
import { Effect, Layer } from "effect"

for (const module of apiModules) console.log(`${module.command}: ${module.description}`)

// imports @ofsc/metadata now, not before
const metadata = await apiModules[1].load()
console.log(`${metadata.name}: ${metadata.operations.length} operations`)

const program = Effect.flatMap(metadata.tag, (service) => service.shifts.get("day"))
const client = OfscClient.layerFromEnv.pipe(Layer.provide(OfscHttpClient.layer))
const shift = await Effect.runPromise(Effect.provide(program, metadata.layer.pipe(Layer.provide(client))))
console.log(`shift ${shift.label}: ${shift.workTimeStart}-${shift.workTimeEnd}`)
