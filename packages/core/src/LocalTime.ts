/**
 * Wall-clock times in IANA time zones ('YYYY-MM-DD HH:MM:SS', as OFS writes activity times: on the
 * clock of the activity's resource, with no offset) and the UTC instants they stand for, on
 * `Intl.DateTimeFormat` alone.
 *
 * A wall-clock time is not always one instant. The rule, as `java.time`, Temporal's "compatible"
 * and most databases apply it:
 * - in a gap (spring forward: 2026-03-08 02:30 in New York never happens) the time is read with the
 *   offset from before the gap, which lands as far past the gap's end (03:30 EDT): shifted forward
 *   by the gap;
 * - in an overlap (fall back: 2026-11-01 01:30 in New York happens twice) the earlier instant wins
 *   (01:30 EDT, not 01:30 EST).
 */

const dayMs = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone (building them is the slow part); undefined for a zone Intl does not know. */
const formatterOf = (iana: string): Intl.DateTimeFormat | undefined => {
  // Intl reads an absent zone as the machine's own: only a string names a zone
  if (typeof iana !== "string") return undefined
  const cached = formatters.get(iana)
  if (cached !== undefined) return cached
  try {
    const made = new Intl.DateTimeFormat("en-US", {
      timeZone: iana,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    })
    formatters.set(iana, made)
    return made
  } catch {
    return undefined
  }
}

/** The formatter of a zone, or the RangeError Intl throws for a zone it does not know. */
const knownFormatterOf = (iana: string): Intl.DateTimeFormat => {
  const format = formatterOf(iana)
  if (format === undefined) throw new RangeError(`Invalid time zone specified: ${String(iana)}`)
  return format
}

/** Epoch ms of a UTC date and time; `Date.UTC` alone reads the years 0-99 as 1900-1999. */
const utcMs = (y: number, mo: number, d: number, h: number, mi: number, s: number): number => {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s)
  const at = new Date(0)
  at.setUTCFullYear(y, mo - 1, d)
  at.setUTCHours(h, mi, s, 0)
  return at.getTime()
}

/** The wall clock of an instant in a zone as Intl writes it, read as if it were UTC (epoch ms, whole seconds). */
const partsWallMsAt = (epochMs: number, format: Intl.DateTimeFormat): number => {
  const f: Record<string, number> = {}
  for (const part of format.formatToParts(epochMs)) {
    if (part.type !== "literal") f[part.type] = Number(part.value)
  }
  return utcMs(f.year ?? 0, f.month ?? 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0)
}

const hourMs = 3_600_000

/**
 * A zone's offsets by UTC hour, for the hours it does not change within (all but the hours of a
 * clock change): `formatToParts` takes microseconds, and one zoned instant reads four offsets.
 */
const hourOffsets = new WeakMap<Intl.DateTimeFormat, Map<number, number>>()

/** Hours kept per zone (over two years, about a MB) before its cache starts again. */
const maxCachedHours = 20_000

/** The zone's offset at an instant in ms (local minus UTC), to the second as Intl knows it. */
const offsetMsAt = (epochMs: number, format: Intl.DateTimeFormat): number => {
  const whole = Math.floor(epochMs / 1000) * 1000
  const hour = Math.floor(whole / hourMs)
  let hours = hourOffsets.get(format)
  if (hours === undefined) {
    hours = new Map()
    hourOffsets.set(format, hours)
  }
  const cached = hours.get(hour)
  if (cached !== undefined) return cached
  const start = hour * hourMs
  const last = start + hourMs - 1000
  const atStart = partsWallMsAt(start, format) - start
  // the same offset at the hour's first and last second: no change within it (zones change at most
  // once in months)
  if (atStart === partsWallMsAt(last, format) - last) {
    if (hours.size >= maxCachedHours) hours.clear()
    hours.set(hour, atStart)
    return atStart
  }
  return partsWallMsAt(whole, format) - whole
}

/** The wall clock of an instant in a zone, read as if it were UTC (epoch ms, whole seconds). */
const wallMsAt = (epochMs: number, format: Intl.DateTimeFormat): number => {
  const whole = Math.floor(epochMs / 1000) * 1000
  return whole + offsetMsAt(whole, format)
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/** A local 'YYYY-MM-DD HH:MM[:SS]' read as if it were UTC, in epoch ms; undefined unless a real date and time. */
const wallMsOf = (local: string): number | undefined => {
  const m = typeof local === "string" ? localPattern.exec(local) : null
  if (m === null) return undefined
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number]
  const s = m[6] === undefined ? 0 : Number(m[6])
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined
  const wall = utcMs(y, mo, d, h, mi, s)
  // a day past the month's end (2026-02-30) would roll into the next month: not a date
  return new Date(wall).getUTCDate() === d ? wall : undefined
}

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** 'YYYY-MM-DD HH:MM:SS' of a UTC epoch ms. */
const formatWall = (wall: number): string => {
  const at = new Date(wall)
  return `${String(at.getUTCFullYear()).padStart(4, "0")}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())} ${pad2(at.getUTCHours())}:${pad2(at.getUTCMinutes())}:${pad2(at.getUTCSeconds())}`
}

/**
 * Whether Intl knows a time zone by this name (an IANA id such as "America/New_York", or "UTC").
 *
 * @example
 * isTimeZone("Europe/London") // true
 * isTimeZone("Eastern") // false: OFS's display name, not an IANA id
 */
export const isTimeZone = (value: unknown): value is string =>
  typeof value === "string" && formatterOf(value) !== undefined

/**
 * The instant's wall clock in a zone, 'YYYY-MM-DD HH:MM:SS' (milliseconds truncated); throws Intl's
 * RangeError for a zone it does not know (see {@link isTimeZone}).
 *
 * @example
 * localDateTime(Date.UTC(2026, 0, 15, 17, 0), "America/New_York") // "2026-01-15 12:00:00"
 */
export const localDateTime = (epochMs: number, iana: string): string =>
  formatWall(wallMsAt(Math.floor(epochMs / 1000) * 1000, knownFormatterOf(iana)))

/**
 * The zone's offset from UTC at an instant in minutes, local minus UTC (New York in winter: -300);
 * throws Intl's RangeError for a zone it does not know (see {@link isTimeZone}).
 */
export const offsetMinutes = (epochMs: number, iana: string): number =>
  Math.round(offsetMsAt(epochMs, knownFormatterOf(iana)) / 60_000)

/** A wall-clock time read in a zone: its UTC instant and whether it fell in a DST gap or overlap. */
export interface ZonedInstant {
  /** The UTC instant, epoch ms. */
  readonly epochMs: number
  /** "gap": the time never happened and was shifted forward by the gap; "overlap": it happened twice, this is the earlier. */
  readonly fold: "gap" | "overlap" | undefined
}

/**
 * The UTC instant of a wall-clock time 'YYYY-MM-DD HH:MM[:SS]' in a zone, by the module's rule for
 * gaps and overlaps, and which of them applied; undefined (never an exception) for text that is not
 * a real date and time or a zone Intl does not know.
 *
 * @example
 * zonedInstant("2026-03-08 02:30:00", "America/New_York") // { epochMs: Date.UTC(2026, 2, 8, 7, 30), fold: "gap" } (03:30 EDT)
 * zonedInstant("2026-11-01 01:30:00", "America/New_York") // { epochMs: Date.UTC(2026, 10, 1, 5, 30), fold: "overlap" } (01:30 EDT)
 */
export const zonedInstant = (local: string, iana: string): ZonedInstant | undefined => {
  const wall = wallMsOf(local)
  const format = formatterOf(iana)
  if (wall === undefined || format === undefined) return undefined
  // a zone's offset changes at most once within a day either side of the wall time (Temporal reads
  // zones the same way): the instant, if there is one, is the wall time less one of these offsets
  const before = offsetMsAt(wall - dayMs, format)
  const after = offsetMsAt(wall + dayMs, format)
  const readBefore = wall - before
  const readAfter = wall - after
  const shows = (at: number): boolean => wallMsAt(at, format) === wall
  const first = shows(readBefore)
  const second = before !== after && shows(readAfter)
  if (first && second) return { epochMs: Math.min(readBefore, readAfter), fold: "overlap" }
  if (first) return { epochMs: readBefore, fold: undefined }
  if (second) return { epochMs: readAfter, fold: undefined }
  // none shows it: a gap, and the offset from before it moves the time forward past it
  return { epochMs: readBefore, fold: "gap" }
}

/**
 * The UTC instant (epoch ms) of a wall-clock time in a zone: {@link zonedInstant} without saying
 * whether it fell in a gap or an overlap; undefined for malformed text or an unknown zone.
 *
 * @example
 * utcOfLocal("2026-01-15 12:00:00", "America/New_York") // Date.UTC(2026, 0, 15, 17, 0)
 */
export const utcOfLocal = (local: string, iana: string): number | undefined => zonedInstant(local, iana)?.epochMs

/** The zone's offset in minutes at local noon of a day ('YYYY-MM-DD'): the offset OFS gives an activity of that day; 0 when either is unknown. */
export const offsetOnDay = (date: string, iana: string): number => {
  const noon = utcOfLocal(`${date} 12:00:00`, iana)
  return noon === undefined ? 0 : offsetMinutes(noon, iana)
}

/** Whether a zone's clocks change on a local day ('YYYY-MM-DD'; the day is not 24 hours long); false when either is unknown. */
export const isClockChangeDay = (date: string, iana: string): boolean => {
  const dayStart = wallMsOf(`${date} 00:00:00`)
  const format = formatterOf(iana)
  if (dayStart === undefined || format === undefined) return false
  // the local day lies within 14 hours before and 38 after the UTC day's start, whatever the offset:
  // the same offset at both ends means no change between (the cheap test, true of most days)
  if (offsetMsAt(dayStart - 14 * 3_600_000, format) === offsetMsAt(dayStart + 38 * 3_600_000, format)) return false
  const start = utcOfLocal(formatWall(dayStart), iana)
  const end = utcOfLocal(formatWall(dayStart + dayMs), iana)
  return start !== undefined && end !== undefined && end - start !== dayMs
}
