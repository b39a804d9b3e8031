import type { OfscError } from "@ofsc/core"
import type { CapacityList } from "@ofsc/models/capacity"
import type { Effect } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscCapacityApi } from "../src/index.js"

/** Calls the compiler must refuse (checked by `tsc --noEmit` over test/); never run. */
export const refusedCalls = (capacity: OfscCapacityApi) => [
  // @ts-expect-error dates are required
  capacity.availableCapacity.get({ areas: ["NORTH"] }),
  // @ts-expect-error dates is a list of dates
  capacity.availableCapacity.get({ dates: "2025-06-02" }),
  // @ts-expect-error recordType is one of the activity record types
  capacity.activityBookingOptions.get({ dates: ["2025-06-02"], activityType: "LU", recordType: "other" })
]

describe("OfscCapacity types", () => {
  it("answers the decoded model", () => {
    expectTypeOf<OfscCapacityApi["availableCapacity"]["get"]>().returns.toEqualTypeOf<
      Effect.Effect<CapacityList, OfscError>
    >()
  })
})
