/**
 * The event records mutations leave in the store's log, shaped as the events API delivers them:
 * `user` plus the details of the object and, where something changed, the changes.
 */
import type { SimRecord } from "../../state/record.js"
import type { Store } from "../../state/store.js"

const activityKeys = ["activityId", "resourceId", "date", "apptNumber", "activityType", "status", "recordType"]

/** The `activityDetails` of an activity event: the fields that identify the activity. */
export const activityDetails = (activity: SimRecord): SimRecord => {
  const details: SimRecord = {}
  for (const key of activityKeys) if (activity[key] !== undefined) details[key] = activity[key]
  return details
}

/**
 * Logs an activity event: who, which activity, and what changed. The spec requires `resourceId` and
 * `activityType` in every `activityChanges`, so they are always there.
 */
export const emitActivityEvent = (
  store: Store,
  eventType: string,
  user: string,
  activity: SimRecord,
  changes?: SimRecord,
  extra?: SimRecord
): void => {
  store.emit(eventType, {
    user,
    activityDetails: activityDetails(activity),
    ...(changes !== undefined && {
      activityChanges: { resourceId: activity.resourceId, activityType: activity.activityType, ...changes }
    }),
    ...extra
  })
}
