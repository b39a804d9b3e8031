/** Dates and numbers as the seed writes them. */
import { isClockChangeDay, offsetMinutes } from "./timeZones.js"

/** 'YYYY-MM-DD' of `start` plus `days`. */
export const addDays = (start: string, days: number): string => {
  const d = new Date(`${start}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** `n` in decimal, zero-padded to `width` digits. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** The wall-clock 'YYYY-MM-DD HH:MM:SS' `minutes` after `time` ('HH:MM') on `date`, with no zone involved. */
export const wallClockAfter = (date: string, time: string, minutes: number): string => {
  // plain arithmetic: the seed writes hundreds of thousands of these
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes
  const inDay = ((total % 1440) + 1440) % 1440
  const day = total === inDay ? date : addDays(date, Math.floor(total / 1440))
  return `${day} ${pad(Math.floor(inDay / 60), 2)}:${pad(inDay % 60, 2)}:00`
}

const changeDays = new Map<string, ReadonlyArray<string> | undefined>()

/**
 * The day before, the day of and the day after the zone's clock change nearest to `date` (within
 * 200 days either side; the earlier one on a tie), or undefined for a zone whose clocks do not change.
 */
export const daysAroundClockChange = (iana: string, date: string): ReadonlyArray<string> | undefined => {
  const key = `${iana} ${date}`
  if (changeDays.has(key)) return changeDays.get(key)
  let found: ReadonlyArray<string> | undefined
  // a zone with one offset all year round (Kolkata) is told by a monthly look, not a daily scan
  const noon = Date.parse(`${date}T12:00:00Z`)
  const monthly = Array.from({ length: 15 }, (_, k) => offsetMinutes(noon + (k - 7) * 30 * 86_400_000, iana))
  if (monthly.every((offset) => offset === monthly[0])) {
    changeDays.set(key, undefined)
    return undefined
  }
  for (let distance = 0; distance <= 200 && found === undefined; distance++) {
    for (const day of distance === 0 ? [date] : [addDays(date, -distance), addDays(date, distance)]) {
      if (found === undefined && isClockChangeDay(day, iana)) found = [addDays(day, -1), day, addDays(day, 1)]
    }
  }
  changeDays.set(key, found)
  return found
}
