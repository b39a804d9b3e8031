/**
 * The ofscCore API as an Effect service, grouped by resource as OFS users think of it:
 * `const core = yield* OfscCore` then `core.activities.get(4225274)`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names), except
 * `events.stream` (EventStream.ts), which follows the events cursor, and `raw`, the transport's
 * escape hatch for paths newer than the table.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscCoreApi, type OfscCoreApi } from "./generated/api.js"
import { OfscTransport } from "./OfscTransport.js"

export type { OfscCoreApi } from "./generated/api.js"

/** The ofscCore API, calling OFS through the OfscTransport it is built on. */
export class OfscCore extends Context.Tag("@ofsc/core/OfscCore")<OfscCore, OfscCoreApi>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscCore, never, OfscTransport> = Layer.effect(
    OfscCore,
    Effect.map(OfscTransport, makeOfscCoreApi)
  )
}
