/**
 * The seeded organisation spans several time zones, as a real tenant does: every resource and user
 * names its zone, activity times are the wall clock of the activity's resource, and the days include
 * both sides of a clock change in each zone that has one.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { daysAroundClockChange } from "../src/data/dates.js"
import { type SeedData, seedData } from "../src/data/seed.js"
import { isClockChangeDay, localDateTime, offsetMinutes, seedTimeZones, utcOfLocal } from "../src/data/timeZones.js"
import type { SimRecord } from "../src/index.js"

const datas: ReadonlyArray<SeedData> = [seedData(7, "small"), seedData(11, "small"), seedData(3, "medium")]

const byId = (data: SeedData) => new Map(data.resources.map((r) => [r.resourceId, r]))

describe("the seeded organisation's time zones", () => {
  it("resources spread over every seeded zone, each with its OFS name and IANA id; users take their main resource's", () => {
    for (const data of datas) {
      const technicians = data.resources.filter((r) => r.resourceType === "PR")
      expect(new Set(technicians.map((r) => r.timeZoneIANA))).toEqual(new Set(seedTimeZones.map((z) => z.iana)))
      for (const r of data.resources) {
        expect(seedTimeZones).toContainEqual({ name: r.timeZone, iana: r.timeZoneIANA })
      }
      const resources = byId(data)
      for (const u of data.users) {
        const main = resources.get(u.mainResourceId)
        expect([u.login, u.timeZone, u.timeZoneIANA]).toEqual([u.login, main?.timeZone, main?.timeZoneIANA])
      }
    }
  })

  it("an activity's times are its resource's wall clock: to UTC in that zone on that day and back", () => {
    for (const data of datas) {
      const resources = byId(data)
      const scheduled = data.activities.filter((a) => a.startTime !== undefined)
      expect(scheduled.length).toBeGreaterThan(data.activities.length / 2)
      fc.assert(
        fc.property(fc.constantFrom(...scheduled), (a: SimRecord) => {
          const resource = resources.get(a.resourceId)
          expect([a.resourceTimeZone, a.resourceTimeZoneIANA]).toEqual([resource?.timeZone, resource?.timeZoneIANA])
          const iana = String(a.resourceTimeZoneIANA)
          for (const field of ["startTime", "endTime"]) {
            const local = String(a[field])
            expect(local.slice(0, 10)).toBe(a.date)
            const utc = utcOfLocal(local, iana) as number
            expect(localDateTime(utc, iana)).toBe(local)
            // the day's offset is the one the activity's hours are in (no seeded time is near a change)
            expect(offsetMinutes(utc, iana)).toBe(a.resourceTimeZoneDiff)
          }
          expect(utcOfLocal(String(a.endTime), iana)! - utcOfLocal(String(a.startTime), iana)!).toBe(
            (a.duration as number) * 60_000
          )
        }),
        { numRuns: 200 }
      )
    }
  })

  it("each zone with clock changes has activities the day before, of and after one, with the offset changing", () => {
    for (const data of datas) {
      for (const zone of seedTimeZones) {
        const offsets = new Map<string, number>()
        for (const a of data.activities)
          if (a.resourceTimeZoneIANA === zone.iana) offsets.set(String(a.date), a.resourceTimeZoneDiff as number)
        const changeDays = [...offsets.keys()].filter((day) => isClockChangeDay(day, zone.iana))
        if (zone.iana === "Asia/Kolkata") {
          expect(changeDays).toEqual([])
          continue
        }
        expect(changeDays.length, zone.iana).toBeGreaterThan(0)
        const day = changeDays[0] as string
        const near = (shift: number) => localDateTime(Date.parse(`${day}T12:00:00Z`) + shift * 86_400_000, "UTC")
        const before = offsets.get(near(-1).slice(0, 10))
        const after = offsets.get(near(1).slice(0, 10))
        expect(before, `${zone.iana} before ${day}`).toBeDefined()
        expect(after, `${zone.iana} after ${day}`).toBeDefined()
        expect(before).not.toBe(after)
      }
    }
  })

  it("the size's count of activities, on its days or on the days around their zone's clock change", () => {
    for (const [data, count] of [
      [datas[0], 600],
      [datas[2], 10_000]
    ] as const) {
      if (data === undefined) continue
      expect(data.activities.length).toBe(count)
      const last = localDateTime(Date.parse(`${data.startDate}T00:00:00Z`) + (data.days - 1) * 86_400_000, "UTC")
      for (const a of data.activities) {
        const date = String(a.date)
        if (date >= data.startDate && date <= last.slice(0, 10)) continue
        expect(daysAroundClockChange(String(a.resourceTimeZoneIANA), data.startDate)).toContain(date)
      }
    }
  })
})
