/**
 * Activity links are listed by both their activities, as OFS lists them: a link created, replaced
 * or deleted through one activity's `linkedActivities` is created, replaced or deleted in the other
 * activity's list too (the seed already stores each link under both).
 */
import { BehaviourTable } from "../../engine/behaviour.js"
import { create, type PlanHandler, put, remove } from "../../engine/collections.js"
import { clear } from "../../engine/lists.js"
import { linkKey } from "../../engine/recordKey.js"
import type { SimRecord } from "../../state/record.js"

const listOf = (activityId: string) => `activities/${activityId}/linkedActivities`

/** The other activity of a link listed under `activityId`. */
const otherEnd = (activityId: string, link: SimRecord): string =>
  String(String(link.fromActivityId) === activityId ? link.toActivityId : link.fromActivityId)

/** The generic handler, then the same change made in the other activities' lists. */
const bothEnds =
  (handler: PlanHandler): PlanHandler =>
  (engine, plan, call) => {
    const activityId = call.params.activityId ?? ""
    const before = engine.store.collection(listOf(activityId)).list()
    const answer = handler(engine, plan, call)
    if (answer.status >= 300) return answer
    const after = engine.store.collection(listOf(activityId)).list()
    const keyOf = (link: SimRecord) => linkKey(activityId, link)
    const kept = new Map(after.map((link) => [keyOf(link), link] as const))
    for (const link of before) {
      if (kept.has(keyOf(link))) continue
      const other = otherEnd(activityId, link)
      engine.store.collection(listOf(other)).delete(linkKey(other, link))
    }
    for (const link of after) {
      const other = otherEnd(activityId, link)
      if (other === activityId) continue
      engine.store.collection(listOf(other)).put(linkKey(other, link), link)
    }
    return answer
  }

/** The link operations, answered for both ends. */
export const linkBehaviours = new BehaviourTable()
  .answer("core.activities.linkedActivities.create", bothEnds(create))
  .answer("core.activities.linkedActivities.put", bothEnds(put))
  .answer("core.activities.linkedActivities.delete", bothEnds(remove))
  .answer("core.activities.linkedActivities.deleteAll", bothEnds(clear)).behaviours
