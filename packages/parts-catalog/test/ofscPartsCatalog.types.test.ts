import type { OfscError } from "@ofsc/core"
import type { Effect } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscPartsCatalogApi } from "../src/index.js"

/** Calls the compiler must refuse (checked by `tsc --noEmit` over test/); never run. */
export const refusedCalls = (partsCatalog: OfscPartsCatalogApi) => [
  // @ts-expect-error an item needs its type and fields
  partsCatalog.catalogs.items.put("tools", "en-US", "drill", { tags: ["power"] }),
  // @ts-expect-error the item label comes third
  partsCatalog.catalogs.items.delete("tools", "en-US")
]

describe("OfscPartsCatalog types", () => {
  it("a 204 answers void", () => {
    expectTypeOf<OfscPartsCatalogApi["catalogs"]["items"]["delete"]>().returns.toEqualTypeOf<
      Effect.Effect<void, OfscError>
    >()
  })
})
