/**
 * The key a record is stored under. Collection keeps no list of its keys, so every write and every
 * delete computes it the same way from the record: its id field, a linked activity's other activity
 * and link type, or, for records without an id (plans, statistics, quotas), their text fields.
 */
import type { SimRecord } from "../state/record.js"
import { templateOf } from "./paths.js"
import type { OpPlan } from "./plan.js"

const linkedActivities = "activities/{activityId}/linkedActivities"

/** A key for an item without an id field: its text and flag fields, sorted. */
export const naturalKey = (item: SimRecord): string =>
  JSON.stringify(
    Object.entries(item)
      .filter(([, v]) => typeof v === "string" || typeof v === "boolean")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )

/** The key of a linked activity: the other activity and the link type. */
export const linkKey = (activityId: string, link: SimRecord): string => {
  const other = String(link.toActivityId) === activityId ? link.fromActivityId : link.toActivityId
  return `${String(other)}/${String(link.linkType)}`
}

/** Whether a plan's collection is an activity's linked activities (keyed by other activity and type). */
export const isLinkedActivities = (plan: OpPlan): boolean => templateOf(plan.collection) === linkedActivities

/** The key of a record in a plan's collection. */
export const recordKey = (plan: OpPlan, params: Readonly<Record<string, string>>, record: SimRecord): string => {
  if (isLinkedActivities(plan)) return linkKey(params.activityId ?? "", record)
  const field = plan.idField
  return field !== undefined && record[field] !== undefined && record[field] !== null
    ? String(record[field])
    : naturalKey(record)
}
