import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"
import { describe, expect } from "vitest"
import { described, failure, hireTechnician, seeded, transport, withRules } from "./support.js"

// 2026-11-01 is a Sunday; each test hires this technician, who has no seeded schedule
const tech = "NEW_TECH"

describe("work schedules", () => {
  it.scopedLive("POST adds items a later GET lists, with what their shift says; DELETE removes one", () =>
    withRules(() =>
      Effect.gen(function* () {
        yield* hireTechnician(tech)
        const schedules = (yield* OfscCore).resources.workSchedules
        const afterFirst = yield* schedules.create(tech, {
          recordType: "shift",
          shiftLabel: "day",
          startDate: "2026-11-01",
          recurrence: { recurrenceType: "weekly", recurEvery: 1, weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri"] }
        })
        expect(afterFirst.items).toHaveLength(1)
        const afterSecond = yield* schedules.create(tech, {
          recordType: "non-working",
          nonWorkingReason: "vacation",
          startDate: "2026-11-04",
          endDate: "2026-11-05",
          recurrence: { recurrenceType: "everyday" }
        })
        expect(afterSecond.items?.map((i) => i.recordType)).toEqual(["shift", "non-working"])

        const listed = (yield* schedules.list(tech)).items ?? []
        expect(listed[0]).toMatchObject({
          recordType: "shift",
          shiftLabel: "day",
          shiftType: "regular",
          isWorking: true,
          workTimeStart: "08:00",
          workTimeEnd: "17:00",
          startDate: "2026-11-01"
        })
        expect(listed[1]).toMatchObject({ recordType: "non-working", nonWorkingReason: "vacation", isWorking: false })
        expect(listed[0]?.scheduleItemId).not.toBe(listed[1]?.scheduleItemId)

        // an item that ended before actualForDate is left out
        expect((yield* schedules.list(tech, { actualForDate: "2026-11-06" })).items?.map((i) => i.recordType)).toEqual([
          "shift"
        ])
        // other resources keep their own schedules
        const theirs = seeded.resourceCollections.TECH_00002?.workSchedules.map((i) => i.scheduleItemId)
        expect((yield* schedules.list("TECH_00002")).items?.map((i) => i.scheduleItemId)).toEqual(theirs)

        yield* schedules.delete(tech, String(listed[1]?.scheduleItemId))
        expect((yield* schedules.list(tech)).items?.map((i) => i.scheduleItemId)).toEqual([listed[0]?.scheduleItemId])
        const gone = yield* failure(schedules.delete(tech, String(listed[1]?.scheduleItemId)))
        expect(described(gone)).toMatchObject({ tag: "OfscNotFound", status: 404 })
      })
    )
  )

  it.scopedLive("calendarView answers each day's regular and on-call entry computed from the items", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        yield* hireTechnician(tech)
        const schedules = (yield* OfscCore).resources.workSchedules
        const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"] as const
        yield* schedules.create(tech, {
          recordType: "shift",
          shiftLabel: "day",
          startDate: "2026-11-01",
          recurrence: { recurrenceType: "weekly", weekdays: [...weekdays] }
        })
        yield* schedules.create(tech, {
          recordType: "shift",
          shiftLabel: "blue_oncall",
          startDate: "2026-11-01",
          recurrence: { recurrenceType: "weekly", weekdays: ["Sat"] }
        })
        yield* schedules.create(tech, {
          recordType: "non-working",
          nonWorkingReason: "vacation",
          startDate: "2026-11-04",
          endDate: "2026-11-05",
          recurrence: { recurrenceType: "everyday" }
        })
        yield* schedules.create(tech, {
          recordType: "non-working",
          nonWorkingReason: "sick",
          shiftType: "on-call",
          startDate: "2026-11-06",
          endDate: "2026-11-06",
          recurrence: { recurrenceType: "daily" }
        })
        yield* schedules.create(tech, {
          recordType: "extra_working",
          startDate: "2026-11-01",
          endDate: "2026-11-01",
          workTimeStart: "10:00",
          workTimeEnd: "14:00",
          recurrence: { recurrenceType: "daily" }
        })
        yield* schedules.create(tech, {
          recordType: "working",
          startDate: "2026-11-09",
          endDate: "2026-11-13",
          workTimeStart: "07:00",
          workTimeEnd: "12:00",
          comments: "every other day",
          recurrence: { recurrenceType: "daily", recurEvery: 2 }
        })

        const view = yield* schedules.calendarView(tech, { dateFrom: "2026-11-01", dateTo: "2026-11-12" })
        const dayShift = { recordType: "working", workTimeStart: "08:00", workTimeEnd: "17:00", shiftLabel: "day" }
        const vacation = { recordType: "non-working", nonWorkingReason: "vacation" }
        expect(view["2026-11-01"]).toEqual({
          regular: { recordType: "extra_working", workTimeStart: "10:00", workTimeEnd: "14:00" }
        })
        expect(view["2026-11-02"]).toEqual({ regular: { ...dayShift, points: 10 } })
        expect(view["2026-11-04"]).toEqual({ regular: vacation, "on-call": vacation })
        expect(view["2026-11-05"]).toEqual({ regular: vacation, "on-call": vacation })
        expect(view["2026-11-06"]).toEqual({
          regular: { ...dayShift, points: 10 },
          "on-call": { recordType: "non-working", nonWorkingReason: "sick" }
        })
        expect(view["2026-11-07"]).toEqual({
          "on-call": { recordType: "working", workTimeStart: "18:00", workTimeEnd: "23:00", shiftLabel: "blue_oncall" }
        })
        expect(view["2026-11-08"]).toEqual({})
        // the every-other-day working item overrides nothing of equal rank that is older: it is the newest
        expect(view["2026-11-09"]?.regular).toEqual({
          recordType: "working",
          workTimeStart: "07:00",
          workTimeEnd: "12:00",
          comments: "every other day"
        })
        expect(view["2026-11-10"]?.regular).toEqual({ ...dayShift, points: 10 })
        expect(view["2026-11-11"]?.regular?.workTimeStart).toBe("07:00")
        expect(Object.keys(view).filter((k) => k !== "links")).toHaveLength(12)
        expect((view as { links?: unknown }).links).toEqual([
          {
            rel: "canonical",
            href: `${sim.url}/rest/ofscCore/v1/resources/${tech}/workSchedules/calendarView?dateFrom=2026-11-01&dateTo=2026-11-12`
          },
          { rel: "describedby", href: `${sim.url}/rest/ofscCore/v1/metadata-catalog/resources` }
        ])
      })
    )
  )

  it.scopedLive("a yearly item recurs on the same days each year", () =>
    withRules(() =>
      Effect.gen(function* () {
        yield* hireTechnician(tech)
        const schedules = (yield* OfscCore).resources.workSchedules
        yield* schedules.create(tech, {
          recordType: "non-working",
          nonWorkingReason: "vacation",
          startDate: "2026-01-01",
          recurrence: { recurrenceType: "yearly", dayFrom: "2026-12-24", dayTo: "2026-12-26" }
        })
        const view = yield* schedules.calendarView(tech, { dateFrom: "2027-12-23", dateTo: "2027-12-27" })
        expect(
          Object.entries(view).flatMap(([date, day]) => (date !== "links" && "regular" in day ? [date] : []))
        ).toEqual(["2027-12-24", "2027-12-25", "2027-12-26"])
      })
    )
  )

  it.scopedLive("refuses items OFS refuses, and unknown resources", () =>
    withRules(() =>
      Effect.gen(function* () {
        yield* hireTechnician(tech)
        const schedules = (yield* OfscCore).resources.workSchedules
        const raw = (yield* transport).raw
        const weekly = { recurrenceType: "weekly" as const, weekdays: ["Mon" as const] }

        const unknownShift = yield* failure(
          schedules.create(tech, {
            recordType: "shift",
            shiftLabel: "nope",
            startDate: "2026-11-01",
            recurrence: weekly
          })
        )
        expect(described(unknownShift)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Wrong value in field 'shiftLabel': shift 'nope' does not exist."
        })
        const noRecurrence = yield* failure(
          schedules.create(tech, { recordType: "shift", shiftLabel: "day", startDate: "2026-11-01" })
        )
        expect(described(noRecurrence).detail).toBe(
          "Field 'recurrence' is absent. It is mandatory for record type 'shift'."
        )
        const noReason = yield* failure(
          schedules.create(tech, { recordType: "non-working", startDate: "2026-11-01", recurrence: weekly })
        )
        expect(described(noReason).detail).toBe(
          "Field 'nonWorkingReason' is absent. It is mandatory for record type 'non-working'."
        )
        const unknownReason = yield* failure(
          schedules.create(tech, {
            recordType: "non-working",
            nonWorkingReason: "beach",
            startDate: "2026-11-01",
            recurrence: weekly
          })
        )
        expect(described(unknownReason).detail).toBe(
          "Wrong value in field 'nonWorkingReason': reason 'beach' does not exist."
        )
        const noWeekdays = yield* failure(
          schedules.create(tech, {
            recordType: "shift",
            shiftLabel: "day",
            startDate: "2026-11-01",
            recurrence: { recurrenceType: "weekly" }
          })
        )
        expect(described(noWeekdays).detail).toBe(
          "Field 'recurrence.weekdays' is absent. It is mandatory for a weekly recurrence."
        )
        const backwards = yield* failure(
          schedules.create(tech, {
            recordType: "working",
            startDate: "2026-11-05",
            endDate: "2026-11-01",
            workTimeStart: "08:00",
            workTimeEnd: "12:00",
            recurrence: weekly
          })
        )
        expect(described(backwards).detail).toBe("Field 'endDate' is earlier than 'startDate'.")
        const badType = yield* failure(
          raw("POST", `/rest/ofscCore/v1/resources/${tech}/workSchedules`, {
            body: { recordType: "holiday", startDate: "2026-11-01" }
          })
        )
        expect(described(badType)).toMatchObject({ tag: "OfscBadRequest", status: 400 })
        expect(described(badType).detail).toContain("Wrong value in field 'recordType'")
        // nothing refused was stored
        expect((yield* schedules.list(tech)).items).toEqual([])

        const nobody = yield* failure(schedules.list("NOBODY"))
        expect(described(nobody)).toEqual({ tag: "OfscNotFound", status: 404, detail: "Resource 'NOBODY' not found" })
        expect(
          described(yield* failure(schedules.calendarView("NOBODY", { dateFrom: "2026-11-01", dateTo: "2026-11-01" })))
            .tag
        ).toBe("OfscNotFound")
        const noDateTo = yield* failure(
          raw("GET", `/rest/ofscCore/v1/resources/${tech}/workSchedules/calendarView`, {
            query: { dateFrom: "2026-11-01" }
          })
        )
        expect(described(noDateTo)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Parameter 'dateTo' is absent."
        })
        const reversed = yield* failure(schedules.calendarView(tech, { dateFrom: "2026-11-05", dateTo: "2026-11-01" }))
        expect(described(reversed).detail).toBe("Parameter 'dateTo' is earlier than 'dateFrom'.")
      })
    )
  )

  it.scopedLive("bulkUpdateWorkSchedules adds checked items to many resources and reports failures per resource", () =>
    withRules(() =>
      Effect.gen(function* () {
        const resources = (yield* OfscCore).resources
        const everyday = { recurrenceType: "everyday" as const }
        const answer = yield* resources.bulkUpdateWorkSchedules([
          {
            resourceId: "TECH_00002",
            workSchedules: [
              { recordType: "shift", shiftLabel: "early", startDate: "2026-11-01", recurrence: everyday },
              { recordType: "shift", shiftLabel: "missing", startDate: "2026-11-01", recurrence: everyday }
            ]
          },
          {
            resourceId: "NOBODY",
            workSchedules: [{ recordType: "shift", shiftLabel: "early", startDate: "2026-11-01" }]
          }
        ])
        expect(answer.resourcesUpdated).toBe(1)
        expect(answer.results?.map((r) => [r.resourceId, r.itemsUpdated, r.itemsFailed])).toEqual([
          ["TECH_00002", 1, 1],
          ["NOBODY", 0, 1]
        ])
        expect(answer.results?.[0]?.errors?.[0]).toMatchObject({
          status: "400",
          detail: "Wrong value in field 'shiftLabel': shift 'missing' does not exist."
        })
        expect(answer.results?.[1]?.errors?.[0]).toMatchObject({ status: "404" })
        const view = yield* resources.workSchedules.calendarView("TECH_00002", {
          dateFrom: "2026-11-03",
          dateTo: "2026-11-03"
        })
        expect(view["2026-11-03"]?.regular).toMatchObject({
          recordType: "working",
          shiftLabel: "early",
          workTimeStart: "06:00"
        })
      })
    )
  )

  it.scopedLive("calendars lists each resource's days, with children as asked, paged by offset and limit", () =>
    withRules(() =>
      Effect.gen(function* () {
        yield* hireTechnician(tech)
        const core = yield* OfscCore
        yield* core.resources.workSchedules.create(tech, {
          recordType: "shift",
          shiftLabel: "day",
          startDate: "2026-11-01",
          recurrence: { recurrenceType: "weekly", weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri"] }
        })
        const own = yield* core.calendars.list({
          resources: [tech],
          includeChildren: "none",
          dateFrom: "2026-11-01",
          dateTo: "2026-11-03"
        })
        expect(own.items?.map((i) => [i.resourceId, i.date, i.regular?.workTimeStart])).toEqual([
          [tech, "2026-11-01", undefined],
          [tech, "2026-11-02", "08:00"],
          [tech, "2026-11-03", "08:00"]
        ])

        const bucket = "BUCKET_001"
        const team = seeded.resources.filter((r) => r.parentResourceId === bucket).map((r) => r.resourceId)
        const day = { dateFrom: "2026-11-02", dateTo: "2026-11-02" }
        const withTeam = yield* core.calendars.list({ resources: [bucket], includeChildren: "immediate", ...day })
        expect(withTeam.items?.map((i) => i.resourceId)).toEqual([bucket, ...team])
        const streamed = yield* Stream.runCollect(
          core.calendars.stream({ resources: [bucket], ...day }, { pageSize: 4 })
        )
        expect(Chunk.size(streamed)).toBe(team.length + 1)

        const nobody = yield* failure(core.calendars.list({ resources: ["NOBODY"], ...day }))
        expect(described(nobody)).toEqual({ tag: "OfscNotFound", status: 404, detail: "Resource 'NOBODY' not found" })
        const tooLong = yield* failure(
          core.calendars.list({ resources: [tech], dateFrom: "2026-11-01", dateTo: "2026-12-02" })
        )
        expect(described(tooLong)).toMatchObject({ tag: "OfscBadRequest", status: 400 })
        const backwards = yield* failure(
          core.calendars.list({ resources: [tech], dateFrom: "2026-11-05", dateTo: "2026-11-01" })
        )
        expect(described(backwards).detail).toBe("Parameter 'dateFrom' is later than 'dateTo'.")
      })
    )
  )
})
