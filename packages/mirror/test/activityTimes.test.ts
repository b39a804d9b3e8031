/**
 * An activity's time columns: each UTC column is the instant Intl shows the activity's local time at,
 * in the zone the rule picks (the earlier of two in an overlap, past the gap in a gap, flagged), and
 * text that is not a time gives null columns, never an error.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ActivityTimeColumns, activityTimeColumns } from "../src/time/activityTimes.js"

const minuteMs = 60_000
const dayMs = 86_400_000

/** Days the clocks change on, in zones with a DST of an hour, of 30 minutes (Lord Howe) and at 45-minute offsets (Chatham). */
const changeDays: ReadonlyArray<readonly [string, string]> = [
  ["America/New_York", "2026-03-08"],
  ["America/New_York", "2026-11-01"],
  ["Europe/London", "2026-03-29"],
  ["Europe/London", "2026-10-25"],
  ["Australia/Adelaide", "2026-10-04"],
  ["Australia/Adelaide", "2026-04-05"],
  ["Australia/Lord_Howe", "2026-10-04"],
  ["Australia/Lord_Howe", "2026-04-05"],
  ["Pacific/Chatham", "2026-09-27"],
  ["Pacific/Chatham", "2026-04-05"],
  ["America/Sao_Paulo", "2018-11-04"],
  ["America/Sao_Paulo", "2019-02-16"]
]
const zones = fc.constantFrom(
  "Asia/Kolkata",
  ...changeDays.map(([zone]) => zone),
  ...Intl.supportedValuesOf("timeZone")
)
const anyDay = fc
  .integer({ min: Date.UTC(1990, 0, 1) / dayMs, max: Date.UTC(2040, 11, 31) / dayMs })
  .map((day) => new Date(day * dayMs).toISOString().slice(0, 10))
/** A zone and a day in it: often one its clocks change on. */
const zoneDays = fc.oneof(fc.constantFrom(...changeDays), fc.tuple(zones, anyDay))

const pad2 = (n: number): string => String(n).padStart(2, "0")
/** A time of day, 'HH:MM:SS' or 'HH:MM' (as OFS may write it), most often in the early hours clocks change in. */
const timesOfDay = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 5 * 3600 - 1 }), fc.integer({ min: 0, max: 86_399 })), fc.boolean())
  .map(([second, withSeconds]) => {
    const time = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}`
    return withSeconds ? `${time}:${pad2(second % 60)}` : time
  })

const swedish = new Map<string, Intl.DateTimeFormat>()
/** The wall clock of an instant as Intl writes it for Sweden: 'YYYY-MM-DD HH:MM:SS'. */
const wallClock = (at: number, zone: string): string => {
  let format = swedish.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, dateStyle: "short", timeStyle: "medium" })
    swedish.set(zone, format)
  }
  return format.format(at)
}

/**
 * What Intl says of a local time in a zone: the instants it shows it at (offsets since 1990 are whole
 * quarter hours within ±16 hours), the earlier of two, or, when none, the time read with the offset
 * of the day before (the offset from before the gap).
 */
const intlReading = (local: string, zone: string): { readonly utc: string; readonly fold?: "gap" | "overlap" } => {
  const wall = local.length === 16 ? `${local}:00` : local
  const asUtc = Date.parse(`${wall.replace(" ", "T")}Z`)
  const shown: Array<number> = []
  for (let quarter = 64; quarter >= -64; quarter--) {
    const at = asUtc - quarter * 15 * minuteMs
    if (wallClock(at, zone) === wall) shown.push(at)
  }
  const first = shown[0]
  if (first !== undefined) {
    return shown.length === 1
      ? { utc: new Date(first).toISOString() }
      : { utc: new Date(first).toISOString(), fold: "overlap" }
  }
  const dayBefore = asUtc - dayMs
  const offsetBefore = Date.parse(`${wallClock(dayBefore, zone).replace(" ", "T")}Z`) - dayBefore
  return { utc: new Date(asUtc - offsetBefore).toISOString(), fold: "gap" }
}

/** Whether Intl takes this as a time zone. */
const intlKnows = (zone: unknown): zone is string => {
  if (typeof zone !== "string") return false
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10)
const withSeconds = (time: string): string => (time.length === 5 ? `${time}:00` : time)

/** An activity as OFS answers it, with every time on one day of one zone (a window's end may be on the next). */
const activities = zoneDays.chain(([zone, date]) =>
  fc
    .record({
      startTime: timesOfDay,
      endTime: timesOfDay,
      serviceWindowStart: timesOfDay,
      serviceWindowEnd: timesOfDay,
      deliveryWindowStart: timesOfDay,
      deliveryWindowEnd: timesOfDay,
      slaWindowStart: timesOfDay,
      slaWindowEnd: timesOfDay
    })
    .map((times) => ({
      zone,
      activity: {
        activityId: 4_000_001,
        date,
        resourceTimeZone: "Some zone",
        resourceTimeZoneIANA: zone,
        ...times,
        startTime: `${date} ${times.startTime}`,
        endTime: `${date} ${times.endTime}`,
        slaWindowStart: `${date} ${times.slaWindowStart}`,
        slaWindowEnd: `${date} ${times.slaWindowEnd}`
      }
    }))
)

/** The UTC columns and the flags Intl's readings of an activity's local times give, in the zone. */
const expectedColumns = (
  activity: Readonly<Record<string, string | number>>,
  zone: string
): Partial<ActivityTimeColumns> => {
  const date = activity.date as string
  /** A window's local start and end: on the activity's date, the end on the next day when before the start. */
  const window = (start: string, end: string): readonly [string, string] => [
    `${date} ${start}`,
    `${withSeconds(end) < withSeconds(start) ? nextDay(date) : date} ${end}`
  ]
  const [serviceStart, serviceEnd] = window(activity.serviceWindowStart as string, activity.serviceWindowEnd as string)
  const [deliveryStart, deliveryEnd] = window(
    activity.deliveryWindowStart as string,
    activity.deliveryWindowEnd as string
  )
  const readings = [
    ["start_time", activity.startTime as string],
    ["end_time", activity.endTime as string],
    ["service_window_start", serviceStart],
    ["service_window_end", serviceEnd],
    ["delivery_window_start", deliveryStart],
    ["delivery_window_end", deliveryEnd],
    ["sla_window_start", activity.slaWindowStart as string],
    ["sla_window_end", activity.slaWindowEnd as string]
  ].map(([column, local]) => [column as string, intlReading(local as string, zone)] as const)
  const flags = readings.flatMap(([column, r]) => (r.fold === undefined ? [] : [`${column}:${r.fold}`]))
  return {
    time_zone: zone,
    ...Object.fromEntries(readings.map(([column, r]) => [`${column}_utc`, r.utc])),
    time_flag: flags.length === 0 ? null : flags.join(",")
  }
}

const utcColumns = [
  "start_time_utc",
  "end_time_utc",
  "service_window_start_utc",
  "service_window_end_utc",
  "delivery_window_start_utc",
  "delivery_window_end_utc",
  "sla_window_start_utc",
  "sla_window_end_utc"
] as const

describe("activityTimeColumns", () => {
  it("each UTC column is the instant Intl shows the local time at; gaps and overlaps are read by the rule and flagged", () => {
    fc.assert(
      fc.property(activities, ({ zone, activity }) => {
        const columns = activityTimeColumns(activity, "Europe/Berlin", "UTC")
        expect(columns).toEqual({
          ...expectedColumns(activity, zone),
          start_time_local: activity.startTime,
          end_time_local: activity.endTime,
          sla_window_start_local: activity.slaWindowStart,
          sla_window_end_local: activity.slaWindowEnd
        })
        for (const column of utcColumns) expect(columns[column]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/)
      }),
      { numRuns: 300 }
    )
  })

  it("reads New York's gap and overlap of 2026 by the rule, and says so", () => {
    const columns = activityTimeColumns(
      {
        date: "2026-03-08",
        resourceTimeZoneIANA: "America/New_York",
        startTime: "2026-03-08 02:30:00",
        endTime: "2026-03-08 03:30:00",
        serviceWindowStart: "22:00:00",
        serviceWindowEnd: "02:00:00",
        slaWindowEnd: "2026-11-01 01:30"
      },
      undefined,
      "UTC"
    )
    expect(columns).toEqual({
      time_zone: "America/New_York",
      start_time_local: "2026-03-08 02:30:00",
      start_time_utc: "2026-03-08T07:30:00.000Z",
      end_time_local: "2026-03-08 03:30:00",
      end_time_utc: "2026-03-08T07:30:00.000Z",
      service_window_start_utc: "2026-03-09T02:00:00.000Z",
      service_window_end_utc: "2026-03-09T06:00:00.000Z",
      delivery_window_start_utc: null,
      delivery_window_end_utc: null,
      sla_window_start_local: null,
      sla_window_start_utc: null,
      sla_window_end_local: "2026-11-01 01:30",
      sla_window_end_utc: "2026-11-01T05:30:00.000Z",
      time_flag: "start_time:gap,sla_window_end:overlap"
    })
  })

  it("reads the times in the activity's own resourceTimeZoneIANA, else the resource's zone, else the default", () => {
    const known = fc.constantFrom("Asia/Kolkata", "Australia/Adelaide", "America/Chicago", "Pacific/Chatham", "UTC")
    const unknown = fc.constantFrom("Eastern", "", "Mars/Olympus_Mons", "(UTC+05:30) Kolkata")
    fc.assert(
      fc.property(
        fc.option(fc.oneof(known, unknown, fc.integer()), { nil: undefined }),
        fc.option(fc.oneof(known, unknown), { nil: undefined }),
        fc.oneof(known, unknown),
        anyDay,
        timesOfDay,
        (own, resourceZone, defaultZone, date, time) => {
          const activity = { date, startTime: `${date} ${time}`, resourceTimeZoneIANA: own }
          const zone = [own, resourceZone, defaultZone].find(intlKnows)
          const columns = activityTimeColumns(activity, resourceZone, defaultZone)
          expect(columns.time_zone).toBe(zone ?? null)
          expect(columns.start_time_local).toBe(activity.startTime)
          expect(columns.start_time_utc).toBe(zone === undefined ? null : intlReading(activity.startTime, zone).utc)
        }
      ),
      { numRuns: 200 }
    )
    // an activity moved to a resource in Adelaide: its own zone wins over the one the mirror holds
    const moved = { startTime: "2026-01-15 09:00:00", resourceTimeZoneIANA: "Australia/Adelaide" }
    expect(activityTimeColumns(moved, "America/New_York", "UTC").start_time_utc).toBe("2026-01-14T22:30:00.000Z")
  })

  it("text that is not a date or a time gives null UTC columns, whatever else the activity holds", () => {
    const malformed = {
      date: "2026-03-08",
      resourceTimeZoneIANA: "America/New_York",
      startTime: "2026-02-30 10:00:00",
      endTime: "2026-03-08",
      serviceWindowStart: "25:00:00",
      serviceWindowEnd: "10:00 am",
      deliveryWindowStart: 900,
      deliveryWindowEnd: null,
      slaWindowStart: "soon",
      slaWindowEnd: { at: "2026-03-08 10:00:00" }
    }
    const columns = activityTimeColumns(malformed, undefined, "UTC")
    for (const column of utcColumns) expect(columns[column]).toBeNull()
    expect(columns).toMatchObject({
      time_zone: "America/New_York",
      start_time_local: "2026-02-30 10:00:00",
      end_time_local: "2026-03-08",
      sla_window_start_local: "soon",
      sla_window_end_local: null,
      time_flag: null
    })
    // windows are times of the activity's date: none without one
    const undated = activityTimeColumns(
      { serviceWindowStart: "08:00:00", serviceWindowEnd: "12:00:00", date: "tomorrow" },
      "UTC",
      "UTC"
    )
    expect([undated.service_window_start_utc, undated.service_window_end_utc]).toEqual([null, null])
    for (const date of ["2026-02-30", "2026-13-45"]) {
      const overnight = activityTimeColumns(
        { date, serviceWindowStart: "22:00", serviceWindowEnd: "02:00" },
        "UTC",
        "UTC"
      )
      expect([overnight.service_window_start_utc, overnight.service_window_end_utc]).toEqual([null, null])
    }

    // text shaped like a date or a time, of digits that may make none (2026-13-45, 27:99)
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
    const looksLikeTime = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map((p) => p.join("-")),
      fc.tuple(digits(2), digits(2), digits(2)).map((p) => p.join(":")),
      fc
        .tuple(digits(4), digits(2), digits(2), digits(2), digits(2))
        .map(([y, mo, d, h, mi]) => `${y}-${mo}-${d} ${h}:${mi}`)
    )
    const wallTime = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            "date",
            "startTime",
            "endTime",
            "serviceWindowStart",
            "serviceWindowEnd",
            "deliveryWindowStart",
            "deliveryWindowEnd",
            "slaWindowStart",
            "resourceTimeZoneIANA"
          ),
          fc.oneof(fc.string(), fc.jsonValue(), looksLikeTime)
        ),
        (activity) => {
          const columns = activityTimeColumns(activity, undefined, "UTC")
          const startTime = typeof activity.startTime === "string" ? activity.startTime : null
          expect(columns.start_time_local).toBe(startTime)
          if (startTime === null || !wallTime.test(startTime)) expect(columns.start_time_utc).toBeNull()
          const slaStart = typeof activity.slaWindowStart === "string" ? activity.slaWindowStart : null
          if (slaStart === null || !wallTime.test(slaStart)) expect(columns.sla_window_start_utc).toBeNull()
        }
      )
    )
  })
})
