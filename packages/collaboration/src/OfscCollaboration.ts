/**
 * The ofscCollaboration API as an Effect service, grouped by resource as OFS users think of it:
 * `const collaboration = yield* OfscCollaboration` then `collaboration.chats.messages.list(42)`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names).
 */
import { OfscTransport } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscCollaborationApi, type OfscCollaborationApi } from "./generated/api.js"

export type { OfscCollaborationApi } from "./generated/api.js"

/** The ofscCollaboration API, calling OFS through the OfscTransport it is built on. */
export class OfscCollaboration extends Context.Tag("@ofsc/collaboration/OfscCollaboration")<
  OfscCollaboration,
  OfscCollaborationApi
>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscCollaboration, never, OfscTransport> = Layer.effect(
    OfscCollaboration,
    Effect.map(OfscTransport, makeOfscCollaborationApi)
  )
}
