/**
 * LocalTime checked against Intl's own formatting, over Intl's zones from 1990 to 2040: a wall-clock
 * time that happens once reads as that instant, one in a gap as the wall time at the offset from
 * before the gap, one in an overlap as the earlier of its two instants.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LocalTime } from "../src/index.js"

const from = Date.UTC(1990, 0, 1)
const until = Date.UTC(2041, 0, 1)
const minuteMs = 60_000
const hourMs = 3_600_000
const dayMs = 86_400_000

/** Zones the rule is easy to get wrong in: a DST of 30 minutes (Lord Howe), a 45-minute offset (Chatham), no DST (Kolkata). */
const named = [
  "America/New_York",
  "Europe/London",
  "Australia/Adelaide",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham"
]
const zones = fc.oneof(fc.constantFrom(...named), fc.constantFrom(...Intl.supportedValuesOf("timeZone")))
const instants = fc.integer({ min: from, max: until - 1 })

const cached = (make: (iana: string) => Intl.DateTimeFormat) => {
  const formats = new Map<string, Intl.DateTimeFormat>()
  return (iana: string): Intl.DateTimeFormat => {
    const known = formats.get(iana)
    if (known !== undefined) return known
    const made = make(iana)
    formats.set(iana, made)
    return made
  }
}
const swedish = cached(
  (iana) => new Intl.DateTimeFormat("sv-SE", { timeZone: iana, dateStyle: "short", timeStyle: "medium" })
)
const offsetNames = cached((iana) => new Intl.DateTimeFormat("en-US", { timeZone: iana, timeZoneName: "longOffset" }))

/** The wall clock of an instant as Intl writes it for Sweden, which is already 'YYYY-MM-DD HH:MM:SS'. */
const wallClock = (at: number, iana: string): string => swedish(iana).format(at)

/** The offset Intl names at an instant ('GMT+05:45', 'GMT-04:00', 'GMT'), in ms. */
const offsetAt = (at: number, iana: string): number => {
  const name = offsetNames(iana)
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? "")
  if (m === null) throw new Error(`Intl named no offset for ${iana}: ${name}`)
  return m[1] === undefined ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * hourMs + Number(m[3]) * minuteMs)
}

/** A wall clock 'YYYY-MM-DD HH:MM:SS' read as if it were UTC, in epoch ms. */
const asUtc = (wall: string): number => Date.parse(`${wall.replace(" ", "T")}Z`)

/** 'YYYY-MM-DD HH:MM:SS' of an epoch ms in UTC. */
const utcWall = (at: number): string => new Date(at).toISOString().slice(0, 19).replace("T", " ")

/** Every instant Intl shows as this wall clock in the zone (offsets since 1990 are whole quarter hours within ±16 hours). */
const instantsShowing = (wall: string, iana: string): ReadonlyArray<number> => {
  const shown: Array<number> = []
  for (let quarter = 16 * 4; quarter >= -16 * 4; quarter--) {
    const at = asUtc(wall) - quarter * 15 * minuteMs
    if (wallClock(at, iana) === wall) shown.push(at)
  }
  return shown
}

/** A change of a zone's offset: the first instant of the new offset, and the offsets before and after (ms). */
interface Transition {
  readonly at: number
  readonly before: number
  readonly after: number
}

/**
 * The zone's first change of offset after `start` (within 800 days, before 2041) that moves its clocks
 * forward (a gap) or back (an overlap), found by Intl's offsets a week apart, then to the minute.
 */
const nextTransition = (iana: string, start: number, kind: "gap" | "overlap"): Transition | undefined => {
  const step = 7 * dayMs
  let lo = Math.floor(start / minuteMs) * minuteMs
  let previous = offsetAt(lo, iana)
  for (let hi = lo + step; hi < until && hi < start + 800 * dayMs; lo = hi, hi += step) {
    const offset = offsetAt(hi, iana)
    if (offset === previous) continue
    let [a, b] = [lo, hi]
    while (b - a > minuteMs) {
      const mid = a + Math.floor((b - a) / 2 / minuteMs) * minuteMs
      if (offsetAt(mid, iana) === previous) a = mid
      else b = mid
    }
    const found = { at: b, before: offsetAt(b - 1, iana), after: offsetAt(b, iana) }
    if (kind === "gap" ? found.after > found.before : found.after < found.before) return found
    previous = offset
  }
  return undefined
}

/** A zone, one of its changes of offset, and a wall-clock time (to the second) in the gap or overlap it makes. */
const foldTimes = (kind: "gap" | "overlap") =>
  fc
    .tuple(zones, instants)
    .map(([iana, start]) => ({ iana, transition: nextTransition(iana, start, kind) }))
    .filter((x): x is { iana: string; transition: Transition } => x.transition !== undefined)
    .chain(({ iana, transition }) => {
      const { at, before, after } = transition
      const [first, width] = kind === "gap" ? [at + before, after - before] : [at + after, before - after]
      return fc
        .integer({ min: 0, max: width / 1000 - 1 })
        .map((second) => ({ iana, transition, wall: utcWall(first + second * 1000) }))
    })

/** Wall-clock text of any day from 1990 to 2040 (the 29th to the 31st only where the month has them). */
const wallTimes = fc
  .tuple(instants, fc.integer({ min: 0, max: dayMs / 1000 - 1 }))
  .map(([day, second]) => utcWall(Math.floor(day / dayMs) * dayMs + second * 1000))

describe("LocalTime.zonedInstant", () => {
  it("a wall-clock time that happens once reads as the instant Intl shows it at", () => {
    fc.assert(
      fc.property(zones, instants, (iana, at) => {
        const wall = wallClock(at, iana)
        const shown = instantsShowing(wall, iana)
        const read = LocalTime.zonedInstant(wall, iana)
        expect(shown).toContain(Math.floor(at / 1000) * 1000)
        if (shown.length === 1) {
          expect(read).toEqual({ epochMs: shown[0], fold: undefined })
          expect(wallClock(read?.epochMs as number, iana)).toBe(wall)
        } else {
          expect(read).toEqual({ epochMs: shown[0], fold: "overlap" })
        }
      }),
      { numRuns: 300 }
    )
  })

  it("a wall-clock time in a gap never happens, and reads as the wall time at the offset from before the gap", () => {
    fc.assert(
      fc.property(foldTimes("gap"), ({ iana, transition, wall }) => {
        expect(instantsShowing(wall, iana)).toEqual([])
        const read = LocalTime.zonedInstant(wall, iana)
        expect(read).toEqual({ epochMs: asUtc(wall) - transition.before, fold: "gap" })
        // which Intl shows as the wall time shifted forward by the gap
        expect(wallClock(read?.epochMs as number, iana)).toBe(
          utcWall(asUtc(wall) + transition.after - transition.before)
        )
      }),
      { numRuns: 200 }
    )
  })

  it("a wall-clock time in an overlap happens twice, and reads as the earlier instant", () => {
    fc.assert(
      fc.property(foldTimes("overlap"), ({ iana, transition, wall }) => {
        const shown = instantsShowing(wall, iana)
        expect(shown).toEqual([asUtc(wall) - transition.before, asUtc(wall) - transition.after])
        expect(LocalTime.zonedInstant(wall, iana)).toEqual({ epochMs: shown[0], fold: "overlap" })
      }),
      { numRuns: 200 }
    )
  })

  it("any wall-clock text of a real day: the instant Intl shows it at, the earlier of two, or past the gap", () => {
    fc.assert(
      fc.property(zones, wallTimes, (iana, wall) => {
        const shown = instantsShowing(wall, iana)
        const read = LocalTime.zonedInstant(wall, iana)
        expect(LocalTime.utcOfLocal(wall, iana)).toBe(read?.epochMs)
        if (shown.length > 0) {
          expect(read).toEqual({ epochMs: shown[0], fold: shown.length === 1 ? undefined : "overlap" })
        } else {
          const gap = nextTransition(iana, asUtc(wall) - 2 * dayMs, "gap")
          expect(gap).toBeDefined()
          expect(read).toEqual({ epochMs: asUtc(wall) - (gap?.before ?? 0), fold: "gap" })
        }
      }),
      { numRuns: 300 }
    )
  })

  it("reads the examples: gaps and overlaps of an hour, of 30 minutes (Lord Howe), at 45-minute offsets (Chatham)", () => {
    const read = (local: string, iana: string) => LocalTime.zonedInstant(local, iana)
    // New York: 02:30 on 2026-03-08 never happens (03:30 EDT); 01:30 on 2026-11-01 happens as EDT, then EST
    expect(read("2026-03-08 02:30:00", "America/New_York")).toEqual({
      epochMs: Date.UTC(2026, 2, 8, 7, 30),
      fold: "gap"
    })
    expect(read("2026-11-01 01:30:00", "America/New_York")).toEqual({
      epochMs: Date.UTC(2026, 10, 1, 5, 30),
      fold: "overlap"
    })
    expect(read("2026-07-01 09:00", "America/New_York")).toEqual({ epochMs: Date.UTC(2026, 6, 1, 13), fold: undefined })
    expect(read("2026-03-29 01:30:00", "Europe/London")).toEqual({ epochMs: Date.UTC(2026, 2, 29, 1, 30), fold: "gap" })
    expect(read("2026-10-25 01:30:00", "Europe/London")).toEqual({
      epochMs: Date.UTC(2026, 9, 25, 0, 30),
      fold: "overlap"
    })
    expect(read("2026-10-04 02:30:00", "Australia/Adelaide")).toEqual({
      epochMs: Date.UTC(2026, 9, 3, 17),
      fold: "gap"
    })
    // Lord Howe: +10:30 to +11 at 02:00 on 2026-10-04, back at 02:00 on 2026-04-05
    expect(read("2026-10-04 02:15:00", "Australia/Lord_Howe")).toEqual({
      epochMs: Date.UTC(2026, 9, 3, 15, 45),
      fold: "gap"
    })
    expect(read("2026-04-05 01:45:00", "Australia/Lord_Howe")).toEqual({
      epochMs: Date.UTC(2026, 3, 4, 14, 45),
      fold: "overlap"
    })
    // Chatham: +12:45 to +13:45 at 02:45 on 2026-09-27, back at 03:45 on 2026-04-05
    expect(read("2026-09-27 03:00:00", "Pacific/Chatham")).toEqual({
      epochMs: Date.UTC(2026, 8, 26, 14, 15),
      fold: "gap"
    })
    expect(read("2026-04-05 03:00:00", "Pacific/Chatham")).toEqual({
      epochMs: Date.UTC(2026, 3, 4, 13, 15),
      fold: "overlap"
    })
    expect(read("2026-03-08 02:30:00", "Asia/Kolkata")).toEqual({ epochMs: Date.UTC(2026, 2, 7, 21), fold: undefined })
  })

  it("malformed text or a zone Intl does not know reads as nothing, never an exception", () => {
    for (const local of [
      "2026-11-01",
      "yesterday at noon",
      "2026-02-29 10:00:00",
      "2026-04-31 10:00:00",
      "2026-13-01 10:00:00",
      "2026-01-01 24:00:00",
      "2026-01-01 10:60:00",
      "0000-01-01 10:00:00",
      " 2026-01-01 10:00:00"
    ]) {
      expect(LocalTime.zonedInstant(local, "America/New_York")).toBeUndefined()
    }
    for (const iana of ["Eastern", "Mars/Olympus_Mons", "", "America/New York"]) {
      expect(LocalTime.zonedInstant("2026-01-01 10:00:00", iana)).toBeUndefined()
      expect(LocalTime.utcOfLocal("2026-01-01 10:00:00", iana)).toBeUndefined()
    }
    expect(LocalTime.zonedInstant("2024-02-29 10:00:00", "UTC")).toEqual({
      epochMs: Date.UTC(2024, 1, 29, 10),
      fold: undefined
    })
    fc.assert(
      fc.property(fc.oneof(fc.string(), wallTimes), fc.oneof(fc.string(), zones), (local, iana) => {
        const read = LocalTime.zonedInstant(local, iana)
        const wellFormed = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(local) && LocalTime.isTimeZone(iana)
        if (!wellFormed) expect(read).toBeUndefined()
      })
    )
  })
})

describe("LocalTime", () => {
  it("the wall clock and the offset of an instant agree with Intl's", () => {
    fc.assert(
      fc.property(zones, instants, (iana, at) => {
        expect(LocalTime.localDateTime(at, iana)).toBe(wallClock(at, iana))
        expect(LocalTime.offsetMinutes(at, iana)).toBe(offsetAt(at, iana) / minuteMs)
      })
    )
  })

  it("the local day of every change of offset is a clock-change day, and a day's offset is its noon's", () => {
    fc.assert(
      fc.property(foldTimes("gap"), foldTimes("overlap"), (gap, overlap) => {
        for (const { iana, transition } of [gap, overlap]) {
          // a day skipped or lived twice whole (Samoa, 2011-12-30) leaves the days around it 24 hours long
          if (Math.abs(transition.after - transition.before) >= dayMs) continue
          // the day of the change on the old clock or the new: they differ when it is at midnight (23:00 to
          // 00:00, or St John's 00:01 back to 23:01), and then the day that is not 24 hours long is one of them
          const days = [transition.before, transition.after].map((o) => utcWall(transition.at + o).slice(0, 10))
          expect(days.some((d) => LocalTime.isClockChangeDay(d, iana))).toBe(true)
          const day = days[0] as string
          const noon = instantsShowing(`${day} 12:00:00`, iana)[0]
          if (noon !== undefined) expect(LocalTime.offsetOnDay(day, iana)).toBe(offsetAt(noon, iana) / minuteMs)
        }
      }),
      { numRuns: 50 }
    )
    expect(LocalTime.isClockChangeDay("2026-03-08", "America/New_York")).toBe(true)
    expect(LocalTime.isClockChangeDay("2026-03-09", "America/New_York")).toBe(false)
    expect(LocalTime.isClockChangeDay("2026-10-04", "Australia/Lord_Howe")).toBe(true)
    expect(LocalTime.isClockChangeDay("2026-03-08", "Asia/Kolkata")).toBe(false)
    expect(LocalTime.offsetOnDay("2026-07-01", "Australia/Adelaide")).toBe(570)
    expect(LocalTime.offsetOnDay("2026-01-01", "Pacific/Chatham")).toBe(825)
  })

  it("knows a zone by its IANA id, and nothing else", () => {
    for (const iana of [...named, "UTC"]) expect(LocalTime.isTimeZone(iana)).toBe(true)
    for (const other of ["Eastern", "", "Mars/Olympus_Mons", undefined, null, 5]) {
      expect(LocalTime.isTimeZone(other)).toBe(false)
    }
    expect(LocalTime.isClockChangeDay("2026-03-08", "Eastern")).toBe(false)
    expect(LocalTime.offsetOnDay("2026-03-08", "Eastern")).toBe(0)
    expect(() => LocalTime.localDateTime(0, "Eastern")).toThrow(RangeError)
  })
})
