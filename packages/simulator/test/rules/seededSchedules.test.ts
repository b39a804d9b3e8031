import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import type { SimRecord } from "../../src/index.js"
import { http, seeded, withRules } from "./support.js"

const itemsOf = (resourceId: string): ReadonlyArray<SimRecord> =>
  seeded.resourceCollections[resourceId]?.workSchedules ?? []
const shiftOf = (label: unknown) => seeded.metadata.shifts?.find((s) => s.label === label)
const hhmm = (time: unknown) => String(time).slice(0, 5)

/** Every shift label a seeded work schedule item names, its schedule's shifts included. */
const usedShiftLabels = new Set(
  Object.values(seeded.resourceCollections).flatMap((owned) =>
    owned.workSchedules.flatMap((item) => [
      item.shiftLabel,
      ...(Array.isArray(item.scheduleShifts) ? item.scheduleShifts.map((s) => (s as SimRecord).shiftLabel) : [])
    ])
  )
)

describe("seeded work schedules", () => {
  it.scopedLive("calendarView of a seeded technician on a working weekday shows its schedule's shift", () =>
    withRules(() =>
      Effect.gen(function* () {
        const schedules = (yield* OfscCore).resources.workSchedules
        const tech = "TECH_00001"
        const schedule = itemsOf(tech).find((i) => i.recordType === "schedule")
        const [scheduled] = (schedule?.scheduleShifts ?? []) as ReadonlyArray<SimRecord>
        const shift = shiftOf(scheduled?.shiftLabel)
        expect(shift?.type).toBe("regular")

        // 2026-11-02 is a Monday, and every schedule of the seed works on Mondays
        const view = yield* schedules.calendarView(tech, { dateFrom: "2026-11-02", dateTo: "2026-11-02" })
        expect(view["2026-11-02"]?.regular).toEqual({
          recordType: "working",
          workTimeStart: hhmm(shift?.workTimeStart),
          workTimeEnd: hhmm(shift?.workTimeEnd),
          shiftLabel: shift?.label,
          scheduleLabel: schedule?.scheduleLabel,
          points: shift?.points
        })
        // the list answers the same schedule, with its shift's times
        const listed = (yield* schedules.list(tech)).items ?? []
        expect(listed.map((i) => i.scheduleItemId)).toEqual(itemsOf(tech).map((i) => i.scheduleItemId))
        expect(listed[0]?.scheduleShifts?.[0]).toMatchObject({
          shiftLabel: shift?.label,
          shiftType: "regular",
          workTimeStart: hhmm(shift?.workTimeStart)
        })
      })
    )
  )

  it.scopedLive("calendarView shows the reason on a seeded non-working day, and the company holiday for all", () =>
    withRules(() =>
      Effect.gen(function* () {
        const schedules = (yield* OfscCore).resources.workSchedules
        const [tech, vacation] =
          Object.entries(seeded.resourceCollections)
            .map(([id, owned]) => [id, owned.workSchedules.find((i) => i.nonWorkingReason === "vacation")] as const)
            .find(([, item]) => item !== undefined) ?? []
        expect(vacation).toBeDefined()
        const day = String(vacation?.startDate)
        const view = yield* schedules.calendarView(String(tech), { dateFrom: day, dateTo: day })
        const off = { recordType: "non-working", nonWorkingReason: "vacation" }
        expect(view[day]).toEqual({ regular: off, "on-call": off })

        const holiday = itemsOf("TECH_00005").find((i) => i.nonWorkingReason === "holiday")
        const date = String(holiday?.startDate)
        for (const resourceId of ["TECH_00005", "TECH_00012"]) {
          const day = (yield* schedules.calendarView(resourceId, { dateFrom: date, dateTo: date }))[date]
          expect(day?.regular).toEqual({
            recordType: "non-working",
            nonWorkingReason: "holiday",
            comments: "Company holiday"
          })
        }
      })
    )
  )

  it.scopedLive("DELETE of a seeded shift answers 409 with OFS's body while a schedule uses it, else 204", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const shifts = seeded.metadata.shifts ?? []
        expect(usedShiftLabels.has("blue")).toBe(true)
        expect(usedShiftLabels.has("evening")).toBe(false)
        for (const shift of shifts) {
          const answer = yield* http(sim, "DELETE", `/rest/ofscMetadata/v1/shifts/${shift.label}`)
          if (usedShiftLabels.has(shift.label)) {
            expect(answer.status).toBe(409)
            expect(answer.json).toEqual({
              type: "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10",
              title: "Conflict",
              status: "409",
              detail: "Object is already in use"
            })
          } else {
            expect(answer.status).toBe(204)
            expect((yield* http(sim, "GET", `/rest/ofscMetadata/v1/shifts/${shift.label}`)).status).toBe(404)
          }
        }
      })
    )
  )
})
