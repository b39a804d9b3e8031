/** The zone conversions checked against Intl's own formatting, and the rule for gaps and overlaps. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { daysAroundClockChange } from "../src/data/dates.js"
import { isClockChangeDay, localDateTime, offsetMinutes, seedTimeZones, utcOfLocal } from "../src/data/timeZones.js"

/** Instants from 1990 to 2060, in whole milliseconds. */
const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
const zones = fc.constantFrom(...seedTimeZones.map((z) => z.iana))

/** The wall clock as Intl writes it for Sweden, which is already 'YYYY-MM-DD HH:MM:SS'. */
const swedishWallClock = (at: number, iana: string): string =>
  new Date(at).toLocaleString("sv-SE", { timeZone: iana }).replace("T", " ")

/** The offset Intl names ('GMT+05:30', 'GMT-04:00', 'GMT'), in minutes. */
const namedOffset = (at: number, iana: string): number => {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: iana, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? ""
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name)
  if (m === null) return 0
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

describe("time zone conversions", () => {
  it("the wall clock and the offset of an instant agree with Intl's, in every seeded zone", () => {
    fc.assert(
      fc.property(instants, zones, (at, iana) => {
        expect(localDateTime(at, iana)).toBe(swedishWallClock(at, iana))
        expect(offsetMinutes(at, iana)).toBe(namedOffset(at, iana))
      })
    )
  })

  it("a wall clock read back gives the instant (to the second), the earlier one where the clock ran twice", () => {
    fc.assert(
      fc.property(instants, zones, (at, iana) => {
        const second = Math.floor(at / 1000) * 1000
        const local = localDateTime(at, iana)
        const back = utcOfLocal(local, iana)
        expect(back).toBeDefined()
        expect(localDateTime(back as number, iana)).toBe(local)
        // the same wall clock an hour (or half an hour) earlier is the overlap's first pass
        if (back !== second) {
          expect(back).toBeLessThan(second)
          expect(offsetMinutes(back as number, iana)).toBeGreaterThan(offsetMinutes(second, iana))
        }
      })
    )
  })

  it("a time in a gap is shifted forward by the gap; a time in an overlap is its earlier instant", () => {
    // New York springs forward at 02:00 on 2026-03-08: 02:30 never happens and reads as 03:30 EDT
    expect(utcOfLocal("2026-03-08 02:30:00", "America/New_York")).toBe(Date.UTC(2026, 2, 8, 7, 30))
    expect(localDateTime(Date.UTC(2026, 2, 8, 7, 30), "America/New_York")).toBe("2026-03-08 03:30:00")
    // and falls back at 02:00 on 2026-11-01: 01:30 happens at 05:30Z (EDT) and at 06:30Z (EST)
    expect(localDateTime(Date.UTC(2026, 10, 1, 6, 30), "America/New_York")).toBe("2026-11-01 01:30:00")
    expect(utcOfLocal("2026-11-01 01:30:00", "America/New_York")).toBe(Date.UTC(2026, 10, 1, 5, 30))
    // London: 01:30 on 2026-03-29 is in the gap (02:30 BST); 01:30 on 2026-10-25 is first BST
    expect(utcOfLocal("2026-03-29 01:30:00", "Europe/London")).toBe(Date.UTC(2026, 2, 29, 1, 30))
    expect(utcOfLocal("2026-10-25 01:30:00", "Europe/London")).toBe(Date.UTC(2026, 9, 25, 0, 30))
    // Adelaide, half-hour offsets in the south: springs forward on 2026-10-04, falls back on 2026-04-05
    expect(utcOfLocal("2026-10-04 02:30:00", "Australia/Adelaide")).toBe(Date.UTC(2026, 9, 3, 17, 0))
    expect(localDateTime(Date.UTC(2026, 9, 3, 17, 0), "Australia/Adelaide")).toBe("2026-10-04 03:30:00")
    expect(utcOfLocal("2026-04-05 02:30:00", "Australia/Adelaide")).toBe(Date.UTC(2026, 3, 4, 16, 0))
    // Kolkata keeps +05:30 all year
    expect(utcOfLocal("2026-03-08 02:30:00", "Asia/Kolkata")).toBe(Date.UTC(2026, 2, 7, 21, 0))
  })

  it("the offset follows each zone's daylight-saving time, south of the equator the other way round", () => {
    const january = Date.UTC(2026, 0, 15, 12)
    const july = Date.UTC(2026, 6, 15, 12)
    expect(seedTimeZones.map((z) => [offsetMinutes(january, z.iana), offsetMinutes(july, z.iana)])).toEqual([
      [-300, -240],
      [-360, -300],
      [-480, -420],
      [0, 60],
      [330, 330],
      [630, 570]
    ])
  })

  it("the clock-change days are found, and the days around the one nearest a date", () => {
    expect(isClockChangeDay("2026-03-08", "America/New_York")).toBe(true)
    expect(isClockChangeDay("2026-03-09", "America/New_York")).toBe(false)
    expect(daysAroundClockChange("America/New_York", "2026-11-01")).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"])
    expect(daysAroundClockChange("Europe/London", "2026-11-01")).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"])
    expect(daysAroundClockChange("Australia/Adelaide", "2026-11-01")).toEqual([
      "2026-10-03",
      "2026-10-04",
      "2026-10-05"
    ])
    expect(daysAroundClockChange("Asia/Kolkata", "2026-11-01")).toBeUndefined()
  })

  it("text that is not a wall-clock time reads as nothing", () => {
    expect(utcOfLocal("2026-11-01", "America/New_York")).toBeUndefined()
    expect(utcOfLocal("yesterday at noon", "America/New_York")).toBeUndefined()
  })
})
