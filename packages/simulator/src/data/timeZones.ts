/**
 * The time zones of the seeded organisation, and conversions between a UTC instant and a zone's
 * wall clock ('YYYY-MM-DD HH:MM:SS', as OFS writes activity times), on `Intl.DateTimeFormat` alone.
 *
 * OFS answers a zone by its own display name (`timeZone`) beside the IANA id (`timeZoneIANA`); the
 * spec has no list of names, only "Eastern" as an example, and real tenants answer names such as
 * "(UTC-04:00) Santiago - Chile Time (CLT)". So the US zones keep OFS's short legacy names
 * ("Eastern", "Central", "Pacific") and the others follow the "(UTC±hh:mm) City - Zone name (ABBR)"
 * pattern, with the zone's standard (winter) offset in the name, as OFS does.
 */

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

const formatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: building them is the slow part. */
const formatterOf = (iana: string): Intl.DateTimeFormat => {
  let f = formatters.get(iana)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: iana,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    })
    formatters.set(iana, f)
  }
  return f
}

/** The wall-clock fields of an instant in a zone. */
const fieldsAt = (epochMs: number, iana: string): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const part of formatterOf(iana).formatToParts(epochMs)) {
    if (part.type !== "literal") out[part.type] = Number(part.value)
  }
  return out
}

const pad2 = (n: number | undefined): string => String(n ?? 0).padStart(2, "0")

/** The instant's wall clock in a zone, 'YYYY-MM-DD HH:MM:SS' (seconds truncated from milliseconds). */
export const localDateTime = (epochMs: number, iana: string): string => {
  const f = fieldsAt(epochMs, iana)
  return `${String(f.year).padStart(4, "0")}-${pad2(f.month)}-${pad2(f.day)} ${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}`
}

/** The zone's offset from UTC at an instant, in minutes (local minus UTC: New York in winter is -300). */
export const offsetMinutes = (epochMs: number, iana: string): number => {
  const whole = Math.floor(epochMs / 1000) * 1000
  const f = fieldsAt(whole, iana)
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0)
  return Math.round((asUtc - whole) / 60_000)
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/** A local 'YYYY-MM-DD HH:MM[:SS]' read as if it were UTC, in epoch ms; undefined when malformed. */
const wallAsUtc = (local: string): number | undefined => {
  const m = localPattern.exec(local)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s)
}

/**
 * The UTC instant (epoch ms) of a wall-clock time in a zone; undefined when the text is not
 * 'YYYY-MM-DD HH:MM[:SS]'. The rule where the wall clock is not one instant:
 * - in a gap (spring forward: 2026-03-08 02:30 in New York never happens), the time is read with the
 *   offset from before the gap, which lands just as far past the gap's end (03:30 EDT): it is shifted
 *   forward by the gap, as `java.time`, Temporal's "compatible" and most databases do;
 * - in an overlap (fall back: 2026-11-01 01:30 in New York happens twice), the earlier instant wins
 *   (01:30 EDT, not 01:30 EST).
 */
export const utcOfLocal = (local: string, iana: string): number | undefined => {
  const wall = wallAsUtc(local)
  if (wall === undefined) return undefined
  // a zone's offset changes at most once within a day either side: try the offsets around the wall time
  const before = offsetMinutes(wall - 86_400_000, iana)
  const after = offsetMinutes(wall + 86_400_000, iana)
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((at) => localDateTime(at, iana) === localDateTime(wall, "UTC"))
    .sort((a, b) => a - b)
  // none matches in a gap: the offset before it moves the time forward past the gap
  return candidates[0] ?? wall - before * 60_000
}

/** The zone's offset at noon (local) of a day: the offset OFS gives an activity of that day. */
export const offsetOnDay = (date: string, iana: string): number => {
  const noon = utcOfLocal(`${date} 12:00:00`, iana)
  return noon === undefined ? 0 : offsetMinutes(noon, iana)
}

/** Whether a zone's clocks change on a local day (the day is not 24 hours long). */
export const isClockChangeDay = (date: string, iana: string): boolean => {
  // the local day lies within 14 hours before and 38 after the UTC day's start, whatever the offset:
  // the same offset at both ends means no change between (the cheap test, true of most days)
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  if (offsetMinutes(utcMidnight - 14 * 3_600_000, iana) === offsetMinutes(utcMidnight + 38 * 3_600_000, iana))
    return false
  const start = utcOfLocal(`${date} 00:00:00`, iana)
  const next = wallAsUtc(`${date} 00:00:00`)
  if (start === undefined || next === undefined) return false
  const end = utcOfLocal(localDateTime(next + 86_400_000, "UTC"), iana)
  return end !== undefined && end - start !== 86_400_000
}
