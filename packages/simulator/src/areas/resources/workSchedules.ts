/**
 * A resource's work schedules: items (schedule, shift, extra_shift, working, extra_working,
 * non-working) with dates and a recurrence, and the calendar view computed from them (see
 * calendar.ts). POST checks the item as OFS does (a recurrence for every kind but `schedule`, a
 * known shift for shift items, a reason for non-working days) and answers all of the resource's
 * items, the new one last. Each resource's items are a collection of their own, keyed by scheduleItemId.
 */

import { noContent, ofsError, ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import type { Store } from "../../state/store.js"
import {
  absolute,
  asObject,
  badRequest,
  collections,
  daysBetween,
  freshId,
  invalidJson,
  isDate,
  isTime,
  jsonBody,
  notFound,
  workSchedulesOf,
  workSchedulesPattern
} from "../shared.js"
import { calendarDay, type ShiftKind } from "./calendar.js"

const recordTypes = ["schedule", "shift", "extra_shift", "working", "extra_working", "non-working"]
const recurrenceTypes = ["daily", "weekly", "yearly", "everyday"]
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
/** Longest calendar view answered, in days. */
const maxCalendarDays = 366

/** The work schedule items of one resource, oldest first. */
export const scheduleItemsOf = (store: Store, resourceId: string): ReadonlyArray<SimRecord> =>
  store.collection(workSchedulesOf(resourceId)).list()

/** A resource's calendar: what each day holds for its regular and on-call shifts. */
export const calendarOf = (
  store: Store,
  resourceId: string
): ((date: string) => Partial<Record<ShiftKind, SimRecord>>) => {
  const items = scheduleItemsOf(store, resourceId)
  const shifts = store.collection(collections.shifts)
  const shiftOf = (label: unknown) => (typeof label === "string" ? shifts.get(label) : undefined)
  return (date) => calendarDay(items, shiftOf, date)
}

/** True when any resource's work schedule uses a shift. */
export const shiftInUse = (store: Store, label: string): boolean =>
  store
    .names()
    .filter((name) => workSchedulesPattern.test(name))
    .flatMap((name) => store.collection(name).list())
    .some(
      (item) =>
        item.shiftLabel === label ||
        (Array.isArray(item.scheduleShifts) && item.scheduleShifts.some((s) => asObject(s)?.shiftLabel === label))
    )

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
const checkItem = (store: Store, body: SimRecord): SimRecord | string => {
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

/** An item as OFS answers it, with what its shift says (and, for a schedule, what each of its shifts says). */
const present = (store: Store, item: SimRecord): SimRecord => {
  if (item.recordType === "shift" || item.recordType === "extra_shift") {
    const shift = store.collection(collections.shifts).get(String(item.shiftLabel))
    return {
      ...item,
      isWorking: true,
      ...(shift !== undefined && {
        shiftType: shift.type,
        workTimeStart: String(shift.workTimeStart).slice(0, 5),
        workTimeEnd: String(shift.workTimeEnd).slice(0, 5)
      })
    }
  }
  if (item.recordType === "schedule" && Array.isArray(item.scheduleShifts)) {
    const shifts = item.scheduleShifts.map((s) => {
      const shift = asObject(s)
      return shift === undefined ? s : present(store, shift)
    })
    return { ...item, isWorking: true, scheduleShifts: shifts }
  }
  return { ...item, isWorking: item.recordType !== "non-working" }
}

/** A resource's work schedule items, their bulk update and the calendar view computed from them. */
export const workScheduleBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const items = (req: SimRequest) => store.collection(workSchedulesOf(req.params.resourceId ?? ""))
  const resourceOf = (req: SimRequest) => store.collection(collections.resources).get(req.params.resourceId ?? "")
  const unknownResource = (req: SimRequest) => notFound(`Resource '${req.params.resourceId}' not found`)
  const addItem = (resourceId: string, fields: SimRecord) => {
    const scheduleItemId = freshId(store, workSchedulesOf(resourceId), "scheduleItemId")
    store.collection(workSchedulesOf(resourceId)).put(scheduleItemId, { scheduleItemId, ...fields })
  }

  table.replace("core.resources.workSchedules.list", (req) => {
    if (resourceOf(req) === undefined) return unknownResource(req)
    const actualFor = req.query.get("actualForDate")
    if (actualFor !== null && !isDate(actualFor)) return badRequest("Wrong value of parameter 'actualForDate'.")
    const list = scheduleItemsOf(store, req.params.resourceId ?? "").filter(
      (item) => actualFor === null || typeof item.endDate !== "string" || item.endDate >= actualFor
    )
    return ok({ items: list.map((item) => present(store, item)) })
  })

  table.replace("core.resources.workSchedules.create", (req) => {
    if (resourceOf(req) === undefined) return unknownResource(req)
    const body = jsonBody(req)
    if (body === undefined) return invalidJson()
    const fields = checkItem(store, body)
    if (typeof fields === "string") return badRequest(fields)
    addItem(req.params.resourceId ?? "", fields)
    return ok({ items: scheduleItemsOf(store, req.params.resourceId ?? "").map((item) => present(store, item)) })
  })

  // the bulk form: items for many resources at once, each checked like a POST; failures are reported per resource
  table.replace("core.resources.bulkUpdateWorkSchedules", (req) => {
    if (!Array.isArray(req.body)) return invalidJson()
    const resources = store.collection(collections.resources)
    const results: Array<SimRecord> = []
    for (const value of req.body) {
      const entry = asObject(value) ?? {}
      const resource =
        typeof entry.resourceId === "string"
          ? resources.get(entry.resourceId)
          : resources
              .list()
              .find((r) => r.resourceInternalId !== undefined && r.resourceInternalId === entry.resourceInternalId)
      const list = Array.isArray(entry.workSchedules) ? entry.workSchedules : []
      const resourceId = String(resource?.resourceId ?? entry.resourceId ?? entry.resourceInternalId)
      const errors: Array<SimRecord> = []
      let updated = 0
      for (const item of list) {
        const fields =
          resource === undefined ? `Resource '${resourceId}' not found` : checkItem(store, asObject(item) ?? {})
        if (typeof fields === "string") {
          const status = resource === undefined ? 404 : 400
          errors.push(ofsError(status, fields).json as SimRecord)
        } else {
          addItem(resourceId, fields)
          updated++
        }
      }
      results.push({
        resourceId,
        itemsUpdated: updated,
        itemsFailed: errors.length,
        ...(errors.length > 0 && { errors })
      })
    }
    return ok({ resourcesUpdated: results.filter((r) => (r.itemsUpdated as number) > 0).length, results })
  })

  table.replace("core.resources.workSchedules.delete", (req) => {
    if (resourceOf(req) === undefined) return unknownResource(req)
    if (!items(req).delete(req.params.scheduleItemId ?? ""))
      return notFound(`Work schedule item '${req.params.scheduleItemId}' not found`)
    return noContent
  })

  table.replace("core.resources.workSchedules.calendarView", (req) => {
    if (resourceOf(req) === undefined) return unknownResource(req)
    const from = req.query.get("dateFrom")
    const to = req.query.get("dateTo")
    if (from === null) return badRequest("Parameter 'dateFrom' is absent.")
    if (to === null) return badRequest("Parameter 'dateTo' is absent.")
    if (!isDate(from)) return badRequest("Wrong value of parameter 'dateFrom'. The format is 'YYYY-MM-DD'.")
    if (!isDate(to)) return badRequest("Wrong value of parameter 'dateTo'. The format is 'YYYY-MM-DD'.")
    const span = daysBetween(from, to)
    if (span < 0) return badRequest("Parameter 'dateTo' is earlier than 'dateFrom'.")
    if (span >= maxCalendarDays)
      return badRequest(`The period from 'dateFrom' to 'dateTo' exceeds ${maxCalendarDays} days.`)
    const dayOf = calendarOf(store, req.params.resourceId ?? "")
    const view: Record<string, unknown> = {}
    const day = new Date(`${from}T00:00:00Z`)
    for (let i = 0; i <= span; i++) {
      const date = day.toISOString().slice(0, 10)
      view[date] = dayOf(date)
      day.setUTCDate(day.getUTCDate() + 1)
    }
    const self = `/rest/ofscCore/v1/resources/${encodeURIComponent(req.params.resourceId ?? "")}/workSchedules/calendarView`
    view.links = [
      { rel: "canonical", href: absolute(req, `${self}?dateFrom=${from}&dateTo=${to}`) },
      { rel: "describedby", href: absolute(req, "/rest/ofscCore/v1/metadata-catalog/resources") }
    ]
    return ok(view)
  })
  return table.behaviours
}
