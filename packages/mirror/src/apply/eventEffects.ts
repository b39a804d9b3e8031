/**
 * What an OFS event means for the mirror's tables: which row it is about, and whether it deletes
 * it, or changes it (its changes block, the values after the change, merged onto the row), or says
 * something the mirror can only learn by reading the entity again (links, whose events carry no
 * link fields). An event the mirror cannot read (unknown type, missing key) is reported, never
 * applied and never a stop.
 */
import type { EventTypeInput } from "@ofsc/models/core"
import type { Columns, Json, MirrorEntity } from "../tables/tables.js"
import { tables } from "../tables/tables.js"

/** The event types the mirror subscribes to (checked against the spec's list of event types). */
export const mirroredEventTypes = [
  "activityCreated",
  "activityUpdated",
  "activityStarted",
  "activityTravelStarted",
  "activityTravelStopped",
  "activitySuspended",
  "activityCompleted",
  "activityNotDone",
  "activityCanceled",
  "activityDeleted",
  "activityDelayed",
  "activityReopened",
  "activityPreworkCreated",
  "activityMoved",
  "activityLinkCreated",
  "activityLinkDeleted",
  "inventoryInstalled",
  "inventoryDeinstalled",
  "inventoryUndoInstall",
  "inventoryUndoDeinstall",
  "customerInventoryCreated",
  "customerInventoryUpdated",
  "customerInventoryDeleted",
  "resourceInventoryCreated",
  "resourceInventoryUpdated",
  "resourceInventoryDeleted",
  "resourceCreated",
  "resourceUpdated",
  "userCreated",
  "userUpdated",
  "userDeleted"
] as const satisfies ReadonlyArray<EventTypeInput>

/** What one event does to one row. */
export type EntityEffect =
  | {
      readonly kind: "change"
      readonly entity: "activity" | "resource" | "user" | "inventory"
      readonly key: Columns
      /** The event creates the record (its changes hold every field). */
      readonly created: boolean
      /** Fields with their values after the change; null removes a field. */
      readonly changes: Json
    }
  | { readonly kind: "delete"; readonly entity: MirrorEntity; readonly key: Columns }
  /**
   * The resource's work skills or zones changed: they are read again (an event's list need not be
   * the list as OFS answers it, which carries fields such as `workZoneStatus`).
   */
  | { readonly kind: "rereadResourceList"; readonly entity: "workSkill" | "workZone"; readonly resourceId: string }
  /** The links of these activities must be read again. */
  | { readonly kind: "rereadLinks"; readonly activityIds: ReadonlyArray<number> }

/** The effects of an event, or why it cannot be applied. */
export type EventReading =
  | { readonly ok: true; readonly effects: ReadonlyArray<EntityEffect> }
  | { readonly ok: false; readonly reason: string }

const record = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined

const unknownEvent = (reason: string): EventReading => ({ ok: false, reason })

/** The change or delete of the record a details block names. */
const recordEffect = (
  entity: "activity" | "resource" | "user" | "inventory",
  event: Json,
  detailsBlock: string,
  changesBlock: string,
  deleted: boolean,
  created: boolean
): EventReading => {
  const details = record(event[detailsBlock])
  if (details === undefined) return unknownEvent(`${detailsBlock} is missing`)
  const key = tables[entity].keyOf(details)
  if (key === undefined) return unknownEvent(`${detailsBlock} has no usable key`)
  if (deleted) return { ok: true, effects: [{ kind: "delete", entity, key }] }
  const changes = record(event[changesBlock]) ?? {}
  // the details block holds current values of the identifying fields: merge them under the changes
  return { ok: true, effects: [{ kind: "change", entity, key, created, changes: { ...details, ...changes } }] }
}

/** Reads an event (an item of `GET /events`). */
export const readEvent = (event: Json): EventReading => {
  const type = event.eventType
  if (typeof type !== "string") return unknownEvent("eventType is missing")
  switch (type) {
    case "activityLinkCreated":
    case "activityLinkDeleted": {
      const from = Number(record(event.fromActivityDetails)?.activityId)
      const to = Number(record(event.toActivityDetails)?.activityId)
      const linkType = record(event.activityLinkDetails)?.linkType
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to))
        return unknownEvent("the link's activities are missing")
      if (type === "activityLinkDeleted" && typeof linkType === "string")
        return {
          ok: true,
          effects: [
            {
              kind: "delete",
              entity: "activityLink",
              key: { from_activity_id: from, to_activity_id: to, link_type: linkType }
            }
          ]
        }
      return { ok: true, effects: [{ kind: "rereadLinks", activityIds: [from, to] }] }
    }
    case "resourceCreated":
    case "resourceUpdated": {
      const reading = recordEffect(
        "resource",
        event,
        "resourceDetails",
        "resourceChanges",
        false,
        type === "resourceCreated"
      )
      if (!reading.ok) return reading
      const changes = record(event.resourceChanges) ?? {}
      const resourceId = String(record(event.resourceDetails)?.resourceId)
      const lists: Array<EntityEffect> = []
      const rest: Record<string, unknown> = {}
      for (const [field, value] of Object.entries(changes)) {
        if ((field === "workSkills" || field === "workZones") && Array.isArray(value)) {
          lists.push({
            kind: "rereadResourceList",
            entity: field === "workSkills" ? "workSkill" : "workZone",
            resourceId
          })
        } else rest[field] = value
      }
      if (lists.length === 0) return reading
      const effects = reading.effects.map((effect) =>
        effect.kind === "change" ? { ...effect, changes: { ...record(event.resourceDetails), ...rest } } : effect
      )
      // a change of lists alone says nothing new of the resource itself
      return { ok: true, effects: [...(Object.keys(rest).length > 0 ? effects : []), ...lists] }
    }
    case "userCreated":
    case "userUpdated":
    case "userDeleted":
      return recordEffect("user", event, "userDetails", "userChanges", type === "userDeleted", type === "userCreated")
  }
  if (/^(inventory|customerInventory|resourceInventory)/.test(type) && !type.endsWith("RequestCreated")) {
    return recordEffect(
      "inventory",
      event,
      "inventoryDetails",
      "inventoryChanges",
      type.endsWith("Deleted"),
      type.endsWith("Created")
    )
  }
  if (type.startsWith("activity")) {
    return recordEffect(
      "activity",
      event,
      "activityDetails",
      "activityChanges",
      type === "activityDeleted",
      type === "activityCreated" || type === "activityPreworkCreated" || type === "activityReopened"
    )
  }
  return unknownEvent(`event type ${type} is not one the mirror applies`)
}

/** A record with changes merged: a null value removes the field. */
export const mergeChanges = (data: Json, changes: Json): Json => {
  const out: Record<string, unknown> = { ...data }
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete out[field]
    else out[field] = value
  }
  return out
}
