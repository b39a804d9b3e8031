/**
 * What a work schedule item may be, as OFS checks a POST: its record type, a recurrence for every
 * kind but `schedule`, a known shift for shift items, a reason for non-working days.
 */
import type { SimRecord } from "../../state/record.js"
import type { Store } from "../../state/store.js"
import { asObject, collections, isDate, isTime } from "../shared.js"

const recordTypes = ["schedule", "shift", "extra_shift", "working", "extra_working", "non-working"]
const recurrenceTypes = ["daily", "weekly", "yearly", "everyday"]
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

const when = <A extends SimRecord>(condition: boolean, fields: A): A | Record<string, never> =>
  condition ? fields : {}

/** The recurrence a body describes, or the detail of the 400. */
const checkRecurrence = (value: unknown): SimRecord | string => {
  const recurrence = asObject(value)
  if (recurrence === undefined) return "Wrong value in field 'recurrence'."
  const type = recurrence.recurrenceType
  if (typeof type !== "string" || !recurrenceTypes.includes(type))
    return "Wrong value in field 'recurrence.recurrenceType'. Possible values are ['daily', 'weekly', 'yearly', 'everyday']."
  const every = recurrence.recurEvery ?? 1
  if (typeof every !== "number" || !Number.isInteger(every) || every < 1 || every > 255)
    return "Wrong value in field 'recurrence.recurEvery'. It must be an integer from 1 to 255."
  const days = recurrence.weekdays
  if (days !== undefined && (!Array.isArray(days) || days.some((d) => !weekdays.includes(d as string))))
    return "Wrong value in field 'recurrence.weekdays'. Possible values are ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']."
  if (type === "weekly" && (!Array.isArray(days) || days.length === 0))
    return "Field 'recurrence.weekdays' is absent. It is mandatory for a weekly recurrence."
  if (type === "yearly" && (!isDate(recurrence.dayFrom) || !isDate(recurrence.dayTo)))
    return "Fields 'recurrence.dayFrom' and 'recurrence.dayTo' are mandatory for a yearly recurrence."
  return {
    recurrenceType: type,
    recurEvery: every,
    ...when(Array.isArray(days), { weekdays: days }),
    ...when(type === "yearly", { dayFrom: recurrence.dayFrom, dayTo: recurrence.dayTo })
  }
}

/** The stored item a POST body describes, or the detail of the 400 OFS answers. */
export const checkItem = (store: Store, body: SimRecord): SimRecord | string => {
  const type = body.recordType
  if (type === undefined) return "Field 'recordType' is absent."
  if (typeof type !== "string" || !recordTypes.includes(type))
    return `Wrong value in field 'recordType'. Possible values are [${recordTypes.map((t) => `'${t}'`).join(", ")}].`
  if (body.startDate === undefined) return "Field 'startDate' is absent."
  if (!isDate(body.startDate)) return "Wrong value in field 'startDate'. The format is 'YYYY-MM-DD'."
  if (body.endDate !== undefined && body.endDate !== null) {
    if (!isDate(body.endDate)) return "Wrong value in field 'endDate'. The format is 'YYYY-MM-DD'."
    if (body.endDate < body.startDate) return "Field 'endDate' is earlier than 'startDate'."
  }
  let recurrence: SimRecord | undefined
  if (body.recurrence !== undefined && body.recurrence !== null) {
    const checked = checkRecurrence(body.recurrence)
    if (typeof checked === "string") return checked
    recurrence = checked
  } else if (type !== "schedule") return `Field 'recurrence' is absent. It is mandatory for record type '${type}'.`
  if (body.shiftType !== undefined && body.shiftType !== "regular" && body.shiftType !== "on-call")
    return "Wrong value in field 'shiftType'. Possible values are ['regular', 'on-call']."
  if (body.points !== undefined && typeof body.points !== "number") return "Wrong value in field 'points'."
  if (body.comments !== undefined && typeof body.comments !== "string") return "Wrong value in field 'comments'."

  if (type === "shift" || type === "extra_shift") {
    if (typeof body.shiftLabel !== "string")
      return `Field 'shiftLabel' is absent. It is mandatory for record type '${type}'.`
    if (store.collection(collections.shifts).get(body.shiftLabel) === undefined)
      return `Wrong value in field 'shiftLabel': shift '${body.shiftLabel}' does not exist.`
  }
  if (type === "schedule" && typeof body.scheduleLabel !== "string")
    return "Field 'scheduleLabel' is absent. It is mandatory for record type 'schedule'."
  if (type === "non-working") {
    if (typeof body.nonWorkingReason !== "string")
      return "Field 'nonWorkingReason' is absent. It is mandatory for record type 'non-working'."
    const reasons = store.collection(collections.nonWorkingReasons)
    if (reasons.size > 0 && reasons.get(body.nonWorkingReason) === undefined)
      return `Wrong value in field 'nonWorkingReason': reason '${body.nonWorkingReason}' does not exist.`
  }
  if (type === "working" || type === "extra_working") {
    for (const field of ["workTimeStart", "workTimeEnd"] as const) {
      if (body[field] === undefined) return `Field '${field}' is absent. It is mandatory for record type '${type}'.`
      if (!isTime(body[field])) return `Wrong value in field '${field}'. The format is 'HH:MM'.`
    }
  }
  const kept = ["startDate", "endDate", "comments", "points", "shiftType", "nonWorkingReason", "scheduleShifts"]
  const fields: SimRecord = { recordType: type }
  for (const key of kept) if (body[key] !== undefined && body[key] !== null) fields[key] = body[key]
  if (recurrence !== undefined) fields.recurrence = recurrence
  if (type === "shift" || type === "extra_shift") fields.shiftLabel = body.shiftLabel
  if (type === "schedule") fields.scheduleLabel = body.scheduleLabel
  if (type === "working" || type === "extra_working" || (type === "schedule" && isTime(body.workTimeStart))) {
    fields.workTimeStart = body.workTimeStart
    fields.workTimeEnd = body.workTimeEnd
  }
  return fields
}
