/**
 * The ofscStatistics API as an Effect service, grouped by resource as OFS users think of it:
 * `const statistics = yield* OfscStatistics` then `statistics.activityDurationStats.stream()`. Every method is generated from the
 * operation table in `generated/` (see tooling/codegen/src/naming.ts for the names).
 */
import { OfscTransport } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeOfscStatisticsApi, type OfscStatisticsApi } from "./generated/api.js"

export type { OfscStatisticsApi } from "./generated/api.js"

/** The ofscStatistics API, calling OFS through the OfscTransport it is built on. */
export class OfscStatistics extends Context.Tag("@ofsc/statistics/OfscStatistics")<
  OfscStatistics,
  OfscStatisticsApi
>() {
  /** The service over the transport in the context (for example from `OfscClient.layer`). */
  static readonly layer: Layer.Layer<OfscStatistics, never, OfscTransport> = Layer.effect(
    OfscStatistics,
    Effect.map(OfscTransport, makeOfscStatisticsApi)
  )
}
