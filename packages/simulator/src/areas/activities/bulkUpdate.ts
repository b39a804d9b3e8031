/**
 * activities/bulkUpdate finds each activity by the key the caller names (`activityId`, or
 * `apptNumber` plus optionally date and resource), updating it or creating it; either way it carries
 * the zone of its resource (`resourceTimeZone*`).
 */

import type { PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { isRecord } from "../../engine/records.js"
import { createDefaults } from "../../engine/views.js"
import type { SimRecord } from "../../state/record.js"
import { withResourceZone } from "../localTime.js"

const finalStatuses = new Set(["completed", "cancelled", "notdone"])

/** The activity a bulk item names, by the fields `identifyActivityBy` lists (`apptNumberPlusDate`, ...). */
const findActivity = (engine: Engine, item: SimRecord, identifyBy: string): SimRecord | undefined => {
  const activities = engine.store.collection("activities")
  if (identifyBy === "activityId")
    return item.activityId === undefined ? undefined : activities.get(String(item.activityId))
  if (item.apptNumber === undefined) return undefined
  const fields = [
    "apptNumber",
    ...(identifyBy.includes("Date") ? ["date"] : []),
    ...(identifyBy.includes("Resource") ? ["resourceId"] : [])
  ]
  return activities.list().find((a) => fields.every((f) => a[f] === item[f]))
}

/** POST activities/custom-actions/bulkUpdate. */
export const bulkUpdateActivities: PlanHandler = (engine, plan, call) => {
  const body = isRecord(call.body) ? call.body : {}
  const parameters = isRecord(body.updateParameters) ? body.updateParameters : {}
  const identifyBy = typeof parameters.identifyActivityBy === "string" ? parameters.identifyActivityBy : "apptNumber"
  const activities = engine.store.collection("activities")
  const results = (Array.isArray(body.activities) ? body.activities.filter(isRecord) : []).map((item) => {
    const existing = findActivity(engine, item, identifyBy)
    if (existing !== undefined) {
      if (finalStatuses.has(String(existing.status)) && parameters.ifInFinalStatusThen === "doNothing") {
        return {
          operationsPerformed: [],
          activityKeys: { activityId: existing.activityId, apptNumber: existing.apptNumber }
        }
      }
      activities.patch(String(existing.activityId), withResourceZone(engine.store, existing, item))
      return {
        operationsPerformed: ["updated"],
        activityKeys: { activityId: existing.activityId, apptNumber: item.apptNumber }
      }
    }
    const activityId = engine.nextId("activities", activities, "activityId")
    activities.put(String(activityId), {
      ...createDefaults.activities,
      ...withResourceZone(engine.store, undefined, item),
      activityId
    })
    return { operationsPerformed: ["created"], activityKeys: { activityId, apptNumber: item.apptNumber } }
  })
  return engine.answer(plan, { results })
}
