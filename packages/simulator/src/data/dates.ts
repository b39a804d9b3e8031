/** Dates and numbers as the seed writes them. */
import { isClockChangeDay } from "./timeZones.js"

/** 'YYYY-MM-DD' of `start` plus `days`. */
export const addDays = (start: string, days: number): string => {
  const d = new Date(`${start}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** `n` in decimal, zero-padded to `width` digits. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** The wall-clock 'YYYY-MM-DD HH:MM:SS' `minutes` after `time` ('HH:MM') on `date`, with no zone involved. */
export const wallClockAfter = (date: string, time: string, minutes: number): string =>
  new Date(Date.parse(`${date}T${time}:00Z`) + minutes * 60_000).toISOString().slice(0, 19).replace("T", " ")

const changeDays = new Map<string, ReadonlyArray<string> | undefined>()

/**
 * The day before, the day of and the day after the zone's clock change nearest to `date` (within
 * 200 days either side; the earlier one on a tie), or undefined for a zone whose clocks do not change.
 */
export const daysAroundClockChange = (iana: string, date: string): ReadonlyArray<string> | undefined => {
  const key = `${iana} ${date}`
  if (changeDays.has(key)) return changeDays.get(key)
  let found: ReadonlyArray<string> | undefined
  for (let distance = 0; distance <= 200 && found === undefined; distance++) {
    for (const day of distance === 0 ? [date] : [addDays(date, -distance), addDays(date, distance)]) {
      if (found === undefined && isClockChangeDay(day, iana)) found = [addDays(day, -1), day, addDays(day, 1)]
    }
  }
  changeDays.set(key, found)
  return found
}
