/**
 * The hand-written part of the API surface: for every OFS operation (`METHOD path`), the dotted
 * name it is called by (`<module>.<group>[.<subgroup>].<method>`). The generator fails when an
 * operation of the spec has no name here, or when a name here has no operation in the spec.
 *
 * Verbs, one per kind of call:
 * - GET one item → `get`; GET a collection → `list` (and `stream` when it pages by offset/limit);
 *   GET of a singleton that is not a collection (a route, a week of locations, a quota) → `get`.
 * - POST to a collection → `create`; PUT → `put` (create or replace); PATCH → `update`.
 * - DELETE of one item → `delete`; DELETE of a whole collection → `deleteAll`.
 * - bulk PUT/PATCH over a collection of addressable items → `bulkPut`/`bulkUpdate`.
 * - custom actions (`…/custom-actions/<verb>`) → their OFS verb (`start`, `move`, `bulkUpdate`…);
 *   the GET that reads a custom action's result → `<verb>Status`.
 * - file properties (`…/{id}/{propertyLabel}`) → `<entity>.files.get/put/delete` (bytes in, bytes out).
 * - where OFS keeps two versions, the current one gets the plain name and the old one a `V1` suffix.
 * Sub-resources nest under their parent (`core.resources.workSchedules.list`).
 */

/** Operation key (`METHOD path`) → dotted operation name. */
export const operationNames: Readonly<Record<string, string>> = {
  // core: activities
  "GET /rest/ofscCore/v1/activities": "core.activities.list",
  "POST /rest/ofscCore/v1/activities": "core.activities.create",
  "POST /rest/ofscCore/v1/activities/custom-actions/bulkUpdate": "core.activities.bulkUpdate",
  "GET /rest/ofscCore/v1/activities/custom-actions/search": "core.activities.search",
  "GET /rest/ofscCore/v1/activities/{activityId}": "core.activities.get",
  "PATCH /rest/ofscCore/v1/activities/{activityId}": "core.activities.update",
  "DELETE /rest/ofscCore/v1/activities/{activityId}": "core.activities.delete",
  "GET /rest/ofscCore/v1/activities/{activityId}/capacityCategories": "core.activities.capacityCategories.list",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/cancel": "core.activities.cancel",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/complete": "core.activities.complete",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/delay": "core.activities.delay",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/enroute": "core.activities.enroute",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/move": "core.activities.move",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/notDone": "core.activities.notDone",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/reopen": "core.activities.reopen",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/start": "core.activities.start",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/startPrework": "core.activities.startPrework",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/stopTravel": "core.activities.stopTravel",
  "POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/suspend": "core.activities.suspend",
  "GET /rest/ofscCore/v1/activities/{activityId}/customerInventories": "core.activities.customerInventories.list",
  "POST /rest/ofscCore/v1/activities/{activityId}/customerInventories": "core.activities.customerInventories.create",
  "GET /rest/ofscCore/v1/activities/{activityId}/deinstalledInventories": "core.activities.deinstalledInventories.list",
  "GET /rest/ofscCore/v1/activities/{activityId}/installedInventories": "core.activities.installedInventories.list",
  "GET /rest/ofscCore/v1/activities/{activityId}/linkedActivities": "core.activities.linkedActivities.list",
  "POST /rest/ofscCore/v1/activities/{activityId}/linkedActivities": "core.activities.linkedActivities.create",
  "DELETE /rest/ofscCore/v1/activities/{activityId}/linkedActivities": "core.activities.linkedActivities.deleteAll",
  "GET /rest/ofscCore/v1/activities/{activityId}/linkedActivities/{linkedActivityId}/linkTypes/{linkType}":
    "core.activities.linkedActivities.get",
  "PUT /rest/ofscCore/v1/activities/{activityId}/linkedActivities/{linkedActivityId}/linkTypes/{linkType}":
    "core.activities.linkedActivities.put",
  "DELETE /rest/ofscCore/v1/activities/{activityId}/linkedActivities/{linkedActivityId}/linkTypes/{linkType}":
    "core.activities.linkedActivities.delete",
  "GET /rest/ofscCore/v1/activities/{activityId}/multidaySegments": "core.activities.multidaySegments.list",
  "GET /rest/ofscCore/v1/activities/{activityId}/requiredInventories": "core.activities.requiredInventories.list",
  "PUT /rest/ofscCore/v1/activities/{activityId}/requiredInventories": "core.activities.requiredInventories.put",
  "DELETE /rest/ofscCore/v1/activities/{activityId}/requiredInventories":
    "core.activities.requiredInventories.deleteAll",
  "GET /rest/ofscCore/v1/activities/{activityId}/resourcePreferences": "core.activities.resourcePreferences.list",
  "PUT /rest/ofscCore/v1/activities/{activityId}/resourcePreferences": "core.activities.resourcePreferences.put",
  "DELETE /rest/ofscCore/v1/activities/{activityId}/resourcePreferences":
    "core.activities.resourcePreferences.deleteAll",
  "GET /rest/ofscCore/v1/activities/{activityId}/submittedForms": "core.activities.submittedForms.list",
  "GET /rest/ofscCore/v1/activities/{activityId}/{propertyLabel}": "core.activities.files.get",
  "PUT /rest/ofscCore/v1/activities/{activityId}/{propertyLabel}": "core.activities.files.put",
  "DELETE /rest/ofscCore/v1/activities/{activityId}/{propertyLabel}": "core.activities.files.delete",

  // core: calendars, events, daily extract
  "GET /rest/ofscCore/v1/calendars": "core.calendars.list",
  "GET /rest/ofscCore/v1/events": "core.events.list",
  "GET /rest/ofscCore/v1/events/subscriptions": "core.events.subscriptions.list",
  "POST /rest/ofscCore/v1/events/subscriptions": "core.events.subscriptions.create",
  "GET /rest/ofscCore/v1/events/subscriptions/{subscriptionId}": "core.events.subscriptions.get",
  "DELETE /rest/ofscCore/v1/events/subscriptions/{subscriptionId}": "core.events.subscriptions.delete",
  "GET /rest/ofscCore/v1/folders/dailyExtract/folders": "core.dailyExtract.folders",
  "GET /rest/ofscCore/v1/folders/dailyExtract/folders/{dailyExtractDate}/files": "core.dailyExtract.files",
  "GET /rest/ofscCore/v1/folders/dailyExtract/folders/{dailyExtractDate}/files/{dailyExtractFilename}":
    "core.dailyExtract.download",

  // core: inventories
  "POST /rest/ofscCore/v1/inventories": "core.inventories.create",
  "GET /rest/ofscCore/v1/inventories/{inventoryId}": "core.inventories.get",
  "PATCH /rest/ofscCore/v1/inventories/{inventoryId}": "core.inventories.update",
  "DELETE /rest/ofscCore/v1/inventories/{inventoryId}": "core.inventories.delete",
  "POST /rest/ofscCore/v1/inventories/{inventoryId}/custom-actions/deinstall": "core.inventories.deinstall",
  "POST /rest/ofscCore/v1/inventories/{inventoryId}/custom-actions/install": "core.inventories.install",
  "POST /rest/ofscCore/v1/inventories/{inventoryId}/custom-actions/undoDeinstall": "core.inventories.undoDeinstall",
  "POST /rest/ofscCore/v1/inventories/{inventoryId}/custom-actions/undoInstall": "core.inventories.undoInstall",
  "GET /rest/ofscCore/v1/inventories/{inventoryId}/{propertyLabel}": "core.inventories.files.get",
  "PUT /rest/ofscCore/v1/inventories/{inventoryId}/{propertyLabel}": "core.inventories.files.put",
  "DELETE /rest/ofscCore/v1/inventories/{inventoryId}/{propertyLabel}": "core.inventories.files.delete",

  // core: resources
  "GET /rest/ofscCore/v1/resources": "core.resources.list",
  "POST /rest/ofscCore/v1/resources/custom-actions/bulkUpdateInventories": "core.resources.bulkUpdateInventories",
  "POST /rest/ofscCore/v1/resources/custom-actions/bulkUpdateWorkSchedules": "core.resources.bulkUpdateWorkSchedules",
  "POST /rest/ofscCore/v1/resources/custom-actions/bulkUpdateWorkSkills": "core.resources.bulkUpdateWorkSkills",
  "POST /rest/ofscCore/v1/resources/custom-actions/bulkUpdateWorkZones": "core.resources.bulkUpdateWorkZones",
  "POST /rest/ofscCore/v1/resources/custom-actions/findMatchingResources": "core.resources.findMatchingResources",
  "POST /rest/ofscCore/v1/resources/custom-actions/findResourcesForUrgentAssignment":
    "core.resources.findResourcesForUrgentAssignment",
  "GET /rest/ofscCore/v1/resources/custom-actions/lastKnownPositions": "core.resources.lastKnownPositions",
  "GET /rest/ofscCore/v1/resources/custom-actions/resourcesInArea": "core.resources.resourcesInArea",
  "POST /rest/ofscCore/v1/resources/custom-actions/setPositions": "core.resources.setPositions",
  "GET /rest/ofscCore/v1/resources/{resourceId}": "core.resources.get",
  "PUT /rest/ofscCore/v1/resources/{resourceId}": "core.resources.put",
  "PATCH /rest/ofscCore/v1/resources/{resourceId}": "core.resources.update",
  "GET /rest/ofscCore/v1/resources/{resourceId}/assignedLocations": "core.resources.assignedLocations.get",
  "PUT /rest/ofscCore/v1/resources/{resourceId}/assignedLocations": "core.resources.assignedLocations.put",
  "PATCH /rest/ofscCore/v1/resources/{resourceId}/assignedLocations": "core.resources.assignedLocations.update",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/assignedLocations/{date}": "core.resources.assignedLocations.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/assistants": "core.resources.assistants.list",
  "GET /rest/ofscCore/v1/resources/{resourceId}/children": "core.resources.children.list",
  "GET /rest/ofscCore/v1/resources/{resourceId}/descendants": "core.resources.descendants.list",
  "GET /rest/ofscCore/v1/resources/{resourceId}/findNearbyActivities": "core.resources.findNearbyActivities",
  "GET /rest/ofscCore/v1/resources/{resourceId}/inventories": "core.resources.inventories.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/inventories": "core.resources.inventories.create",
  "POST /rest/ofscCore/v1/resources/{resourceId}/inventories/{inventoryId}/custom-actions/install":
    "core.resources.inventories.install",
  "GET /rest/ofscCore/v1/resources/{resourceId}/locations": "core.resources.locations.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/locations": "core.resources.locations.create",
  "GET /rest/ofscCore/v1/resources/{resourceId}/locations/{locationId}": "core.resources.locations.get",
  "PATCH /rest/ofscCore/v1/resources/{resourceId}/locations/{locationId}": "core.resources.locations.update",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/locations/{locationId}": "core.resources.locations.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/plans": "core.resources.plans.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/plans": "core.resources.plans.create",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/plans": "core.resources.plans.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/positionHistory": "core.resources.positionHistory.list",
  "GET /rest/ofscCore/v1/resources/{resourceId}/routes/{date}": "core.resources.routes.get",
  "POST /rest/ofscCore/v1/resources/{resourceId}/routes/{date}/custom-actions/activate":
    "core.resources.routes.activate",
  "POST /rest/ofscCore/v1/resources/{resourceId}/routes/{date}/custom-actions/deactivate":
    "core.resources.routes.deactivate",
  "GET /rest/ofscCore/v1/resources/{resourceId}/users": "core.resources.users.list",
  "PUT /rest/ofscCore/v1/resources/{resourceId}/users": "core.resources.users.put",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/users": "core.resources.users.deleteAll",
  "GET /rest/ofscCore/v1/resources/{resourceId}/workSchedules": "core.resources.workSchedules.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/workSchedules": "core.resources.workSchedules.create",
  "GET /rest/ofscCore/v1/resources/{resourceId}/workSchedules/calendarView":
    "core.resources.workSchedules.calendarView",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/workSchedules/{scheduleItemId}":
    "core.resources.workSchedules.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/workSkills": "core.resources.workSkills.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/workSkills": "core.resources.workSkills.create",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/workSkills/{workSkill}": "core.resources.workSkills.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/workZones": "core.resources.workZones.list",
  "POST /rest/ofscCore/v1/resources/{resourceId}/workZones": "core.resources.workZones.create",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/workZones/{workZoneItemId}": "core.resources.workZones.delete",
  "GET /rest/ofscCore/v1/resources/{resourceId}/{propertyLabel}": "core.resources.files.get",
  "PUT /rest/ofscCore/v1/resources/{resourceId}/{propertyLabel}": "core.resources.files.put",
  "DELETE /rest/ofscCore/v1/resources/{resourceId}/{propertyLabel}": "core.resources.files.delete",

  // core: service requests, users, where is my tech
  "POST /rest/ofscCore/v1/serviceRequests": "core.serviceRequests.create",
  "GET /rest/ofscCore/v1/serviceRequests/{requestId}": "core.serviceRequests.get",
  "GET /rest/ofscCore/v1/serviceRequests/{requestId}/{propertyLabel}": "core.serviceRequests.files.get",
  "GET /rest/ofscCore/v1/users": "core.users.list",
  "GET /rest/ofscCore/v1/users/{login}": "core.users.get",
  "PUT /rest/ofscCore/v1/users/{login}": "core.users.put",
  "PATCH /rest/ofscCore/v1/users/{login}": "core.users.update",
  "DELETE /rest/ofscCore/v1/users/{login}": "core.users.delete",
  "GET /rest/ofscCore/v1/users/{login}/collaborationGroups": "core.users.collaborationGroups.list",
  "POST /rest/ofscCore/v1/users/{login}/collaborationGroups": "core.users.collaborationGroups.create",
  "DELETE /rest/ofscCore/v1/users/{login}/collaborationGroups": "core.users.collaborationGroups.deleteAll",
  "GET /rest/ofscCore/v1/users/{login}/{propertyLabel}": "core.users.files.get",
  "PUT /rest/ofscCore/v1/users/{login}/{propertyLabel}": "core.users.files.put",
  "DELETE /rest/ofscCore/v1/users/{login}/{propertyLabel}": "core.users.files.delete",
  "GET /rest/ofscCore/v1/whereIsMyTech": "core.whereIsMyTech.get",

  // core: the token service (module auth, shipped in @ofsc/core)
  "POST /rest/oauthTokenService/v2/token": "core.tokenService.requestToken",
  "POST /rest/oauthTokenService/v1/token": "core.tokenService.requestTokenV1",

  // metadata
  "GET /rest/ofscMetadata/v1/activityTypeGroups": "metadata.activityTypeGroups.list",
  "GET /rest/ofscMetadata/v1/activityTypeGroups/{label}": "metadata.activityTypeGroups.get",
  "PUT /rest/ofscMetadata/v1/activityTypeGroups/{label}": "metadata.activityTypeGroups.put",
  "GET /rest/ofscMetadata/v1/activityTypes": "metadata.activityTypes.list",
  "GET /rest/ofscMetadata/v1/activityTypes/{label}": "metadata.activityTypes.get",
  "PUT /rest/ofscMetadata/v1/activityTypes/{label}": "metadata.activityTypes.put",
  "GET /rest/ofscMetadata/v1/applications": "metadata.applications.list",
  "GET /rest/ofscMetadata/v1/applications/{label}": "metadata.applications.get",
  "PUT /rest/ofscMetadata/v1/applications/{label}": "metadata.applications.put",
  "GET /rest/ofscMetadata/v1/applications/{label}/apiAccess": "metadata.applications.apiAccess.list",
  "GET /rest/ofscMetadata/v1/applications/{label}/apiAccess/{apiLabel}": "metadata.applications.apiAccess.get",
  "PATCH /rest/ofscMetadata/v1/applications/{label}/apiAccess/{apiLabel}": "metadata.applications.apiAccess.update",
  "POST /rest/ofscMetadata/v1/applications/{label}/custom-actions/generateClientSecret":
    "metadata.applications.generateClientSecret",
  "GET /rest/ofscMetadata/v1/capacityAreas": "metadata.capacityAreas.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}": "metadata.capacityAreas.get",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/capacityCategories":
    "metadata.capacityAreas.capacityCategories.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/children": "metadata.capacityAreas.children.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/organizations": "metadata.capacityAreas.organizations.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/timeIntervals": "metadata.capacityAreas.timeIntervals.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/timeSlots": "metadata.capacityAreas.timeSlots.list",
  "GET /rest/ofscMetadata/v2/capacityAreas/{label}/workZones": "metadata.capacityAreas.workZones.list",
  "GET /rest/ofscMetadata/v1/capacityAreas/{label}/workZones": "metadata.capacityAreas.workZones.listV1",
  "GET /rest/ofscMetadata/v1/capacityCategories": "metadata.capacityCategories.list",
  "GET /rest/ofscMetadata/v1/capacityCategories/{label}": "metadata.capacityCategories.get",
  "PUT /rest/ofscMetadata/v1/capacityCategories/{label}": "metadata.capacityCategories.put",
  "DELETE /rest/ofscMetadata/v1/capacityCategories/{label}": "metadata.capacityCategories.delete",
  "GET /rest/ofscMetadata/v1/forms": "metadata.forms.list",
  "GET /rest/ofscMetadata/v1/forms/{label}": "metadata.forms.get",
  "PUT /rest/ofscMetadata/v1/forms/{label}": "metadata.forms.put",
  "DELETE /rest/ofscMetadata/v1/forms/{label}": "metadata.forms.delete",
  "GET /rest/ofscMetadata/v1/inventoryTypes": "metadata.inventoryTypes.list",
  "GET /rest/ofscMetadata/v1/inventoryTypes/{label}": "metadata.inventoryTypes.get",
  "PUT /rest/ofscMetadata/v1/inventoryTypes/{label}": "metadata.inventoryTypes.put",
  "GET /rest/ofscMetadata/v1/languages": "metadata.languages.list",
  "GET /rest/ofscMetadata/v1/linkTemplates": "metadata.linkTemplates.list",
  "GET /rest/ofscMetadata/v1/linkTemplates/{label}": "metadata.linkTemplates.get",
  "POST /rest/ofscMetadata/v1/linkTemplates/{label}": "metadata.linkTemplates.create",
  "PATCH /rest/ofscMetadata/v1/linkTemplates/{label}": "metadata.linkTemplates.update",
  "GET /rest/ofscMetadata/v1/mapLayers": "metadata.mapLayers.list",
  "POST /rest/ofscMetadata/v1/mapLayers": "metadata.mapLayers.create",
  "POST /rest/ofscMetadata/v1/mapLayers/custom-actions/populateLayers": "metadata.mapLayers.populateLayers",
  "GET /rest/ofscMetadata/v1/mapLayers/custom-actions/populateLayers/{downloadId}":
    "metadata.mapLayers.populateLayersStatus",
  "GET /rest/ofscMetadata/v1/mapLayers/{label}": "metadata.mapLayers.get",
  "PUT /rest/ofscMetadata/v1/mapLayers/{label}": "metadata.mapLayers.put",
  "GET /rest/ofscMetadata/v1/nonWorkingReasons": "metadata.nonWorkingReasons.list",
  "GET /rest/ofscMetadata/v1/organizations": "metadata.organizations.list",
  "GET /rest/ofscMetadata/v1/organizations/{label}": "metadata.organizations.get",
  "POST /rest/ofscMetadata/v1/plugins/custom-actions/import": "metadata.plugins.import",
  "POST /rest/ofscMetadata/v1/plugins/{pluginLabel}/custom-actions/install": "metadata.plugins.install",
  "GET /rest/ofscMetadata/v1/properties": "metadata.properties.list",
  "GET /rest/ofscMetadata/v1/properties/{label}": "metadata.properties.get",
  "PUT /rest/ofscMetadata/v1/properties/{label}": "metadata.properties.put",
  "PATCH /rest/ofscMetadata/v1/properties/{label}": "metadata.properties.update",
  "GET /rest/ofscMetadata/v1/properties/{label}/enumerationList": "metadata.properties.enumerationList.list",
  "PUT /rest/ofscMetadata/v1/properties/{label}/enumerationList": "metadata.properties.enumerationList.put",
  "GET /rest/ofscMetadata/v1/resourceTypes": "metadata.resourceTypes.list",
  "GET /rest/ofscMetadata/v1/routingProfiles": "metadata.routingProfiles.list",
  "GET /rest/ofscMetadata/v1/routingProfiles/{profileLabel}/plans": "metadata.routingProfiles.plans.list",
  "PUT /rest/ofscMetadata/v1/routingProfiles/{profileLabel}/plans/custom-actions/forceImport":
    "metadata.routingProfiles.plans.forceImport",
  "PUT /rest/ofscMetadata/v1/routingProfiles/{profileLabel}/plans/custom-actions/import":
    "metadata.routingProfiles.plans.import",
  "GET /rest/ofscMetadata/v1/routingProfiles/{profileLabel}/plans/{planLabel}/custom-actions/export":
    "metadata.routingProfiles.plans.export",
  "POST /rest/ofscMetadata/v1/routingProfiles/{profileLabel}/plans/{planLabel}/{resourceExternalId}/{date}/custom-actions/start":
    "metadata.routingProfiles.plans.start",
  "GET /rest/ofscMetadata/v1/shifts": "metadata.shifts.list",
  "GET /rest/ofscMetadata/v1/shifts/{label}": "metadata.shifts.get",
  "PUT /rest/ofscMetadata/v1/shifts/{label}": "metadata.shifts.put",
  "DELETE /rest/ofscMetadata/v1/shifts/{label}": "metadata.shifts.delete",
  "GET /rest/ofscMetadata/v1/timeSlots": "metadata.timeSlots.list",
  "GET /rest/ofscMetadata/v1/workSkillConditions": "metadata.workSkillConditions.list",
  "PUT /rest/ofscMetadata/v1/workSkillConditions": "metadata.workSkillConditions.put",
  "GET /rest/ofscMetadata/v1/workSkillGroups": "metadata.workSkillGroups.list",
  "GET /rest/ofscMetadata/v1/workSkillGroups/{label}": "metadata.workSkillGroups.get",
  "PUT /rest/ofscMetadata/v1/workSkillGroups/{label}": "metadata.workSkillGroups.put",
  "DELETE /rest/ofscMetadata/v1/workSkillGroups/{label}": "metadata.workSkillGroups.delete",
  "GET /rest/ofscMetadata/v1/workSkills": "metadata.workSkills.list",
  "GET /rest/ofscMetadata/v1/workSkills/{label}": "metadata.workSkills.get",
  "PUT /rest/ofscMetadata/v1/workSkills/{label}": "metadata.workSkills.put",
  "DELETE /rest/ofscMetadata/v1/workSkills/{label}": "metadata.workSkills.delete",
  "GET /rest/ofscMetadata/v1/workZoneKey": "metadata.workZoneKey.get",
  "GET /rest/ofscMetadata/v1/workZones": "metadata.workZones.list",
  "POST /rest/ofscMetadata/v1/workZones": "metadata.workZones.create",
  "PUT /rest/ofscMetadata/v1/workZones": "metadata.workZones.bulkPut",
  "PATCH /rest/ofscMetadata/v1/workZones": "metadata.workZones.bulkUpdate",
  "POST /rest/ofscMetadata/v1/workZones/custom-actions/populateShapes": "metadata.workZones.populateShapes",
  "GET /rest/ofscMetadata/v1/workZones/custom-actions/populateShapes/{downloadId}":
    "metadata.workZones.populateShapesStatus",
  "GET /rest/ofscMetadata/v1/workZones/{label}": "metadata.workZones.get",
  "PUT /rest/ofscMetadata/v1/workZones/{label}": "metadata.workZones.put",

  // capacity
  "GET /rest/ofscCapacity/v1/activityBookingOptions": "capacity.activityBookingOptions.get",
  "GET /rest/ofscCapacity/v1/bookingClosingSchedule": "capacity.bookingClosingSchedule.get",
  "PATCH /rest/ofscCapacity/v1/bookingClosingSchedule": "capacity.bookingClosingSchedule.update",
  "GET /rest/ofscCapacity/v1/bookingFieldsDependencies": "capacity.bookingFieldsDependencies.get",
  "GET /rest/ofscCapacity/v1/bookingStatuses": "capacity.bookingStatuses.list",
  "PATCH /rest/ofscCapacity/v1/bookingStatuses": "capacity.bookingStatuses.update",
  "GET /rest/ofscCapacity/v1/capacity": "capacity.availableCapacity.get",
  "GET /rest/ofscCapacity/v2/quota": "capacity.quota.get",
  "PATCH /rest/ofscCapacity/v2/quota": "capacity.quota.update",
  "GET /rest/ofscCapacity/v1/quota": "capacity.quota.getV1",
  "PATCH /rest/ofscCapacity/v1/quota": "capacity.quota.updateV1",
  "POST /rest/ofscCapacity/v1/showBookingGrid": "capacity.bookingGrid.show",

  // statistics
  "GET /rest/ofscStatistics/v1/activityDurationStats": "statistics.activityDurationStats.list",
  "PATCH /rest/ofscStatistics/v1/activityDurationStats": "statistics.activityDurationStats.update",
  "GET /rest/ofscStatistics/v1/activityTravelStats": "statistics.activityTravelStats.list",
  "PATCH /rest/ofscStatistics/v1/activityTravelStats": "statistics.activityTravelStats.update",
  "GET /rest/ofscStatistics/v1/airlineDistanceBasedTravel": "statistics.airlineDistanceBasedTravel.list",
  "PATCH /rest/ofscStatistics/v1/airlineDistanceBasedTravel": "statistics.airlineDistanceBasedTravel.update",

  // parts catalog
  "PUT /rest/ofscPartsCatalog/v1/catalogs/{catalog}/{language}": "partsCatalog.catalogs.put",
  "PUT /rest/ofscPartsCatalog/v1/catalogs/{catalog}/{language}/{itemLabel}": "partsCatalog.catalogs.items.put",
  "DELETE /rest/ofscPartsCatalog/v1/catalogs/{catalog}/{language}/{itemLabel}": "partsCatalog.catalogs.items.delete",

  // collaboration
  "GET /rest/ofscCollaboration/v1/addressBook": "collaboration.addressBook.list",
  "POST /rest/ofscCollaboration/v1/chats": "collaboration.chats.create",
  "POST /rest/ofscCollaboration/v1/chats/{chatId}/leave": "collaboration.chats.leave",
  "GET /rest/ofscCollaboration/v1/chats/{chatId}/messages": "collaboration.chats.messages.list",
  "POST /rest/ofscCollaboration/v1/chats/{chatId}/messages": "collaboration.chats.messages.create",
  "GET /rest/ofscCollaboration/v1/chats/{chatId}/participants": "collaboration.chats.participants.list",
  "POST /rest/ofscCollaboration/v1/chats/{chatId}/participants/invite": "collaboration.chats.participants.invite"
}

/**
 * The name of the Stream variant of an offset/limit operation, where `stream` (for `list`) or
 * `stream<Method>` would read badly.
 */
export const streamNames: Readonly<Record<string, string>> = {
  "core.resources.routes.get": "streamActivities"
}

/** The stream method name for a paged operation's method name. */
export const streamNameFor = (id: string, method: string): string =>
  streamNames[id] ?? (method === "list" ? "stream" : `stream${method[0]!.toUpperCase()}${method.slice(1)}`)
