/**
 * Hand-written and reviewed: for every POST and PATCH, whether it may be sent again after a failure
 * that leaves unknown whether OFS acted on it (see `WriteSafety` in @ofsc/core's Operation.ts). The
 * generator writes each entry as the descriptor's `write` (and `retrySafe` follows from it), and
 * docs/writes.md lists them. Codegen refuses a POST or PATCH without an entry, so a new operation
 * gets decided; when in doubt an entry says `unsafe`. PUT and DELETE are idempotent by HTTP
 * semantics and are listed only when one is not (none is, so far).
 */
import type { WriteSafety } from "../../../packages/core/src/Operation.js"

const idempotent = (reason: string): WriteSafety => ({ kind: "idempotent", reason })
const unsafe = (reason: string): WriteSafety => ({ kind: "unsafe", reason })
const verifiable = (proof: Extract<WriteSafety, { kind: "verifiable" }>["proof"], reason: string): WriteSafety => ({
  kind: "verifiable",
  proof,
  reason
})

const setsFields = idempotent("Sets the fields sent to the values sent; a second send changes nothing more.")
const query = idempotent("A query sent as a POST: it changes nothing.")
const status = (target: string) =>
  verifiable("activity.status", `Read the activity: status \`${target}\` means the first send took effect.`)
const bulk = unsafe(
  "A bulk change whose per-item outcome is only in the lost answer; a partial effect cannot be read back item by item."
)
const inventoryMove = unsafe(
  "A non-serialized inventory moves by quantity (splitting one inventory into two), so a second send moves more and nothing read back tells the two apart."
)
const byLabel = (what: string) =>
  verifiable(
    "metadata.byLabel",
    `Read the ${what} by its label: it exists (with the values sent) once the first send took effect.`
  )
const tokenRequest = idempotent("Asks for an access token: a second one is as good and changes nothing in OFS.")
const quotaValues = idempotent("Sets quota values for the days and levels sent; they are values, not increments.")
const backgroundJob = unsafe(
  "Starts a background job whose id is only in the lost answer; a second send starts another job over the same data."
)

/** The write safety of every POST and PATCH, by operation id. */
export const writeSafety: Readonly<Record<string, WriteSafety>> = {
  // core: activities
  "core.activities.create": verifiable(
    "activity.byKey",
    "Search the body's resource and date for an activity with the body's apptNumber; without an apptNumber nothing identifies the new activity, so do not resend."
  ),
  "core.activities.bulkUpdate": unsafe(
    "Creates or updates many activities (and may reopen or create linked ones) in one call; which items took effect is only in the lost answer."
  ),
  "core.activities.update": setsFields,
  "core.activities.cancel": status("cancelled"),
  "core.activities.complete": status("completed"),
  "core.activities.delay": verifiable(
    "activity.endTime",
    "Read the activity's end time: it equals delayUntilTime, or the end time read before the first send plus delayMinutes (a blind resend would delay twice)."
  ),
  "core.activities.enroute": status("enroute"),
  "core.activities.move": verifiable(
    "activity.placement",
    "Read the activity: it is on the resource and date sent (and in the position sent) once the move took effect."
  ),
  "core.activities.notDone": status("notdone"),
  "core.activities.reopen": verifiable(
    "activity.copy",
    "Reopening creates a new pending activity from the final one; look for that reopened copy before sending again."
  ),
  "core.activities.start": status("started"),
  "core.activities.startPrework": verifiable(
    "activity.copy",
    "Starting prework creates a new started activity (recordType prework) from the pending one; look for it before sending again."
  ),
  "core.activities.stopTravel": status("pending"),
  "core.activities.suspend": verifiable(
    "activity.copy",
    "A started activity goes back to pending and a suspended copy is created; a pending one becomes not ordered. Read the activity (and look for the copy) before sending again."
  ),
  "core.activities.customerInventories.create": unsafe(
    "Creates a new inventory each time (a non-serialized one has no key to find it by), so a second send makes a duplicate."
  ),
  "core.activities.linkedActivities.create": verifiable(
    "activity.link",
    "Read the activity's links: one of the type sent to the other activity sent means the first send took effect."
  ),
  // core: events
  "core.events.subscriptions.create": verifiable(
    "subscription.sameConfig",
    "OFS answers a create with the config of an existing subscription with that subscription, so a resend names the one the first send made rather than a second."
  ),
  // core: inventories
  "core.inventories.create": unsafe(
    "Creates new inventories each time (non-serialized ones have no key to find them by), so a second send makes duplicates."
  ),
  "core.inventories.update": setsFields,
  "core.inventories.deinstall": inventoryMove,
  "core.inventories.install": unsafe(
    "Creates the inventory in status installed; a second send creates another (non-serialized ones have no key to find them by)."
  ),
  "core.inventories.undoDeinstall": inventoryMove,
  "core.inventories.undoInstall": inventoryMove,
  // core: resources
  "core.resources.bulkUpdateInventories": bulk,
  "core.resources.bulkUpdateWorkSchedules": bulk,
  "core.resources.bulkUpdateWorkSkills": bulk,
  "core.resources.bulkUpdateWorkZones": bulk,
  "core.resources.findMatchingResources": query,
  "core.resources.findResourcesForUrgentAssignment": query,
  "core.resources.setPositions": idempotent(
    "Records each resource's position at the time sent; a second send records the same positions."
  ),
  "core.resources.update": setsFields,
  "core.resources.assignedLocations.update": idempotent(
    "Sets the resource's start, end and home zone center locations per weekday to the ones sent."
  ),
  "core.resources.inventories.create": unsafe(
    "Creates a new resource inventory each time (a non-serialized one has no key to find it by), so a second send makes a duplicate."
  ),
  "core.resources.inventories.install": inventoryMove,
  "core.resources.locations.create": unsafe(
    "Creates a new location with a new locationId each time; nothing documented makes a location's label unique, so a second send may make a duplicate."
  ),
  "core.resources.locations.update": setsFields,
  "core.resources.plans.create": unsafe(
    "Creates a work plan entry; the spec does not say whether a second one for the same date and measure replaces or adds to it."
  ),
  "core.resources.routes.activate": verifiable(
    "route.activation",
    "Read the resource's route for the date: activated means the first send took effect (a second activation is refused)."
  ),
  "core.resources.routes.deactivate": verifiable(
    "route.activation",
    "Read the resource's route for the date: deactivated means the first send took effect (a second deactivation is refused)."
  ),
  "core.resources.workSchedules.create": unsafe(
    "Adds a work schedule item with a new id; a second send may add another item over the same dates, and nothing read back tells the two apart."
  ),
  "core.resources.workSkills.create": idempotent(
    "Replaces the resource's current work skills with the ones sent; a second send leaves the same skills."
  ),
  "core.resources.workZones.create": unsafe(
    "Adds a work zone assignment with a new item id; a second send may add a second assignment of the same zone."
  ),
  "core.serviceRequests.create": unsafe(
    "Creates a new service request each time; it carries no key of the caller's to find it by."
  ),
  // core: users
  "core.users.update": setsFields,
  "core.users.collaborationGroups.create": verifiable(
    "user.collaborationGroups",
    "Read the user's collaboration groups: they hold the ones sent once the first send took effect."
  ),
  // core: the token service (auth)
  "core.tokenService.requestToken": tokenRequest,
  "core.tokenService.requestTokenV1": tokenRequest,
  // metadata
  "metadata.applications.apiAccess.update": setsFields,
  "metadata.applications.generateClientSecret": unsafe(
    "Each call makes a new secret and voids the one before, which only the lost answer carries: a resend cannot give it back and leaves the first secret void either way."
  ),
  "metadata.linkTemplates.create": byLabel("link template"),
  "metadata.linkTemplates.update": setsFields,
  "metadata.mapLayers.create": byLabel("map layer"),
  "metadata.mapLayers.populateLayers": backgroundJob,
  "metadata.plugins.import": idempotent(
    "Creates or updates each plugin in the file by its label; a second import leaves the same plugins."
  ),
  "metadata.plugins.install": verifiable(
    "metadata.byLabel",
    "Installing a plugin whose label exists is refused as 'Plugin already existing': that refusal (or the plugin read by its label) shows the first send took effect."
  ),
  "metadata.properties.update": setsFields,
  "metadata.routingProfiles.plans.start": unsafe(
    "Starts a routing run, which reassigns activities; a second send runs it again over what the first changed, and no run id comes back to check."
  ),
  "metadata.workZones.create": byLabel("work zone"),
  "metadata.workZones.bulkUpdate": idempotent(
    "Sets each work zone named by its label to the values sent; a second send leaves the same zones."
  ),
  "metadata.workZones.populateShapes": backgroundJob,
  // capacity
  "capacity.bookingClosingSchedule.update": idempotent(
    "Sets the closing schedules of the capacity areas sent to the values sent."
  ),
  "capacity.bookingStatuses.update": idempotent("Sets booking statuses (open or closed) to the values sent."),
  "capacity.quota.update": quotaValues,
  "capacity.quota.updateV1": quotaValues,
  "capacity.bookingGrid.show": query,
  // statistics
  "statistics.activityDurationStats.update": idempotent(
    "Sets the duration overrides of the keys sent to the values sent."
  ),
  "statistics.activityTravelStats.update": idempotent(
    "Sets the travel duration overrides of the keys sent to the values sent."
  ),
  "statistics.airlineDistanceBasedTravel.update": idempotent(
    "Sets the airline distance based travel overrides to the values sent."
  ),
  // collaboration
  "collaboration.chats.create": unsafe(
    "Starts a chat and posts its opening message; a second send may start a second chat and post the message twice."
  ),
  "collaboration.chats.leave": verifiable(
    "chat.membership",
    "Read the user's chats: the chat is gone from them once the first send took effect (a second leave is refused)."
  ),
  "collaboration.chats.messages.create": unsafe(
    "Posts a message; a second send posts it again, and messages carry no key to find the first by."
  ),
  "collaboration.chats.participants.invite": verifiable(
    "chat.membership",
    "Read the chat's participants: they hold the invited user once the first send took effect."
  )
}
