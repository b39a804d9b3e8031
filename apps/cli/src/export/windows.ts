/** Date ranges cut into windows OFS accepts: GET activities takes at most 31 days per query. */

const dayMs = 86_400_000

/** The longest range, in days counting both ends, that one GET activities may ask for. */
export const maxWindowDays = 31

/** A range of dates, both ends included (`YYYY-MM-DD`). */
export interface DateWindow {
  readonly dateFrom: string
  readonly dateTo: string
}

const parse = (date: string): number | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const time = Date.parse(`${date}T00:00:00Z`)
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date ? undefined : time
}

const format = (time: number) => new Date(time).toISOString().slice(0, 10)

/** Days from `from` to `to`, both included; undefined when a date is not a real `YYYY-MM-DD`. */
export const daysBetween = (from: string, to: string): number | undefined => {
  const start = parse(from)
  const end = parse(to)
  return start === undefined || end === undefined ? undefined : Math.round((end - start) / dayMs) + 1
}

/** Cuts `[from, to]` into consecutive windows of at most `size` days; none when `to` is before `from`. */
export const dateWindows = (from: string, to: string, size: number = maxWindowDays): ReadonlyArray<DateWindow> => {
  const start = parse(from)
  const end = parse(to)
  if (start === undefined || end === undefined) return []
  const windows: Array<DateWindow> = []
  for (let at = start; at <= end; at += size * dayMs) {
    windows.push({ dateFrom: format(at), dateTo: format(Math.min(end, at + (size - 1) * dayMs)) })
  }
  return windows
}
