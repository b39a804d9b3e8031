/**
 * The time columns of the mirror's `activities` rows: OFS's local times as it sent them, and the UTC
 * instant each stands for, so that rows of resources in different zones compare and sort.
 *
 * Zone rule: an activity's times are read in
 * 1. its own `resourceTimeZoneIANA`, when Intl knows that zone: OFS wrote the activity's times in it,
 *    and it follows the activity when it moves to another resource;
 * 2. else `resourceZone`, the zone of the activity's resource as the mirror holds it;
 * 3. else `defaultZone` (the organisation's).
 * The first of them Intl knows is `time_zone`; when none is, `time_zone` and every UTC column are null.
 *
 * A wall time in a DST gap is shifted forward by the gap, one in an overlap is its earlier instant
 * (`LocalTime.zonedInstant`), and `time_flag` names each field where that happened. The service and
 * delivery windows are times of day ('HH:MM:SS') on the activity's `date`; a window that ends before it
 * starts (22:00 to 02:00) ends on the next day. Text that is not a date or time gives null, never an error.
 */
import { LocalTime } from "@ofsc/core"

/** The time columns of an activity row. */
export interface ActivityTimeColumns {
  /** The IANA zone the activity's local times are in. */
  readonly time_zone: string | null
  /** As OFS sent it ('YYYY-MM-DD HH:MM:SS'). */
  readonly start_time_local: string | null
  /** ISO 8601 UTC, 'YYYY-MM-DDTHH:MM:SS.000Z'. */
  readonly start_time_utc: string | null
  readonly end_time_local: string | null
  readonly end_time_utc: string | null
  /** `date` + `serviceWindowStart` ('HH:MM:SS') on the activity's date, in UTC. */
  readonly service_window_start_utc: string | null
  readonly service_window_end_utc: string | null
  readonly delivery_window_start_utc: string | null
  readonly delivery_window_end_utc: string | null
  readonly sla_window_start_local: string | null
  readonly sla_window_start_utc: string | null
  readonly sla_window_end_local: string | null
  readonly sla_window_end_utc: string | null
  /** Null, or which fields fell in a gap or an overlap: "start_time:gap,sla_window_end:overlap". */
  readonly time_flag: string | null
}

/** A local time's UTC column and, when it fell in a gap or an overlap, the flag for it. */
interface Reading {
  readonly utc: string | null
  readonly flag: string | undefined
}

const none: Reading = { utc: null, flag: undefined }

/** The first zone Intl knows, by the zone rule. */
const zoneOf = (
  activity: Readonly<Record<string, unknown>>,
  resourceZone: string | undefined,
  defaultZone: string
): string | null => [activity.resourceTimeZoneIANA, resourceZone, defaultZone].find(LocalTime.isTimeZone) ?? null

/** A field's value when it is text, else null. */
const text = (value: unknown): string | null => (typeof value === "string" ? value : null)

/** A local 'YYYY-MM-DD HH:MM[:SS]' read in the zone, flagged with the column's name if it fell in a fold. */
const read = (column: string, local: string | null, zone: string | null): Reading => {
  const instant = local === null || zone === null ? undefined : LocalTime.zonedInstant(local, zone)
  if (instant === undefined) return none
  return {
    utc: new Date(instant.epochMs).toISOString(),
    flag: instant.fold === undefined ? undefined : `${column}:${instant.fold}`
  }
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const timeOfDayPattern = /^\d{2}:\d{2}(?::\d{2})?$/

/** A time of day 'HH:MM[:SS]' as 'HH:MM:SS' (so that two compare as text), else null. */
const timeOfDay = (time: string | null): string | null =>
  time === null || !timeOfDayPattern.test(time) ? null : time.length === 5 ? `${time}:00` : time

/** A real day 'YYYY-MM-DD' as epoch ms of its start in UTC, else undefined (2026-02-30 is no day). */
const dayStart = (date: string | null): number | undefined => {
  const at = date !== null && datePattern.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(date as string) ? at : undefined
}

/** A window of times of day on the activity's date, read in the zone; it ends on the next day when it ends before it starts. */
const readWindow = (
  name: string,
  date: string | null,
  start: string | null,
  end: string | null,
  zone: string | null
): readonly [Reading, Reading] => {
  const day = dayStart(date)
  if (date === null || day === undefined) return [none, none]
  const [from, to] = [timeOfDay(start), timeOfDay(end)]
  const endDay =
    from !== null && to !== null && to < from ? new Date(day + 86_400_000).toISOString().slice(0, 10) : date
  return [
    read(`${name}_start`, from === null ? null : `${date} ${from}`, zone),
    read(`${name}_end`, to === null ? null : `${endDay} ${to}`, zone)
  ]
}

/**
 * Projects an activity as `GET /activities/{id}` answers it onto the time columns of its row, by the
 * zone rule of this module.
 *
 * @example
 * activityTimeColumns({ startTime: "2026-03-08 02:30:00", resourceTimeZoneIANA: "America/New_York" }, undefined, "UTC")
 * // start_time_utc "2026-03-08T07:30:00.000Z" (03:30 EDT, past the gap), time_flag "start_time:gap"
 */
export const activityTimeColumns = (
  activity: Readonly<Record<string, unknown>>,
  resourceZone: string | undefined,
  defaultZone: string
): ActivityTimeColumns => {
  const zone = zoneOf(activity, resourceZone, defaultZone)
  const date = text(activity.date)
  const local = {
    start: text(activity.startTime),
    end: text(activity.endTime),
    slaStart: text(activity.slaWindowStart),
    slaEnd: text(activity.slaWindowEnd)
  }
  const start = read("start_time", local.start, zone)
  const end = read("end_time", local.end, zone)
  const [serviceStart, serviceEnd] = readWindow(
    "service_window",
    date,
    text(activity.serviceWindowStart),
    text(activity.serviceWindowEnd),
    zone
  )
  const [deliveryStart, deliveryEnd] = readWindow(
    "delivery_window",
    date,
    text(activity.deliveryWindowStart),
    text(activity.deliveryWindowEnd),
    zone
  )
  const slaStart = read("sla_window_start", local.slaStart, zone)
  const slaEnd = read("sla_window_end", local.slaEnd, zone)
  const flags = [start, end, serviceStart, serviceEnd, deliveryStart, deliveryEnd, slaStart, slaEnd].flatMap((r) =>
    r.flag === undefined ? [] : [r.flag]
  )
  return {
    time_zone: zone,
    start_time_local: local.start,
    start_time_utc: start.utc,
    end_time_local: local.end,
    end_time_utc: end.utc,
    service_window_start_utc: serviceStart.utc,
    service_window_end_utc: serviceEnd.utc,
    delivery_window_start_utc: deliveryStart.utc,
    delivery_window_end_utc: deliveryEnd.utc,
    sla_window_start_local: local.slaStart,
    sla_window_start_utc: slaStart.utc,
    sla_window_end_local: local.slaEnd,
    sla_window_end_utc: slaEnd.utc,
    time_flag: flags.length === 0 ? null : flags.join(",")
  }
}
