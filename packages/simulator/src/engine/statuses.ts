/** The success status OFS declares per operation (the spec's 201s, 204s and create-or-replace PUTs). */
import type { AnyOperation } from "@ofsc/core"

/** POSTs that answer 201 Created. */
const created = new Set([
  "core.activities.create",
  "core.activities.customerInventories.create",
  "core.activities.linkedActivities.create",
  "core.inventories.create",
  "core.resources.inventories.create",
  "core.resources.locations.create",
  "core.serviceRequests.create",
  "core.users.collaborationGroups.create",
  "metadata.mapLayers.create",
  "metadata.workZones.create",
  "collaboration.chats.create",
  "collaboration.chats.messages.create"
])

/** PUTs by caller-chosen key that answer 201 when they created the item and 200 when they replaced it. */
const createOrReplace = new Set([
  "core.resources.put",
  "metadata.activityTypeGroups.put",
  "metadata.activityTypes.put",
  "metadata.applications.put",
  "metadata.capacityCategories.put",
  "metadata.forms.put",
  "metadata.inventoryTypes.put",
  "metadata.properties.put",
  "metadata.shifts.put",
  "metadata.workSkillGroups.put",
  "metadata.workSkills.put"
])

/** JSON operations that OFS answers with 204 (the schema allows the empty answer). */
const noContentJson = new Set(["core.activities.linkedActivities.deleteAll"])

/** The status of a successful answer; `createdNow` says whether a create-or-replace created the item. */
export const successStatus = (op: AnyOperation, createdNow = false): number => {
  if (created.has(op.id)) return 201
  if (createOrReplace.has(op.id)) return createdNow ? 201 : 200
  // an untyped success (install, plan import, ...) is a 200, with or without a body
  if (op.success.kind === "empty") return 204
  if (noContentJson.has(op.id)) return 204
  return 200
}
