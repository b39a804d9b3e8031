import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { described, failure, http, transport, withRules } from "./support.js"

const path = (label: string) => `/rest/ofscMetadata/v1/shifts/${label}`

describe("shifts", () => {
  it.scopedLive("PUT creates (201) then replaces (200) a shift; GET answers it with label and links", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const metadata = yield* OfscMetadata
        const body = {
          name: "Night on call",
          active: true,
          type: "on-call" as const,
          decoration: "purple" as const,
          workTimeStart: "20:00",
          workTimeEnd: "23:30"
        }
        const created = yield* http(sim, "PUT", path("night"), { json: body })
        expect(created.status).toBe(201)
        const replaced = yield* http(sim, "PUT", path("night"), { json: { ...body, decoration: "red", points: 4 } })
        expect(replaced.status).toBe(200)

        const shift = yield* metadata.shifts.get("night")
        expect(shift).toMatchObject({
          label: "night",
          name: "Night on call",
          type: "on-call",
          decoration: "red",
          points: 4,
          workTimeStart: "20:00:00",
          workTimeEnd: "23:30:00"
        })
        expect((shift as { links?: unknown }).links).toEqual([
          { rel: "canonical", href: `${sim.url}${path("night")}` },
          { rel: "describedby", href: `${sim.url}/rest/ofscMetadata/v1/metadata-catalog/shifts` }
        ])

        const put = yield* metadata.shifts.put("early_bird", {
          name: "Early bird",
          active: false,
          type: "regular",
          points: 13,
          workTimeStart: "05:00",
          workTimeEnd: "13:00"
        })
        expect(put).toMatchObject({ label: "early_bird", type: "regular", active: false, points: 13 })
        expect(put.decoration).toBeUndefined()
      })
    )
  )

  it.scopedLive("refuses shifts OFS refuses, with OFS's details", () =>
    withRules(() =>
      Effect.gen(function* () {
        const metadata = yield* OfscMetadata
        const raw = (yield* transport).raw
        const base = { name: "x", active: true, workTimeStart: "09:00", workTimeEnd: "18:00" }

        const noColour = yield* failure(metadata.shifts.put("oc", { ...base, type: "on-call" }))
        expect(described(noColour)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Field 'decoration' is absent. Field 'decoration' mandatory for 'on-call'."
        })
        const regularColour = yield* failure(
          metadata.shifts.put("rc", { ...base, type: "regular", decoration: "blue" })
        )
        expect(described(regularColour).detail).toBe("Field 'decoration' not accepted for 'regular' type of shift.")

        // values the client's own schema would refuse go through the raw escape hatch
        const pink = yield* failure(raw("PUT", path("oc"), { body: { ...base, type: "on-call", decoration: "pink" } }))
        expect(described(pink)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail:
            "Wrong value in field 'decoration'. Possible values are ['yellow','orange','red','blue','green','purple']."
        })
        const badType = yield* failure(raw("PUT", path("t"), { body: { ...base, type: "night" } }))
        expect(described(badType).detail).toBe(
          "Wrong value in field 'type'. Possible values are ['regular', 'on-call']."
        )
        const badActive = yield* failure(raw("PUT", path("t"), { body: { ...base, type: "regular", active: "yes" } }))
        expect(described(badActive).detail).toBe("Wrong value in field 'active'. Possible values are [true, false].")
        const badTime = yield* failure(
          raw("PUT", path("t"), { body: { ...base, type: "regular", workTimeStart: "25:00" } })
        )
        expect(described(badTime).detail).toBe("Wrong value in field 'workTimeStart'.")

        // the seeded `day` shift is regular: it cannot become on-call
        const retype = yield* failure(metadata.shifts.put("day", { ...base, type: "on-call", decoration: "blue" }))
        expect(described(retype)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Field 'type' cannot be changed for an existing shift."
        })
        expect((yield* metadata.shifts.get("day")).type).toBe("regular")
        // nothing refused was stored
        expect(described(yield* failure(metadata.shifts.get("oc"))).tag).toBe("OfscNotFound")
      })
    )
  )

  it.scopedLive("DELETE answers 409 'Object is already in use' while a work schedule uses the shift", () =>
    withRules(() =>
      Effect.gen(function* () {
        const metadata = yield* OfscMetadata
        const core = yield* OfscCore
        // `evening` is seeded but no schedule uses it
        const schedule = yield* core.resources.workSchedules.create("TECH_00003", {
          recordType: "shift",
          shiftLabel: "evening",
          startDate: "2026-11-02",
          recurrence: { recurrenceType: "weekly", recurEvery: 1, weekdays: ["Mon", "Tue"] }
        })
        const item = schedule.items?.at(-1)
        expect(item).toMatchObject({ recordType: "shift", shiftLabel: "evening" })

        const inUse = yield* failure(metadata.shifts.delete("evening"))
        expect(described(inUse)).toEqual({ tag: "OfscConflict", status: 409, detail: "Object is already in use" })
        expect((yield* metadata.shifts.get("evening")).label).toBe("evening")

        yield* core.resources.workSchedules.delete("TECH_00003", String(item?.scheduleItemId))
        yield* metadata.shifts.delete("evening")
        expect(described(yield* failure(metadata.shifts.get("evening"))).tag).toBe("OfscNotFound")
        const again = yield* failure(metadata.shifts.delete("evening"))
        expect(described(again)).toMatchObject({ tag: "OfscNotFound", status: 404 })
      })
    )
  )
})
