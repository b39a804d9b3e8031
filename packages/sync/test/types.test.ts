// The blocking client's types come from the Effect services: right input compiles, wrong input does not.

import type { EventPoll } from "@ofsc/core"
import type { OfsEvent } from "@ofsc/models/core"
import { describe, expectTypeOf, it } from "vitest"
import type { OfscSync, SyncStream } from "../src/index.js"

declare const ofs: OfscSync

describe("OfscSync types", () => {
  it("maps Effect methods to plain values, streams to iterators and bytes to Buffer", () => {
    // only the types are checked: `ofs` exists for the compiler, not at run time
    const check = () => {
      expectTypeOf(ofs.metadata.shifts.get).parameters.toEqualTypeOf<[label: string]>()
      expectTypeOf(ofs.metadata.shifts.get).returns.toHaveProperty("label")
      expectTypeOf(ofs.core.activities.stream).returns.toMatchTypeOf<SyncStream<unknown>>()
      expectTypeOf(ofs.core.events.polls).returns.toEqualTypeOf<SyncStream<EventPoll<OfsEvent>>>()
      expectTypeOf(ofs.core.dailyExtract.download).returns.toEqualTypeOf<Buffer>()
      expectTypeOf(ofs.core.raw).returns.toBeUnknown()
    }
    expectTypeOf(check).toBeFunction()
  })

  it("refuses wrong input", () => {
    const check = () => {
      // @ts-expect-error the activity id is a number
      ofs.core.activities.get("4225")
      // @ts-expect-error a shift's type is one of the known literals
      ofs.metadata.shifts.put("blue", { name: "Blue", active: true, type: "weekly" })
      // @ts-expect-error no such group
      ofs.metadata.nothing.get("x")
    }
    expectTypeOf(check).toBeFunction()
  })
})
