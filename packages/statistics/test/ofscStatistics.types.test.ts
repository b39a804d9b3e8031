import type { OfscError } from "@ofsc/core"
import type { ActivityDuration } from "@ofsc/models/statistics"
import type { Stream } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscStatisticsApi } from "../src/index.js"

/** Calls the compiler must refuse (checked by `tsc --noEmit` over test/); never run. */
export const refusedCalls = (statistics: OfscStatisticsApi) => [
  // @ts-expect-error each override needs resourceId, akey and override
  statistics.activityDurationStats.update({ items: [{ akey: "INSTALL" }] }),
  // @ts-expect-error level is company or travelkey
  statistics.airlineDistanceBasedTravel.list({ level: "region" })
]

describe("OfscStatistics types", () => {
  it("streams the decoded rows", () => {
    expectTypeOf<OfscStatisticsApi["activityDurationStats"]["stream"]>().returns.toEqualTypeOf<
      Stream.Stream<ActivityDuration, OfscError>
    >()
  })
})
