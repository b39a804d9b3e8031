/**
 * GPS positions of resources: setPositions stores each position in the resource's position history
 * (`resources/<id>/positionHistory`, keyed by time, with its `date` for the history's date filter);
 * the last known positions, the resources within a radius of a point, and where-is-my-tech read it.
 */

import type { PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { limitRule, pageWindow } from "../../engine/limits.js"
import { isRecord, itemsOf } from "../../engine/records.js"
import type { SimRecord } from "../../state/record.js"

const historyOf = (resourceId: string) => `resources/${resourceId}/positionHistory`

/** 'YYYY-MM-DD' of an ISO time (`2026-11-01T08:00:00+0000`) or a Unix time in seconds. */
const dateOf = (time: unknown): string =>
  typeof time === "number" ? new Date(time * 1000).toISOString().slice(0, 10) : String(time).slice(0, 10)

/** The latest position of a resource; `tracked` is the set of collection names (read once per request). */
const lastPosition = (engine: Engine, tracked: ReadonlySet<string>, resourceId: string): SimRecord | undefined => {
  if (!tracked.has(historyOf(resourceId))) return undefined
  const history = engine.store.collection(historyOf(resourceId)).list()
  return history.reduce<SimRecord | undefined>(
    (latest, p) => (latest === undefined || String(p.time) >= String(latest.time) ? p : latest),
    undefined
  )
}

/** POST resources/custom-actions/setPositions. */
export const setPositions: PlanHandler = (engine, plan, call) => {
  const resources = engine.store.collection("resources")
  const errors: Array<SimRecord> = []
  let processed = 0
  itemsOf(call.body)?.forEach((item, itemIndex) => {
    const resourceId = String(item.resourceId)
    if (resources.get(resourceId) === undefined) {
      errors.push({ itemIndex, message: `Resource '${resourceId}' not found` })
      return
    }
    engine.store.collection(historyOf(resourceId)).put(String(item.time), { ...item, date: dateOf(item.time) })
    processed++
  })
  return engine.answer(plan, { itemsProcessed: processed, itemsFailed: errors.length, errors })
}

/** GET resources/custom-actions/lastKnownPositions: the latest position of each asked resource. */
export const lastKnownPositions: PlanHandler = (engine, plan, call) => {
  const asked = Array.isArray(call.query.resources)
    ? call.query.resources.map(String)
    : engine.store
        .collection("resources")
        .list()
        .map((r) => String(r.resourceId))
  const tracked = new Set(engine.store.names())
  const items = asked.flatMap((resourceId) => {
    const last = lastPosition(engine, tracked, resourceId)
    return last === undefined ? [] : [{ ...last, resourceId }]
  })
  const { offset, limit } = pageWindow(call.request.query, limitRule(plan.op.id))
  const page = items.slice(offset, offset + limit)
  return engine.answer(plan, {
    items: page,
    totalResults: items.length,
    offset,
    hasMore: offset + page.length < items.length
  })
}

const metresBetween = (lat1: number, lng1: number, lat2: number, lng2: number): number => {
  const rad = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a))
}

/** GET resources/custom-actions/resourcesInArea: resources last seen within `radius` metres of a point. */
export const resourcesInArea: PlanHandler = (engine, plan, call) => {
  const lat = Number(call.query.lat)
  const lng = Number(call.query.lng)
  const radius = typeof call.query.radius === "number" ? call.query.radius : 1000
  const tracked = new Set(engine.store.names())
  const items = engine.store
    .collection("resources")
    .list()
    .flatMap((resource) => {
      const last = lastPosition(engine, tracked, String(resource.resourceId))
      if (last === undefined) return []
      const distance = metresBetween(lat, lng, Number(last.lat), Number(last.lng))
      return distance <= radius ? [{ ...resource, lat: last.lat, lng: last.lng, distance: Math.round(distance) }] : []
    })
  const { offset, limit } = pageWindow(call.request.query, limitRule(plan.op.id))
  return engine.answer(plan, { items: items.slice(offset, offset + limit), totalResults: items.length })
}

const trackedStatus: Readonly<Record<string, string>> = {
  pending: "assigned",
  enroute: "onTheWay",
  started: "started",
  suspended: "started",
  completed: "completed",
  cancelled: "cancelled",
  notdone: "notdone"
}

/** GET whereIsMyTech?activityId=: the activity's state as its customer sees it, and its technician. */
export const whereIsMyTech: PlanHandler = (engine, plan, call) => {
  const activityId = String(call.query.activityId)
  const activity = engine.store.collection("activities").get(activityId)
  if (activity === undefined) return engine.notFound("activities", activityId)
  const resource = engine.store.collection("resources").get(String(activity.resourceId))
  const assigned = resource !== undefined && resource.resourceType !== "BK"
  const last = assigned ? lastPosition(engine, new Set(engine.store.names()), String(resource.resourceId)) : undefined
  return engine.answer(plan, {
    status: assigned ? (trackedStatus[String(activity.status)] ?? "assigned") : "notAssigned",
    activityDetails: activity,
    ...(assigned && isRecord(resource) ? { resourceDetails: { name: resource.name } } : {}),
    ...(last === undefined ? {} : { resourceLocation: { latitude: last.lat, longitude: last.lng, time: last.time } })
  })
}
