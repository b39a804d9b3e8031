/**
 * The ofscCapacity API as an Effect service, grouped by resource as OFS users think of it:
 * `const capacity = yield* OfscCapacity` then `capacity.availableCapacity.get({ dates: ["2025-06-02"] })`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names).
 */
import { OfscTransport } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscCapacityApi, type OfscCapacityApi } from "./generated/api.js"

export type { OfscCapacityApi } from "./generated/api.js"

/** The ofscCapacity API, calling OFS through the OfscTransport it is built on. */
export class OfscCapacity extends Context.Tag("@ofsc/capacity/OfscCapacity")<OfscCapacity, OfscCapacityApi>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscCapacity, never, OfscTransport> = Layer.effect(
    OfscCapacity,
    Effect.map(OfscTransport, makeOfscCapacityApi)
  )
}
