import type { GetActivitySchema, OfsEvent } from "@ofsc/models/core"
import type { Effect, Stream } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { EventPoll, OfscCoreApi, OfscError, OfscSubscriptionExpired } from "../src/index.js"

/**
 * Calls the compiler must refuse (checked by `tsc --noEmit` over test/). The function is never
 * run: each `@ts-expect-error` fails the typecheck if its line compiles after all.
 */
export const refusedCalls = (core: OfscCoreApi) => [
  // @ts-expect-error activityId is an integer, not a string
  core.activities.get("4225274"),
  // @ts-expect-error the token service needs grant_type
  core.tokenService.requestToken({}),
  // @ts-expect-error grant_type takes only the two OAuth2 grants
  core.tokenService.requestToken({ grant_type: "password" }),
  // @ts-expect-error measure is one of man_hours, points, scheduled, FTE
  core.resources.plans.delete("33001", { measure: "hours", date: "2025-06-02" }),
  // @ts-expect-error calendarView needs its query (dateFrom and dateTo)
  core.resources.workSchedules.calendarView("33001"),
  // @ts-expect-error a file upload takes bytes, not a string
  core.activities.files.put(1, "XA_PHOTO", { data: "not bytes" }),
  // @ts-expect-error polls take the subscription id, not a query
  core.events.polls({ subscriptionId: "sub-1" })
]

describe("OfscCore types", () => {
  it("methods take typed input and answer the decoded models", () => {
    expectTypeOf<OfscCoreApi["activities"]["get"]>().parameters.toEqualTypeOf<[activityId: number]>()
    expectTypeOf<OfscCoreApi["activities"]["get"]>().returns.toEqualTypeOf<
      Effect.Effect<GetActivitySchema, OfscError>
    >()
    expectTypeOf<OfscCoreApi["activities"]["files"]["get"]>().returns.toEqualTypeOf<
      Effect.Effect<Uint8Array, OfscError>
    >()
    expectTypeOf<OfscCoreApi["events"]["stream"]>().returns.toEqualTypeOf<
      Stream.Stream<OfsEvent, OfscError | OfscSubscriptionExpired>
    >()
    expectTypeOf<OfscCoreApi["events"]["polls"]>().returns.toEqualTypeOf<
      Stream.Stream<EventPoll<OfsEvent>, OfscError | OfscSubscriptionExpired>
    >()
    expectTypeOf<OfscCoreApi["activities"]["move"]>().returns.toEqualTypeOf<Effect.Effect<void, OfscError>>()
  })
})
