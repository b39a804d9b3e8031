import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ErrorResponse, WorkScheduleItemInput, WorkSchedules, WorkSchedulesCalendarView } from "../src/core.js"
import { linkHref, linksOf } from "../src/index.js"
import { CreateShiftSchemaInput, Shift, Shifts } from "../src/metadata.js"
import { fixture } from "./support/fixtures.js"

// the transport keeps keys a schema does not declare; decoding here does the same
const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown): A =>
  Schema.decodeUnknownSync(schema, { onExcessProperty: "preserve" })(value)

describe("shifts (metadata)", () => {
  it("GET shifts decodes as Shifts, each item keeps its label and links", () => {
    const page = decode(Shifts, fixture("shifts.list.json"))
    expect(page.hasMore).toBe(true)
    expect(page.totalResults).toBe(294)
    expect(page.items?.map((s) => s.label)).toEqual([
      "forActionsLinkMethods",
      "AutoTestGroupActionDeleteOk",
      "AutoTestGroupActionDeleteCancel",
      "AutoTestActionActivities",
      "shift7608000006"
    ])
    const onCall = page.items?.[4]
    expect(onCall).toMatchObject({ type: "on-call", decoration: "red", workTimeStart: "00:00:00" })
    expect(linkHref(page, "next")).toBe("https:///frontend.ofsc.team/rest/ofscMetadata/v1/shifts?limit=100&offset=100")
    expect(linksOf(page.items?.[0]).map((l) => l.rel)).toEqual(["canonical", "describedby"])
  })

  it("GET shifts/{label} decodes as Shift", () => {
    const shift = decode(Shift, fixture("shift.get.json"))
    expect(shift).toMatchObject({
      label: "blue",
      name: "blue",
      active: false,
      type: "on-call",
      decoration: "blue",
      workTimeStart: "09:00:00",
      workTimeEnd: "18:00:00"
    })
    expect(linkHref(shift, "canonical")).toBe("https://frontend.ofsc.team/rest/ofscMetadata/v1/shifts/blue_default")
  })

  it("PUT shifts/{label}: the request body encodes strictly unchanged and the answer decodes as Shift", () => {
    const body = fixture("shift.put.request.json")
    const typed = Schema.decodeUnknownSync(CreateShiftSchemaInput)(body)
    expect(Schema.encodeSync(CreateShiftSchemaInput)(typed)).toEqual(body)
    expect(decode(Shift, fixture("shift.put.response.json"))).toEqual(body)
  })

  it("the strict shift body refuses what the server refuses: an unknown type or colour, a malformed time", () => {
    const body = fixture("shift.put.request.json") as Record<string, unknown>
    const encode = Schema.encodeUnknownEither(CreateShiftSchemaInput)
    expect(encode(body)._tag).toBe("Right")
    expect(encode({ ...body, type: "split" })._tag).toBe("Left")
    expect(encode({ ...body, decoration: "pink" })._tag).toBe("Left")
    expect(encode({ ...body, workTimeStart: "9am" })._tag).toBe("Left")
  })

  it("error bodies decode as ErrorResponse", () => {
    const errors = (fixture("errors.json") as ReadonlyArray<unknown>).map((e) => decode(ErrorResponse, e))
    expect(errors).toHaveLength(10)
    expect(errors[0]).toMatchObject({ title: "Conflict", status: "409", detail: "Object is already in use" })
    expect(errors.slice(1).every((e) => e.status === "400" && e.title === "Bad Request")).toBe(true)
  })
})

describe("work schedules (core)", () => {
  it("GET resources/{id}/workSchedules/calendarView decodes by date, then by shift type", () => {
    const view = decode(WorkSchedulesCalendarView, fixture("calendarView.json"))
    expect(view["2018-01-03"]?.regular).toEqual({
      recordType: "working",
      workTimeStart: "09:00",
      workTimeEnd: "18:00",
      shiftLabel: "for_api_testing",
      scheduleLabel: "9-18"
    })
    expect(view["2018-01-03"]?.["on-call"]).toEqual({ recordType: "non-working", nonWorkingReason: "OTHER" })
    // `links` is not a date: it stays beside the days, for linksOf
    expect(linksOf(view).map((l) => l.rel)).toEqual(["canonical", "describedby"])
  })

  it("GET resources/{id}/workSchedules decodes, and its items can be posted back through the strict model", () => {
    const schedules = decode(WorkSchedules, fixture("workSchedules.json"))
    expect(schedules.items?.map((i) => i.recordType)).toEqual(["schedule", "shift", "non-working"])
    expect(schedules.items?.[0]?.scheduleShifts?.[0]?.recurrence?.weekdays).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri"])
    for (const item of schedules.items ?? []) {
      const sent = Schema.encodeUnknownSync(WorkScheduleItemInput)(item)
      expect(sent).toEqual(item)
    }
  })
})
