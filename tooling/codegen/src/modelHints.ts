/**
 * Hand-written corrections and hints for the model generator: which definitions carry tenant custom
 * properties, and the few spec nodes whose declared shape differs from what OFS really sends.
 */
import type { SchemaNode } from "./spec.js"

/**
 * Entity shapes that carry instance-specific custom properties (`XA_...`) as extra top-level keys;
 * their types get an index signature so those keys are visible and sent back on encode.
 */
export const customPropertyDefinitions: ReadonlySet<string> = new Set([
  // activities
  "activity",
  "getActivitySchema",
  "createActivitySchema",
  "updateActivitySchema",
  "bulkUpdateActivitySchema",
  "bulkUpdateActivityItemSchema",
  "activityFMRSchema",
  "findNearbyActivitiesItem",
  "showBookingGridActivityProperty",
  "activityDetails",
  "activityChanges",
  // inventories
  "inventory",
  "inventoryWithoutStatus",
  "inventoryWithCustomProperties",
  "createInventory",
  "createCustomerInventory",
  "resourceInventory",
  "createResourceInventory",
  "inventoryDetails",
  // resources
  "resource",
  "createResource",
  "updateResource",
  "resourceDetails",
  // users
  "userGet",
  "userGenericFields",
  "updateUser",
  "userRequest",
  "userResponse",
  "userDetails",
  // service requests
  "createServiceRequest",
  "serviceRequestsItem"
])

/** Definitions whose `allOf` lists alternatives rather than parts: every merged field is optional. */
export const unionLikeDefinitions: ReadonlySet<string> = new Set(["event"])

/** A `YYYY-MM-DD` key, used for maps keyed by date (other keys such as `links` stay excess keys). */
export const dateKeyPattern = "^\\d{4}-\\d{2}-\\d{2}$"

/** A schema node with the generator's own extension: a map whose keys must match a pattern. */
export interface HintedNode extends SchemaNode {
  readonly "x-key-pattern"?: string
  readonly "x-nullable"?: boolean
  readonly pattern?: string
  readonly minItems?: number
  readonly maxItems?: number
}

/**
 * Definitions replaced wholesale because real responses differ from the declared shape:
 * - calendarView answers date -> shift type (`regular`, `on-call`) -> item, next to a `links` key;
 * - resourceAssist is one element of an array, an object (declared `type: array`).
 */
export const definitionFixes: Readonly<Record<string, HintedNode>> = {
  workSchedulesCalendarView: {
    type: "object",
    "x-key-pattern": dateKeyPattern,
    additionalProperties: {
      type: "object",
      additionalProperties: { $ref: "#/definitions/calendarViewItem" }
    }
  }
}

/** Definitions declared `type: array` with `properties` that really are single objects. */
export const objectNotArray: ReadonlySet<string> = new Set(["resourceAssist"])

/** A string format the spec states only in prose; strict (request) models check it. */
export type StringFormat = "date" | "time" | "date-time"

/**
 * String fields sent in requests whose format the spec gives only in words, by definition and
 * property path (`[]` = array item). Lenient models accept any string for them.
 */
export const stringFormats: Readonly<Record<string, StringFormat>> = {
  serviceWindowStartInput: "time",
  serviceWindowEndInput: "time",
  slaWindowStartInput: "date-time",
  slaWindowEndInput: "date-time",
  timeDeliveredStartInput: "date-time",
  timeDeliveredEndInput: "date-time",
  "activityFMRSchema.deliveryWindowStart": "time",
  "activityFMRSchema.deliveryWindowEnd": "time",
  "customActionActivityMoveSchema.setDate.date": "date",
  "customActionActivityStatusEnrouteChangeSchema.time": "date-time",
  "customActionActivityStatusChangeSchema.time": "date-time",
  "resourceWorkZone.startDate": "date",
  "resourceWorkZone.endDate": "date",
  "resourceWorkSkill.startDate": "date",
  "resourceWorkSkill.endDate": "date",
  "workScheduleItem.recurrence.dayFrom": "date",
  "workScheduleItem.recurrence.dayTo": "date",
  "shiftItem.recurrence.dayFrom": "date",
  "shiftItem.recurrence.dayTo": "date",
  "plan.date": "date",
  "findMatchingResourcesRequestSchema.date": "date",
  "findMatchingResourcesRequestSchema.schedulesToReturn[]": "date",
  "CreateShiftSchema.workTimeStart": "time",
  "CreateShiftSchema.workTimeEnd": "time",
  "bookingStatusNode.timeFrom": "time",
  "bookingStatusNode.timeTo": "time",
  "v2-patch-quota-category-intervals.timeFrom": "time",
  "v2-patch-quota-category-intervals.timeTo": "time",
  "v2-patch-quota-intervals.timeFrom": "time",
  "v2-patch-quota-intervals.timeTo": "time",
  "quotaPatchRequest.areas[].categories[].intervals[].timeFrom": "time",
  "quotaPatchRequest.areas[].categories[].intervals[].timeTo": "time"
}

/** Request fields where `null` is meaningful (it clears the value) although the spec does not mark them. */
export const nullableFields: ReadonlySet<string> = new Set(["customActionActivityMoveSchema.setDate.date"])

/**
 * Properties added to, narrowed or widened in a definition, from observed OFS traffic: shifts are
 * answered with their `label`, and the server accepts only these shift types and decoration
 * colours; a work zone's travel area is any routing travel area of the instance (the spec's enum
 * lists two example values).
 */
export const propertyPatches: Readonly<Record<string, Readonly<Record<string, HintedNode>>>> = {
  Shift: {
    label: { type: "string" },
    type: { type: "string", enum: ["regular", "on-call"] },
    decoration: { type: "string", enum: ["yellow", "orange", "red", "blue", "green", "purple"] }
  },
  CreateShiftSchema: {
    type: { type: "string", enum: ["regular", "on-call"] },
    decoration: { type: "string", enum: ["yellow", "orange", "red", "blue", "green", "purple"] }
  },
  workZoneItem: {
    travelArea: { type: "string" }
  }
}
