/**
 * The activity status lifecycle, driven by the custom actions on
 * `/rest/ofscCore/v1/activities/{activityId}/custom-actions/<action>`, with the status rules the
 * spec states for each action (allowed from → result; the event the events area publishes for it):
 *
 * - enroute: pending → enroute; activityTravelStarted
 * - stopTravel: enroute → pending; activityTravelStopped
 * - start: pending, enroute → started, `startTime` set; activityStarted
 * - complete: started → completed, `endTime` set; activityCompleted
 * - notDone: started → notdone, `endTime` set; activityNotDone
 * - cancel: pending, enroute → cancelled; activityCanceled
 * - delay: started → `duration` grows by `delayMinutes`, or to end at `delayUntilTime`; activityDelayed
 * - suspend: started → back to pending (start cleared), and a copy in status suspended keeps the
 *   visit's start and end; activitySuspended, then activityCreated for the copy. A pending activity
 *   stays as it is (activitySuspended only).
 * - startPrework: pending → a new started activity, recordType `prework`, with the body's
 *   `properties`; the activity itself stays pending; activityPreworkCreated
 * - reopen: completed, cancelled, notdone → a new pending activity, recordType `reopened`;
 *   reopening again answers the same one; activityReopened
 * - move: pending → new resource and/or date (or only a new position), 204; activityMoved
 *
 * `time` in a body is 'YYYY-MM-DD HH:MM:SS' and defaults to the simulator clock's now on the wall
 * clock of the activity's resource (OFS writes activity times in the resource's time zone); a move
 * to another resource or date sets `resourceTimeZone*` to the new resource's zone on that date. Any other transition answers 409
 * with a detail naming the current status; an unknown activity 404. Route activation, past dates and
 * working days are not checked: the seeded data would otherwise be out of reach once its dates pass.
 */

import { noContent, ok, type SimResponse } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import type { Store } from "../../state/store.js"
import { resourceNow, withResourceZone } from "../localTime.js"
import { asObject, badRequest, collections, freshId, invalidJson, isDate, jsonBody, notFound } from "../shared.js"
import { isAnswer, timeOf, transitions, wrongStatus } from "./transitions.js"

/** Where a reopened activity is remembered: original activity id → the reopened copy's id. */
const reopenedCollection = "reopenedActivities"

/** Fields that belong to one visit and are not carried over to a copy of the activity. */
const visitFields = ["activityId", "status", "startTime", "endTime", "timeDeliveredStart", "timeDeliveredEnd"]

/** An activity without the fields of one visit (status, start and end). */
const withoutVisit = (activity: SimRecord): SimRecord => {
  const rest: SimRecord = {}
  for (const [key, value] of Object.entries(activity)) if (!visitFields.includes(key)) rest[key] = value
  return rest
}

/** Stores a copy of an activity under a new id, with the fields given. */
const copyOf = (store: Store, activity: SimRecord, fields: SimRecord): SimRecord => {
  const activityId = freshId(store, collections.activities, "activityId")
  const created = { activityId, ...withoutVisit(activity), ...fields }
  store.collection(collections.activities).put(activityId, created)
  return created
}

/** The lifecycle custom actions of an activity. */
export const lifecycleBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const activities = () => store.collection(collections.activities)
  const find = (req: SimRequest): SimRecord | SimResponse =>
    activities().get(req.params.activityId ?? "") ?? notFound(`Activity '${req.params.activityId}' not found`)
  /** The activity a call names and its JSON body (absent reads as empty unless `required`), or the 404 / 400. */
  const activityAndBody = (
    req: SimRequest,
    required = false
  ): { readonly activity: SimRecord; readonly body: SimRecord } | SimResponse => {
    const activity = find(req)
    if (isAnswer(activity)) return activity
    const body = jsonBody(req, !required)
    return body === undefined ? invalidJson() : { activity, body }
  }

  for (const [action, transition] of Object.entries(transitions)) {
    table.replace(`core.activities.${action}`, (req) => {
      const checked = activityAndBody(req)
      if (isAnswer(checked)) return checked
      const { activity, body } = checked
      if (!transition.from.includes(String(activity.status))) return wrongStatus(activity, action, transition.from)
      const changes = transition.apply(activity, body, resourceNow(store, activity.resourceId))
      if (isAnswer(changes)) return changes
      const updated = activities().patch(activity.activityId as number, changes) ?? activity
      return ok(updated)
    })
  }

  table.replace("core.activities.suspend", (req) => {
    const checked = activityAndBody(req)
    if (isAnswer(checked)) return checked
    const { activity, body } = checked
    const from = ["started", "pending"]
    if (!from.includes(String(activity.status))) return wrongStatus(activity, "suspend", from)
    if (activity.status === "pending") return ok(activity)
    const time = timeOf(body, resourceNow(store, activity.resourceId))
    if (isAnswer(time)) return time
    // the activity goes back to the queue; a suspended copy keeps the record of the visit so far
    const id = activity.activityId as number
    const pending = { activityId: id, ...withoutVisit(activity), status: "pending" }
    activities().put(id, pending)
    copyOf(store, activity, {
      status: "suspended",
      ...(activity.startTime !== undefined && { startTime: activity.startTime }),
      endTime: time
    })
    return ok(pending)
  })

  table.replace("core.activities.startPrework", (req) => {
    const checked = activityAndBody(req)
    if (isAnswer(checked)) return checked
    const { activity, body } = checked
    if (activity.status !== "pending") return wrongStatus(activity, "startPrework", ["pending"])
    const time = timeOf(body, resourceNow(store, activity.resourceId))
    if (isAnswer(time)) return time
    const prework = copyOf(store, activity, {
      ...asObject(body.properties),
      status: "started",
      recordType: "prework",
      startTime: time
    })
    return ok(prework)
  })

  table.replace("core.activities.reopen", (req) => {
    const activity = find(req)
    if (isAnswer(activity)) return activity
    if (req.body !== undefined && asObject(req.body) === undefined) return invalidJson()
    const from = ["completed", "cancelled", "notdone"]
    if (!from.includes(String(activity.status))) return wrongStatus(activity, "reopen", from)
    const reopened = store.collection(reopenedCollection)
    const earlier = reopened.get(activity.activityId as number)
    const existing = earlier === undefined ? undefined : activities().get(earlier.reopenedActivityId as number)
    if (existing !== undefined) return ok(existing)
    const copy = copyOf(store, activity, { status: "pending", recordType: "reopened" })
    reopened.put(activity.activityId as number, { reopenedActivityId: copy.activityId })
    return ok(copy)
  })

  table.replace("core.activities.move", (req) => {
    const checked = activityAndBody(req, true)
    if (isAnswer(checked)) return checked
    const { activity, body } = checked
    if (activity.status !== "pending") return wrongStatus(activity, "move", ["pending"])
    const toDate = asObject(body.setDate)?.date
    const toResource = asObject(body.setResource)?.resourceId
    const position = asObject(body.setPositionInRoute)
    if (toDate === undefined && toResource === undefined && position === undefined)
      return badRequest("At least one of 'setDate', 'setResource' or 'setPositionInRoute' is required.")
    if (toDate !== undefined && !isDate(toDate)) return badRequest("Wrong value in field 'setDate.date'.")
    const resources = store.collection(collections.resources)
    const source = resources.get(String(activity.resourceId))
    const target = toResource === undefined ? source : resources.get(String(toResource))
    if (toResource !== undefined) {
      if (target === undefined)
        return badRequest(`Wrong value in field 'setResource.resourceId': resource '${toResource}' does not exist.`)
      if (target.status === "inactive")
        return badRequest(`Wrong value in field 'setResource.resourceId': resource '${toResource}' is inactive.`)
    }
    const changes: SimRecord = {
      ...(toResource !== undefined && { resourceId: toResource }),
      ...(toDate !== undefined && { date: toDate })
    }
    activities().patch(activity.activityId as number, withResourceZone(store, activity, changes))
    return noContent
  })
  return table.behaviours
}
