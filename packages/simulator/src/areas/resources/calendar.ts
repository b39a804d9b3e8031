/**
 * How work schedule items become a resource's calendar. For each day and each kind of shift
 * (`regular`, `on-call`) the item that applies with the highest precedence wins:
 * extra_shift / extra_working, then non-working, then shift / working, then schedule; between equals
 * the newest item (highest scheduleItemId). Working days answer recordType `working` (or
 * `extra_working` for the extra kinds) with the work times; non-working days answer the reason.
 * A non-working item without `shiftType` takes the whole day off (both kinds). A `schedule` item
 * speaks through its `scheduleShifts`: each applies on the days its recurrence gives, within the
 * schedule's dates, and shows its shift's times with the schedule's and the shift's labels.
 */
import type { SimRecord } from "../../state/record.js"
import { daysBetween } from "../shared.js"

/** The kinds of shift a calendar day has. */
export type ShiftKind = "regular" | "on-call"

const weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

const precedence: Record<string, number> = {
  extra_shift: 3,
  extra_working: 3,
  "non-working": 2,
  shift: 1,
  working: 1,
  schedule: 0
}

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()

/** True when an item's dates and recurrence cover a day. */
export const appliesOn = (item: SimRecord, date: string): boolean => {
  const start = item.startDate as string
  if (date < start) return false
  if (typeof item.endDate === "string" && date > item.endDate) return false
  const recurrence = item.recurrence as SimRecord | undefined
  if (recurrence === undefined) return true
  const every = typeof recurrence.recurEvery === "number" ? recurrence.recurEvery : 1
  switch (recurrence.recurrenceType) {
    case "everyday":
      return true
    case "daily":
      return daysBetween(start, date) % every === 0
    case "weekly": {
      const days = Array.isArray(recurrence.weekdays) ? (recurrence.weekdays as ReadonlyArray<string>) : []
      const wanted = days.length > 0 ? days : [weekdayNames[weekday(start)]]
      if (!wanted.includes(weekdayNames[weekday(date)] as string)) return false
      // weeks counted from the Sunday that starts the item's first week
      const weeks = Math.floor((daysBetween(start, date) + weekday(start)) / 7)
      return weeks % every === 0
    }
    case "yearly": {
      const from = String(recurrence.dayFrom ?? start).slice(5)
      const to = String(recurrence.dayTo ?? recurrence.dayFrom ?? start).slice(5)
      const day = date.slice(5)
      const inside = from <= to ? day >= from && day <= to : day >= from || day <= to
      return inside && (Number(date.slice(0, 4)) - Number(start.slice(0, 4))) % every === 0
    }
    default:
      return false
  }
}

/** 'HH:MM' of a time written 'HH:MM' or 'HH:MM:SS'. */
const hhmm = (time: unknown): string | undefined => (typeof time === "string" ? time.slice(0, 5) : undefined)

/** The kinds of shift an item speaks for; shift items take their shift's type. */
export const kindsOf = (item: SimRecord, shift: SimRecord | undefined): ReadonlyArray<ShiftKind> => {
  if (item.recordType === "shift" || item.recordType === "extra_shift" || shift !== undefined)
    return [shift?.type === "on-call" ? "on-call" : "regular"]
  if (item.shiftType === "on-call") return ["on-call"]
  if (item.shiftType === "regular" || item.recordType !== "non-working") return ["regular"]
  return ["regular", "on-call"]
}

/** What the calendar shows for a day an item decides. */
export const calendarEntry = (item: SimRecord, shift: SimRecord | undefined): SimRecord => {
  const common = typeof item.comments === "string" ? { comments: item.comments } : {}
  if (item.recordType === "non-working")
    return { recordType: "non-working", nonWorkingReason: item.nonWorkingReason, ...common }
  const extra = item.recordType === "extra_shift" || item.recordType === "extra_working"
  const start = hhmm(shift?.workTimeStart ?? item.workTimeStart)
  const end = hhmm(shift?.workTimeEnd ?? item.workTimeEnd)
  const points = item.points ?? shift?.points
  return {
    recordType: extra ? "extra_working" : "working",
    ...(start !== undefined && { workTimeStart: start }),
    ...(end !== undefined && { workTimeEnd: end }),
    ...(typeof item.shiftLabel === "string" && { shiftLabel: item.shiftLabel }),
    ...(typeof item.scheduleLabel === "string" && { scheduleLabel: item.scheduleLabel }),
    ...(typeof points === "number" && { points }),
    ...common
  }
}

/**
 * The items a schedule item stands for on the calendar: one per shift of the schedule, with the
 * schedule's id, label and dates (a shift's own start date, if later, wins). Other items stand for themselves.
 */
const expanded = (item: SimRecord): ReadonlyArray<SimRecord> => {
  if (item.recordType !== "schedule" || !Array.isArray(item.scheduleShifts)) return [item]
  return item.scheduleShifts.flatMap((value): ReadonlyArray<SimRecord> => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return []
    const shift = value as SimRecord
    const ownStart = typeof shift.startDate === "string" && shift.startDate > String(item.startDate)
    return [
      {
        ...shift,
        recordType: "schedule",
        scheduleItemId: item.scheduleItemId,
        scheduleLabel: item.scheduleLabel,
        startDate: ownStart ? shift.startDate : item.startDate,
        endDate: item.endDate
      }
    ]
  })
}

/** One day of the calendar: the winning item of each kind, shown as calendar entries. */
export const calendarDay = (
  items: ReadonlyArray<SimRecord>,
  shiftOf: (label: unknown) => SimRecord | undefined,
  date: string
): Partial<Record<ShiftKind, SimRecord>> => {
  const winners: Partial<Record<ShiftKind, SimRecord>> = {}
  for (const item of items.flatMap(expanded)) {
    if (!appliesOn(item, date)) continue
    for (const kind of kindsOf(item, shiftOf(item.shiftLabel))) {
      const current = winners[kind]
      const rank = precedence[item.recordType as string] ?? 0
      const currentRank = current === undefined ? -1 : (precedence[current.recordType as string] ?? 0)
      const newer = current !== undefined && Number(item.scheduleItemId) > Number(current.scheduleItemId)
      if (rank > currentRank || (rank === currentRank && newer)) winners[kind] = item
    }
  }
  const day: Partial<Record<ShiftKind, SimRecord>> = {}
  for (const kind of ["regular", "on-call"] as const) {
    const item = winners[kind]
    if (item !== undefined) day[kind] = calendarEntry(item, shiftOf(item.shiftLabel))
  }
  return day
}
