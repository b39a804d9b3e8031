/**
 * Booking statuses: a PATCH sends `{ date, area, statuses: [{ category, state }] }` per area and
 * day; the GET answers each status as `{ category, bookingStatus: { state } }`. Kept in
 * `bookingStatuses`, one record per area and day, merged status by status.
 */

import type { PlanHandler } from "../../engine/collections.js"
import { isRecord, itemsOf } from "../../engine/records.js"
import type { SimRecord } from "../../state/record.js"

const statusKey = (s: SimRecord) => JSON.stringify([s.category, s.workZone, s.timeFrom, s.timeTo])

/** PATCH bookingStatuses. */
export const updateBookingStatuses: PlanHandler = (engine, plan, call) => {
  const stored = engine.store.collection("bookingStatuses")
  let changed = 0
  for (const item of itemsOf(call.body) ?? []) {
    const key = JSON.stringify([item.date, item.area])
    const byStatus = new Map<string, SimRecord>()
    const current = stored.get(key)
    for (const s of Array.isArray(current?.statuses) ? current.statuses.filter(isRecord) : [])
      byStatus.set(statusKey(s), s)
    for (const sent of Array.isArray(item.statuses) ? item.statuses.filter(isRecord) : []) {
      const { state, ...where } = sent
      byStatus.set(statusKey(where), { ...where, bookingStatus: { state } })
      changed++
    }
    stored.put(key, { date: item.date, area: item.area, statuses: [...byStatus.values()] })
  }
  return engine.sampler.withRequest(
    (name) => (/^updated/.test(name) ? changed : undefined),
    () => engine.sampleAnswer(plan)
  )
}
