/**
 * The ofscPartsCatalog API as an Effect service, grouped by resource as OFS users think of it:
 * `const partsCatalog = yield* OfscPartsCatalog` then `partsCatalog.catalogs.items.delete("tools", "en-US", "drill")`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names).
 */
import { OfscTransport } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscPartsCatalogApi, type OfscPartsCatalogApi } from "./generated/api.js"

export type { OfscPartsCatalogApi } from "./generated/api.js"

/** The ofscPartsCatalog API, calling OFS through the OfscTransport it is built on. */
export class OfscPartsCatalog extends Context.Tag("@ofsc/parts-catalog/OfscPartsCatalog")<
  OfscPartsCatalog,
  OfscPartsCatalogApi
>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscPartsCatalog, never, OfscTransport> = Layer.effect(
    OfscPartsCatalog,
    Effect.map(OfscTransport, makeOfscPartsCatalogApi)
  )
}
