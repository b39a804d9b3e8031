/**
 * Activities beyond plain CRUD: a new activity must name a resource and an activity type that
 * exist (OFS refuses it otherwise), it and an update carry the zone of their resource
 * (`resourceTimeZone*`), and the nearby-activities search of a resource.
 */
import { ofsError } from "../../engine/answers.js"
import { create, type PlanHandler, patch } from "../../engine/collections.js"
import { isRecord } from "../../engine/records.js"
import { resourceNow, resourceZoneFields, withResourceZone } from "../localTime.js"

/** POST activities: 400 naming the field when the resource or activity type is unknown, else created. */
export const createActivity: PlanHandler = (engine, plan, call) => {
  const body = isRecord(call.body) ? call.body : {}
  if (
    body.resourceId !== undefined &&
    engine.store.collection("resources").get(String(body.resourceId)) === undefined
  ) {
    return ofsError(400, `resourceId: resource '${String(body.resourceId)}' does not exist`)
  }
  if (
    body.activityType !== undefined &&
    engine.store.collection("activityTypes").get(String(body.activityType)) === undefined
  ) {
    return ofsError(400, `activityType: activity type '${String(body.activityType)}' does not exist`)
  }
  if (body.resourceId === undefined) return create(engine, plan, call)
  const zone = resourceZoneFields(engine.store, body.resourceId, body.date)
  // the customer's zone is the resource's unless the caller names one
  const customerZone = { timeZone: zone.resourceTimeZone, timeZoneIANA: zone.resourceTimeZoneIANA }
  return create(engine, plan, { ...call, body: { ...(body.timeZone === undefined && customerZone), ...body, ...zone } })
}

/** PATCH activities/{activityId}: merged; a new resource or date brings its `resourceTimeZone*`. */
export const updateActivity: PlanHandler = (engine, plan, call) => {
  if (!isRecord(call.body)) return patch(engine, plan, call)
  const before = engine.store.collection("activities").get(call.params.activityId ?? "")
  return patch(engine, plan, { ...call, body: withResourceZone(engine.store, before, call.body) })
}

/** Squared distance in degrees, with longitude scaled by latitude: enough to rank nearby points. */
const distance = (lat: number, lon: number, a: { latitude: number; longitude: number }): number => {
  const dx = (a.longitude - lon) * Math.cos((lat * Math.PI) / 180)
  const dy = a.latitude - lat
  return dx * dx + dy * dy
}

/**
 * GET resources/{resourceId}/findNearbyActivities: today's pending (or unscheduled) activities with
 * coordinates, nearest to the given point first, at most `limit` (10 by default).
 */
export const findNearbyActivities: PlanHandler = (engine, plan, call) => {
  const resourceId = call.params.resourceId ?? ""
  if (engine.store.collection("resources").get(resourceId) === undefined) return engine.notFound("Resource", resourceId)
  const latitude = typeof call.query.latitude === "number" ? call.query.latitude : 0
  const longitude = typeof call.query.longitude === "number" ? call.query.longitude : 0
  const limit = typeof call.query.limit === "number" ? call.query.limit : 10
  // the resource's own calendar day
  const today = resourceNow(engine.store, resourceId).slice(0, 10)
  const candidates: Array<{ record: Record<string, unknown>; d: number }> = []
  for (const record of engine.store.collection("activities").list()) {
    if (record.status !== "pending") continue
    if (record.date !== undefined && record.date !== today) continue
    if (typeof record.latitude !== "number" || typeof record.longitude !== "number") continue
    candidates.push({
      record,
      d: distance(latitude, longitude, record as { latitude: number; longitude: number })
    })
  }
  candidates.sort((a, b) => a.d - b.d)
  return engine.answer(plan, { items: candidates.slice(0, limit).map((c) => c.record) })
}
