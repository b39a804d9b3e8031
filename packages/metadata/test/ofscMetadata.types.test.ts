import type { OfscError } from "@ofsc/core"
import type { ApiConfiguration, Shift } from "@ofsc/models/metadata"
import type { Effect, Stream } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscMetadataApi } from "../src/index.js"

/**
 * Calls the compiler must refuse (checked by `tsc --noEmit` over test/). Never run: each
 * `@ts-expect-error` fails the typecheck if its line compiles after all.
 */
export const refusedCalls = (metadata: OfscMetadataApi) => [
  // @ts-expect-error a label is a string
  metadata.shifts.get(42),
  // @ts-expect-error a shift needs name, active, type and its work times
  metadata.shifts.put("blue", { name: "Blue" }),
  // @ts-expect-error apiLabel is one of the OFS API names
  metadata.applications.apiAccess.get("app", "nosuchAPI"),
  // @ts-expect-error limit is a number
  metadata.shifts.list({ limit: "10" }),
  // @ts-expect-error a routing plan import takes bytes
  metadata.routingProfiles.plans.import("MAIN", "<plan/>")
]

describe("OfscMetadata types", () => {
  it("methods take typed input and answer the decoded models", () => {
    expectTypeOf<OfscMetadataApi["shifts"]["get"]>().returns.toEqualTypeOf<Effect.Effect<Shift, OfscError>>()
    expectTypeOf<OfscMetadataApi["shifts"]["stream"]>().returns.toEqualTypeOf<Stream.Stream<Shift, OfscError>>()
    expectTypeOf<OfscMetadataApi["applications"]["apiAccess"]["get"]>().returns.toEqualTypeOf<
      Effect.Effect<ApiConfiguration, OfscError>
    >()
    expectTypeOf<OfscMetadataApi["routingProfiles"]["plans"]["export"]>().returns.toEqualTypeOf<
      Effect.Effect<Uint8Array, OfscError>
    >()
  })
})
