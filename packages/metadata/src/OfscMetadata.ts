/**
 * The ofscMetadata API as an Effect service, grouped by resource as OFS users think of it:
 * `const metadata = yield* OfscMetadata` then `metadata.shifts.get("blue")`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names).
 */
import { OfscTransport } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscMetadataApi, type OfscMetadataApi } from "./generated/api.js"

export type { OfscMetadataApi } from "./generated/api.js"

/** The ofscMetadata API, calling OFS through the OfscTransport it is built on. */
export class OfscMetadata extends Context.Tag("@ofsc/metadata/OfscMetadata")<OfscMetadata, OfscMetadataApi>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscMetadata, never, OfscTransport> = Layer.effect(
    OfscMetadata,
    Effect.map(OfscTransport, makeOfscMetadataApi)
  )
}
