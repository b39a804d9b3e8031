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
  jsonBody,
  notFound,
  workSchedulesOf,
  workSchedulesPattern
} from "../shared.js"
import { calendarDay, type ShiftKind } from "./calendar.js"
import { checkItem } from "./workScheduleItems.js"

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
