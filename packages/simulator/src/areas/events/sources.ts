/**
 * Where events come from: every operation that writes is observed, and the record changes its
 * handler made to the store become the events OFS publishes for them. One change per record per
 * request counts (its state before the request and after it); a record that ends as it began
 * publishes nothing, so a PATCH that changes nothing publishes no event.
 *
 * - `activities`: activityCreated / Updated / Deleted; the lifecycle actions publish their own type
 *   for the activity they act on (activityStarted, activityMoved with moveDetails, ...), even when no
 *   field changed; startPrework's new activity is activityPreworkCreated, reopen's activityReopened.
 * - `activities/{id}/linkedActivities`: activityLinkCreated / Deleted, once per link (a link is
 *   listed by both its activities).
 * - `activities/{id}/resourcePreferences`: resourcePreferenceCreated / Deleted (a changed preference
 *   type is a deleted one and a created one: OFS has no resourcePreferenceUpdated).
 * - `activities/{id}/requiredInventories`: requiredInventoryCreated / Updated / Deleted.
 * - `inventories`: the install / deinstall / undo actions publish inventoryInstalled, Deinstalled,
 *   UndoInstall, UndoDeinstall; any other change is customerInventory* for an item held by an
 *   activity (customer, installed, deinstalled) and resourceInventory* for one a resource holds.
 * - `resources`: resourceCreated / Updated; a change to a resource's work skills or work zones (one
 *   call or the bulk updates) is a resourceUpdated whose changes hold the new list.
 * - `users`: userCreated / Updated / Deleted (passwords never appear).
 * - route documents (`resources/{id}/routes/{date}`): routeCreated when activation makes the route,
 *   then routeActivated; routeDeactivated; routeReactivated when a deactivated route is activated.
 * - `serviceRequests`: customerRequestCreated (type CR), inventoryRequestCreated (IR, or naming an
 *   inventory), resourceRequestCreated otherwise.
 * - collaboration chats: chatUpdated for a new participant, chatMessageSent for a message.
 * - the routing plan's start action: routingRun.
 */

import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { documentsCollection } from "../../engine/engine.js"
import type { SimRequest } from "../../engine/protocol.js"
import { enginePlans } from "../../engine/routes.js"
import type { SimRecord } from "../../state/record.js"
import type { StoreChange } from "../../state/store.js"
import { transitions } from "../activities/transitions.js"
import { publishRecordEvent } from "./publish.js"

/** One record's change over a whole request: its first state and its last. */
interface NetChange {
  readonly collection: string
  readonly id: string
  readonly before: SimRecord | undefined
  readonly after: SimRecord | undefined
}

/** The request's changes, one per record, without the records that ended as they began. */
const netChanges = (changes: ReadonlyArray<StoreChange>): ReadonlyArray<NetChange> => {
  const byRecord = new Map<string, NetChange>()
  for (const change of changes) {
    const key = `${change.collection}\u0000${change.id}`
    const first = byRecord.get(key)
    byRecord.set(key, { ...change, before: first === undefined ? change.before : first.before })
  }
  return [...byRecord.values()].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after))
}

/** The type of the event each lifecycle action publishes for the activity it acts on. */
const actionEvents: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(transitions).map(([action, t]) => [`core.activities.${action}`, t.event])),
  "core.activities.suspend": "activitySuspended",
  "core.activities.move": "activityMoved"
}

/** The type of the event for an activity an action creates. */
const createdBy: Readonly<Record<string, string>> = {
  "core.activities.startPrework": "activityPreworkCreated",
  "core.activities.reopen": "activityReopened"
}

/** The event types of the inventory actions. */
const inventoryActions: Readonly<Record<string, string>> = {
  "core.inventories.install": "inventoryInstalled",
  "core.resources.inventories.install": "inventoryInstalled",
  "core.inventories.deinstall": "inventoryDeinstalled",
  "core.inventories.undoInstall": "inventoryUndoInstall",
  "core.inventories.undoDeinstall": "inventoryUndoDeinstall"
}

const verb = (c: NetChange): "Created" | "Updated" | "Deleted" =>
  c.before === undefined ? "Created" : c.after === undefined ? "Deleted" : "Updated"

const linkCollection = /^activities\/([^/]+)\/linkedActivities$/
const preferenceCollection = /^activities\/([^/]+)\/resourcePreferences$/
const requiredCollection = /^activities\/([^/]+)\/requiredInventories$/
const resourceListCollection = /^resources\/([^/]+)\/(workSkills|workZones)$/
const routeDocument = /^resources\/([^/]+)\/routes\/(\d{4}-\d{2}-\d{2})$/
const participantCollection = /^chats\/([^/]+)\/participants$/
const messageCollection = /^chats\/([^/]+)\/messages$/

/** Publishes an event for each change a successful write made (see the module comment). */
export const eventSourceBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const activityOf = (id: string | number | undefined): SimRecord | undefined =>
    id === undefined ? undefined : store.collection("activities").get(id)
  const activityDetails = (activity: SimRecord | undefined, id: unknown): SimRecord => {
    const a = activity ?? { activityId: Number(id) }
    const out: SimRecord = {}
    for (const key of ["activityId", "resourceId", "date", "apptNumber"]) if (a[key] !== undefined) out[key] = a[key]
    return out
  }
  const activityEvent = (eventType: string, user: string, c: NetChange, extra?: SimRecord) =>
    publishRecordEvent(store, {
      eventType,
      user,
      entity: "activity",
      before: c.before,
      after: c.after,
      extra,
      alwaysInChanges: ["resourceId", "activityType"]
    })
  const resources = () => store.collection("resources")
  const isBucket = (resourceId: unknown) => resources().get(String(resourceId))?.resourceType === "BK"

  /** The events of one request's changes. */
  const publish = (operationId: string, req: SimRequest, changes: ReadonlyArray<StoreChange>): void => {
    const user = req.clientId
    if (operationId === "metadata.routingProfiles.plans.start") publishRoutingRun(req)
    const net = netChanges(changes)
    const actedOn = actionEvents[operationId]
    let actedOnPublished = false
    const linksSeen = new Set<string>()
    const resourcesTouched = new Map<string, SimRecord>()
    for (const c of net) {
      const record = c.after ?? c.before ?? {}
      const linkMatch = linkCollection.exec(c.collection)
      const preferenceMatch = preferenceCollection.exec(c.collection)
      const requiredMatch = requiredCollection.exec(c.collection)
      const resourceListMatch = resourceListCollection.exec(c.collection)
      const participantMatch = participantCollection.exec(c.collection)
      const messageMatch = messageCollection.exec(c.collection)
      const routeMatch = c.collection === documentsCollection ? routeDocument.exec(c.id) : null
      if (c.collection === "activities") {
        if (actedOn !== undefined && c.id === req.params.activityId) {
          actedOnPublished = true
          activityEvent(actedOn, user, c, actedOn === "activityMoved" ? moveDetails(c) : undefined)
        } else if (c.before === undefined && createdBy[operationId] !== undefined)
          activityEvent(createdBy[operationId] as string, user, c)
        else activityEvent(`activity${verb(c)}`, user, c)
      } else if (linkMatch !== null) {
        const key = `${record.fromActivityId}/${record.toActivityId}/${record.linkType}/${verb(c)}`
        if (linksSeen.has(key)) continue
        linksSeen.add(key)
        const link = (r: SimRecord | undefined, type: string) =>
          r !== undefined &&
          store.emit(type, {
            user,
            activityLinkDetails: { linkType: r.linkType },
            fromActivityDetails: activityDetails(activityOf(r.fromActivityId as number), r.fromActivityId),
            toActivityDetails: activityDetails(activityOf(r.toActivityId as number), r.toActivityId)
          })
        if (c.before !== undefined) link(c.before, "activityLinkDeleted")
        if (c.after !== undefined) link(c.after, "activityLinkCreated")
      } else if (preferenceMatch !== null) {
        const details = activityDetails(activityOf(preferenceMatch[1]), preferenceMatch[1])
        const preference = (r: SimRecord | undefined, type: string) =>
          r !== undefined &&
          store.emit(type, {
            user,
            activityDetails: details,
            resourcePreference: { resourceId: r.resourceId, preferenceType: r.preferenceType }
          })
        if (c.before !== undefined) preference(c.before, "resourcePreferenceDeleted")
        if (c.after !== undefined) preference(c.after, "resourcePreferenceCreated")
      } else if (requiredMatch !== null) {
        store.emit(`requiredInventory${verb(c)}`, {
          user,
          activityDetails: activityDetails(activityOf(requiredMatch[1]), requiredMatch[1]),
          requiredInventoryDetails: record,
          ...(c.after !== undefined && { requiredInventoryChanges: c.after })
        })
      } else if (c.collection === "inventories") {
        const action = inventoryActions[operationId]
        const heldByResource = (r: SimRecord | undefined) => r?.status === "resource"
        const type =
          action !== undefined && c.before !== undefined && c.after !== undefined
            ? action
            : `${heldByResource(c.after ?? c.before) ? "resource" : "customer"}Inventory${verb(c)}`
        const activity = activityOf(record.activityId as number | undefined)
        publishRecordEvent(store, {
          eventType: type,
          user,
          entity: "inventory",
          before: c.before,
          after: c.after,
          extra: activity === undefined ? undefined : { activityDetails: activityDetails(activity, record.activityId) }
        })
      } else if (c.collection === "resources") {
        publishRecordEvent(store, {
          eventType: c.before === undefined ? "resourceCreated" : "resourceUpdated",
          user,
          entity: "resource",
          before: c.before,
          after: c.after
        })
      } else if (resourceListMatch !== null) {
        resourcesTouched.set(
          resourceListMatch[1] as string,
          resources().get(resourceListMatch[1] as string) ?? { resourceId: resourceListMatch[1] }
        )
      } else if (c.collection === "users") {
        publishRecordEvent(store, {
          eventType: `user${verb(c)}`,
          user,
          entity: "user",
          before: c.before,
          after: c.after
        })
      } else if (c.collection === documentsCollection && routeMatch !== null) {
        publishRoute(user, routeMatch[1] as string, routeMatch[2] as string, c)
      } else if (c.collection === "serviceRequests" && c.before === undefined) {
        const type =
          record.requestType === "CR"
            ? "customerRequestCreated"
            : record.requestType === "IR" || record.inventoryId !== undefined
              ? "inventoryRequestCreated"
              : "resourceRequestCreated"
        store.emit(type, {
          user,
          requestDetails: { requestType: record.requestType, resourceId: record.resourceId, date: record.date },
          requestChanges: record,
          ...(record.activityId !== undefined && {
            activityDetails: activityDetails(activityOf(record.activityId as number), record.activityId)
          })
        })
      } else if (participantMatch !== null && c.after !== undefined) {
        store.emit("chatUpdated", {
          user,
          chat: { chatId: Number(participantMatch[1]) },
          participant: { login: c.after.login }
        })
      } else if (messageMatch !== null && c.before === undefined) {
        const chatId = messageMatch[1] as string
        const participants = store.collection(`chats/${chatId}/participants`).list()
        store.emit("chatMessageSent", {
          user,
          chat: { chatId: Number(chatId) },
          message: { messageId: record.messageId, text: record.text },
          participants: participants.map((p) => ({ login: p.login }))
        })
      }
    }
    // an action publishes its event even when the activity did not change (suspending a pending one)
    if (actedOn !== undefined && !actedOnPublished) {
      const activity = activityOf(req.params.activityId)
      if (activity !== undefined)
        activityEvent(actedOn, user, { collection: "activities", id: "", before: activity, after: activity })
    }
    for (const resource of resourcesTouched.values()) {
      const resourceId = String(resource.resourceId)
      store.emit(
        "resourceUpdated",
        {
          user,
          resourceDetails: { resourceId, name: resource.name, resourceType: resource.resourceType },
          resourceChanges: {
            workSkills: store.collection(`resources/${resourceId}/workSkills`).list(),
            workZones: store.collection(`resources/${resourceId}/workZones`).list()
          }
        },
        { entity: "resource", record: resource, changed: ["workSkills", "workZones"] }
      )
    }
  }

  /** routingRun for a routing plan started through the API. */
  const publishRoutingRun = (req: SimRequest) =>
    store.emit("routingRun", {
      user: req.clientId,
      routingRunDetails: {
        routingProfileLabel: req.params.profileLabel,
        routingPlanLabel: req.params.planLabel,
        resourceExternalId: req.params.resourceExternalId,
        targetDate: req.params.date,
        startType: "manual",
        result: "success"
      }
    })

  /** activityMoved's moveDetails: where from, and between a bucket and a resource. */
  const moveDetails = (c: NetChange): SimRecord => {
    const kind = (resourceId: unknown) => (isBucket(resourceId) ? "bucket" : "resource")
    const to = kind(c.after?.resourceId) === "bucket" ? "Bucket" : "Resource"
    return {
      moveDetails: {
        moveCondition: `${kind(c.before?.resourceId)}To${to}`,
        fromResourceId: c.before?.resourceId,
        fromDate: c.before?.date
      }
    }
  }

  /** routeCreated / Activated / Reactivated / Deactivated from the route document's start and end times. */
  const publishRoute = (user: string, resourceId: string, date: string, c: NetChange) => {
    const routeDetails = { resourceId, date }
    const emit = (type: string, changes: SimRecord) => store.emit(type, { user, routeDetails, routeChanges: changes })
    const started = c.after?.routeStartTime
    const ended = c.after?.routeEndTime
    if (c.before === undefined && started !== undefined) emit("routeCreated", {})
    if (started !== c.before?.routeStartTime && started !== undefined) {
      if (c.before?.routeEndTime !== undefined) emit("routeReactivated", { reactivated: started })
      else emit("routeActivated", { activated: started })
    }
    if (ended !== c.before?.routeEndTime && ended !== undefined) emit("routeDeactivated", { deactivated: ended })
  }

  for (const plan of enginePlans()) {
    if (plan.op.method === "GET") continue
    const operationId = plan.op.id
    table.after(operationId, (req, _answer, changes) => publish(operationId, req, changes))
  }
  return table.behaviours
}
