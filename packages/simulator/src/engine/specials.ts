/**
 * Operations whose answer depends on more than their own collection, each with a handler of its
 * own; every other operation is answered by its plan's generic handler.
 */
import { generateClientSecret } from "./actions.js"
import { listActivities, searchActivities } from "./activities.js"
import { createActivity, findNearbyActivities } from "./activityChecks.js"
import { updateBookingStatuses } from "./bookingStatuses.js"
import {
  bulkUpdateActivities,
  bulkUpdateInventories,
  bulkUpdateWorkSkills,
  bulkUpdateWorkZones
} from "./bulkUpdates.js"
import { inviteToChat, startChat } from "./chats.js"
import type { PlanHandler } from "./collections.js"
import { inventoryAction } from "./inventoryActions.js"
import { findMatchingResources, findResourcesForUrgentAssignment } from "./matching.js"
import { lastKnownPositions, resourcesInArea, setPositions, whereIsMyTech } from "./positions.js"
import { activateRoute, deactivateRoute, getRoute } from "./routeActivation.js"
import { exportRoutingPlan, forceImportRoutingPlan, importRoutingPlan, startRoutingPlan } from "./routingPlans.js"

/** Handlers by operation id. */
export const specialHandlers: Readonly<Record<string, PlanHandler>> = {
  "core.activities.list": listActivities,
  "core.activities.create": createActivity,
  "core.resources.findNearbyActivities": findNearbyActivities,
  "core.activities.search": searchActivities,
  "core.activities.bulkUpdate": bulkUpdateActivities,
  "core.inventories.install": inventoryAction("install"),
  "core.inventories.deinstall": inventoryAction("deinstall"),
  "core.inventories.undoInstall": inventoryAction("undoInstall"),
  "core.inventories.undoDeinstall": inventoryAction("undoDeinstall"),
  "core.resources.inventories.install": inventoryAction("install"),
  "core.resources.bulkUpdateWorkSkills": bulkUpdateWorkSkills,
  "core.resources.bulkUpdateWorkZones": bulkUpdateWorkZones,
  "core.resources.bulkUpdateInventories": bulkUpdateInventories,
  "core.resources.findMatchingResources": findMatchingResources,
  "core.resources.findResourcesForUrgentAssignment": findResourcesForUrgentAssignment,
  "core.resources.setPositions": setPositions,
  "core.resources.lastKnownPositions": lastKnownPositions,
  "core.resources.resourcesInArea": resourcesInArea,
  "core.resources.routes.get": getRoute,
  "core.resources.routes.activate": activateRoute,
  "core.resources.routes.deactivate": deactivateRoute,
  "core.whereIsMyTech.get": whereIsMyTech,
  "metadata.applications.generateClientSecret": generateClientSecret,
  "metadata.routingProfiles.plans.import": importRoutingPlan,
  "metadata.routingProfiles.plans.forceImport": forceImportRoutingPlan,
  "metadata.routingProfiles.plans.export": exportRoutingPlan,
  "metadata.routingProfiles.plans.start": startRoutingPlan,
  "capacity.bookingStatuses.update": updateBookingStatuses,
  "collaboration.chats.create": startChat,
  "collaboration.chats.participants.invite": inviteToChat
}
