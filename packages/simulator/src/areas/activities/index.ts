/** Activities: GET activities and search as OFS filters them, creates checked, the bulk update, the lifecycle. */
import { type Behaviours, BehaviourTable, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { bulkUpdateActivities } from "./bulkUpdate.js"
import { createActivity, findNearbyActivities, updateActivity } from "./create.js"
import { lifecycleBehaviours } from "./lifecycle.js"
import { linkBehaviours } from "./links.js"
import { listActivities, searchActivities } from "./search.js"

/** Every behaviour of the activities area. */
export const activityBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([
    new BehaviourTable()
      .answer("core.activities.list", listActivities)
      .answer("core.activities.search", searchActivities)
      .answer("core.activities.create", createActivity)
      .answer("core.activities.update", updateActivity)
      .answer("core.activities.bulkUpdate", bulkUpdateActivities)
      .answer("core.resources.findNearbyActivities", findNearbyActivities).behaviours,
    lifecycleBehaviours(ctx),
    linkBehaviours
  ])
