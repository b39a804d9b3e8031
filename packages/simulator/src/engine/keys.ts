/**
 * Which field of a record holds its id. Mostly the path parameter's own name (`activities/{activityId}`
 * → `activityId`); this small map covers the places where OFS names them differently.
 */

/** Item templates whose id field is not the parameter's name. */
const fieldByItemTemplate: Readonly<Record<string, string>> = {
  "workZones/{label}": "workZoneLabel",
  "applications/{label}/apiAccess/{apiLabel}": "label",
  "catalogs/{catalog}/{language}/{itemLabel}": "label",
  "routingProfiles/{profileLabel}": "profileLabel"
}

/** Collections that have no item path of their own, and the id field their records carry. */
const fieldByCollectionTemplate: Readonly<Record<string, string>> = {
  chats: "chatId",
  "chats/{chatId}/messages": "messageId",
  "events/subscriptions": "subscriptionId",
  "resources/{resourceId}/inventories": "inventoryId",
  "activities/{activityId}/customerInventories": "inventoryId",
  routingProfiles: "profileLabel",
  "routingProfiles/{profileLabel}/plans": "planLabel",
  "users/{login}/collaborationGroups": "name"
}

/** The id field of the records at an item template (`shifts/{label}` → `label`). */
export const idFieldOfItem = (itemTemplate: string, param: string): string => fieldByItemTemplate[itemTemplate] ?? param

/** The id field of a collection template without an item path, if known. */
export const idFieldOfCollection = (collectionTemplate: string): string | undefined =>
  fieldByCollectionTemplate[collectionTemplate]

/** Id fields the server assigns as numbers when a POST does not carry one. */
export const numericIdFields: ReadonlySet<string> = new Set([
  "activityId",
  "inventoryId",
  "requestId",
  "locationId",
  "chatId",
  "messageId",
  "workZoneItemId",
  "scheduleItemId",
  "subscriptionId"
])

/** Top-level collections whose items own sub-collections: a missing parent answers 404. */
export const entityCollections: ReadonlySet<string> = new Set([
  "activities",
  "resources",
  "users",
  "inventories",
  "serviceRequests",
  "applications",
  "properties",
  "capacityAreas",
  "routingProfiles",
  "chats"
])

/** Where the seed's collections keep their id (every other metadata collection uses `label`). */
export const seedIdFields: Readonly<Record<string, string>> = {
  activities: "activityId",
  resources: "resourceId",
  users: "login",
  workZones: "workZoneLabel",
  routingProfiles: "profileLabel"
}
