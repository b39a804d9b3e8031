/** Resources: positions, matching searches, routes, bulk updates, work schedules and calendars. */
import { type Behaviours, BehaviourTable, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { bulkUpdateInventories, bulkUpdateWorkSkills, bulkUpdateWorkZones } from "./bulkUpdates.js"
import { calendarBehaviours } from "./calendars.js"
import { findMatchingResources, findResourcesForUrgentAssignment } from "./matching.js"
import { lastKnownPositions, resourcesInArea, setPositions, whereIsMyTech } from "./positions.js"
import { activateRoute, deactivateRoute, getRoute } from "./routes.js"
import { workScheduleBehaviours } from "./workSchedules.js"

/** Every behaviour of the resources area. */
export const resourceBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([
    new BehaviourTable()
      .answer("core.resources.bulkUpdateWorkSkills", bulkUpdateWorkSkills)
      .answer("core.resources.bulkUpdateWorkZones", bulkUpdateWorkZones)
      .answer("core.resources.bulkUpdateInventories", bulkUpdateInventories)
      .answer("core.resources.findMatchingResources", findMatchingResources)
      .answer("core.resources.findResourcesForUrgentAssignment", findResourcesForUrgentAssignment)
      .answer("core.resources.setPositions", setPositions)
      .answer("core.resources.lastKnownPositions", lastKnownPositions)
      .answer("core.resources.resourcesInArea", resourcesInArea)
      .answer("core.resources.routes.get", getRoute)
      .answer("core.resources.routes.activate", activateRoute)
      .answer("core.resources.routes.deactivate", deactivateRoute)
      .answer("core.whereIsMyTech.get", whereIsMyTech).behaviours,
    workScheduleBehaviours(ctx),
    calendarBehaviours(ctx)
  ])
