/**
 * A resource's route for a day: its activities (a view on the activity index) plus the activation
 * and deactivation times that `custom-actions/activate` and `deactivate` record in the route's
 * document (`documents` → `resources/<id>/routes/<date>`).
 */

import type { PlanHandler } from "../../engine/collections.js"
import { documentsCollection } from "../../engine/engine.js"
import { list } from "../../engine/lists.js"
import { isRecord } from "../../engine/records.js"
import type { SimRecord } from "../../state/record.js"
import { resourceNow } from "../localTime.js"

const routeDocument = (resourceId: string, date: string) => `resources/${resourceId}/routes/${date}`

const stamp =
  (field: "routeStartTime" | "routeEndTime"): PlanHandler =>
  (engine, plan, call) => {
    const documents = engine.store.collection(documentsCollection)
    const name = routeDocument(call.params.resourceId ?? "", call.params.date ?? "")
    // OFS records the route's times on the resource's wall clock
    const time =
      isRecord(call.body) && typeof call.body.time === "string"
        ? call.body.time
        : resourceNow(engine.store, call.params.resourceId)
    documents.put(name, { ...documents.get(name), [field]: time })
    return engine.answer(plan, undefined)
  }

/** POST .../routes/{date}/custom-actions/activate: records the route's start time. */
export const activateRoute: PlanHandler = stamp("routeStartTime")

/** POST .../routes/{date}/custom-actions/deactivate: records the route's end time. */
export const deactivateRoute: PlanHandler = stamp("routeEndTime")

/** GET .../routes/{date}: the route's activities with its start and end times. */
export const getRoute: PlanHandler = (engine, plan, call) => {
  const answer = list(engine, plan, call)
  const times = engine.store
    .collection(documentsCollection)
    .get(routeDocument(call.params.resourceId ?? "", call.params.date ?? ""))
  return times === undefined || !isRecord(answer.json)
    ? answer
    : { ...answer, json: { ...(answer.json as SimRecord), ...times } }
}
