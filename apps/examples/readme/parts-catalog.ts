// Uploads a small parts catalog, adds one item to it and removes the item again.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscPartsCatalog } from "@ofsc/parts-catalog"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const parts = yield* OfscPartsCatalog
  yield* parts.catalogs.put("tools", "en", {
    name: "Tools",
    fieldSchemas: [{ label: "part_number", name: "Part number", searchable: true, preview: true }]
  })
  yield* parts.catalogs.items.put("tools", "en", "drill-18v", {
    type: "part",
    fields: [{ label: "part_number", value: "D-18V" }]
  })
  yield* parts.catalogs.items.delete("tools", "en", "drill-18v")
  yield* Console.log("catalog tools uploaded, item drill-18v added and removed")
})

const services = OfscPartsCatalog.layer.pipe(
  Layer.provide(OfscClient.layerFromEnv),
  Layer.provide(OfscHttpClient.layer)
)
Effect.runPromise(program.pipe(Effect.provide(services)))
