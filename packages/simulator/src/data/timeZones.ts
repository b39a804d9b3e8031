/**
 * The time zones of the seeded organisation. The conversions between a UTC instant and a zone's wall
 * clock ('YYYY-MM-DD HH:MM:SS', as OFS writes activity times) are @ofsc/core's `LocalTime`.
 *
 * OFS answers a zone by its own display name (`timeZone`) beside the IANA id (`timeZoneIANA`); the
 * spec has no list of names, only "Eastern" as an example, and real tenants answer names such as
 * "(UTC-04:00) Santiago - Chile Time (CLT)". So the US zones keep OFS's short legacy names
 * ("Eastern", "Central", "Pacific") and the others follow the "(UTC±hh:mm) City - Zone name (ABBR)"
 * pattern, with the zone's standard (winter) offset in the name, as OFS does.
 */
import { LocalTime } from "@ofsc/core"

/** A zone as OFS names it, with its IANA id. */
export interface SimTimeZone {
  /** OFS's display name (`timeZone`, `resourceTimeZone`). */
  readonly name: string
  /** The IANA id (`timeZoneIANA`, `resourceTimeZoneIANA`). */
  readonly iana: string
}

/** The zones the seed spreads resources over; the first is the organisation's own (Eastern). */
export const seedTimeZones: ReadonlyArray<SimTimeZone> = [
  { name: "Eastern", iana: "America/New_York" },
  { name: "Central", iana: "America/Chicago" },
  { name: "Pacific", iana: "America/Los_Angeles" },
  { name: "(UTC+00:00) London - Greenwich Mean Time (GMT)", iana: "Europe/London" },
  { name: "(UTC+05:30) Kolkata - India Standard Time (IST)", iana: "Asia/Kolkata" },
  { name: "(UTC+09:30) Adelaide - Australian Central Standard Time (ACST)", iana: "Australia/Adelaide" }
]

/** The organisation's zone: the root, the region bucket and whatever names no zone. */
export const defaultTimeZone: SimTimeZone = seedTimeZones[0] as SimTimeZone

/** The seeded zone an OFS name or an IANA id names, if any. */
export const timeZoneNamed = (nameOrIana: unknown): SimTimeZone | undefined =>
  seedTimeZones.find((z) => z.name === nameOrIana || z.iana === nameOrIana)

// the conversions are @ofsc/core's (LocalTime), kept under their names here for the simulator's modules
/** The instant's wall clock in a zone, 'YYYY-MM-DD HH:MM:SS' (LocalTime.localDateTime). */
export const localDateTime = LocalTime.localDateTime
/** The zone's offset from UTC at an instant, in minutes (LocalTime.offsetMinutes). */
export const offsetMinutes = LocalTime.offsetMinutes
/** The UTC instant of a wall-clock time in a zone, a gap shifted forward, an overlap's earlier instant (LocalTime.utcOfLocal). */
export const utcOfLocal = LocalTime.utcOfLocal
/** The zone's offset at local noon of a day: the offset OFS gives an activity of that day (LocalTime.offsetOnDay). */
export const offsetOnDay = LocalTime.offsetOnDay
/** Whether a zone's clocks change on a local day (LocalTime.isClockChangeDay). */
export const isClockChangeDay = LocalTime.isClockChangeDay
