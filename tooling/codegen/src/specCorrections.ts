/**
 * Where the spec's declared shape is wrong about what OFS sends, found with `pnpm audit:spec`
 * (auditSpec.ts): each correction replaces one node and says why in one line, and each audit
 * candidate left as the spec has it says why it is fine. packages/models/README.md lists both.
 */
import type { HintedNode } from "./modelHints.js"

/** A replacement node and the reason for it. */
export interface Correction {
  readonly node: HintedNode
  readonly reason: string
}

/** Count and minutes per time interval, as OFS sends them: one object of parallel integer arrays. */
const parallelCounts: HintedNode = {
  type: "object",
  properties: {
    count: { type: "array", items: { type: "integer" } },
    minutes: { type: "array", items: { type: "integer" } }
  }
}

const parallelReason =
  "OFS sends one object of parallel arrays ({ count: [8], minutes: [480] }, one entry per requested interval), not an array of objects"

const integerActivityId: Correction = {
  node: { type: "integer" },
  reason: "activity ids are integers in every OFS answer (and in the spec's other 37 places)"
}

/** Property nodes replaced, by hint path (`definition.property[].property`). */
export const propertyCorrections: Readonly<Record<string, Correction>> = {
  "capacity.areas[].calendar": { node: parallelCounts, reason: parallelReason },
  "capacity.areas[].available": { node: parallelCounts, reason: parallelReason },
  "capacity.areas[].categories[].calendar": {
    node: parallelCounts,
    reason: `${parallelReason}; the counts are integers, as one level up`
  },
  "capacity.areas[].categories[].available": {
    node: parallelCounts,
    reason: `${parallelReason}; the counts are integers, as one level up`
  },
  "customActionActivityBulkUpdateSchemaResponse.results[].activityKeys.activityId": integerActivityId,
  "linkedActivities.activityId": integerActivityId,
  "linkedActivities.linkedActivityId": integerActivityId
}

/** Success answers replaced, by `METHOD /path`. */
export const responseCorrections: Readonly<Record<string, Correction>> = {
  "GET /rest/ofscCore/v1/events/subscriptions": {
    node: {
      type: "object",
      properties: {
        totalResults: { type: "integer" },
        items: { type: "array", items: { $ref: "#/definitions/subscriptionInfoResponse" } }
      }
    },
    reason:
      "OFS answers 200 with the usual list envelope { totalResults, items }; the spec declares only a default answer, a bare array"
  }
}

/** Audit candidates left as the spec has them, matched by key, with the reason they are fine. */
export const auditVerdicts: ReadonlyArray<{ readonly match: RegExp; readonly reason: string }> = [
  {
    match: /^(GET|PUT|POST|DELETE) \/rest\/\S+ (activityId|scheduleItemId|workZoneItemId)$/,
    reason:
      "a path parameter: sent, never decoded, and a string carries the same digits; typing it integer would break callers"
  },
  {
    match:
      /^(CustomActionMapLayersPopulateLayersSchemaResponse|customActionWorkZonesPopulateShapesSchemaResponse)\.downloadId$/,
    reason: "the answer's download id is a number; only the path parameter that takes it back is typed string (sent)"
  },
  {
    match: /^routingRun\.routingRunDetails\.resourceId$/,
    reason:
      "a routing run reports the internal resource id, a number like routingRunId and routingPlanId beside it; no evidence it is the external id"
  },
  {
    match: /^resourcesAssistants\.items$/,
    reason: "an object with `items` is already read as a list by the generator's general rule"
  },
  {
    match: /^shiftItem\.recurrence$/,
    reason: "one recurrence rule per shift (dayFrom, recurEvery, ...): the word array in its description is a slip"
  },
  {
    match: /forecastDuringBookingDetails$/,
    reason: "one details object; the list its description speaks of is its own removedOptions"
  },
  {
    match: /^ResultBookingStatusObject\.results$/,
    reason:
      "totals of one update (updatedFieldCount, notChangedFieldCount), declared the same object in ResultObject and ResultQuotaObject"
  },
  {
    match: /^GET \/rest\/ofscCore\/v1\/activities fields$/,
    reason:
      "a csv list of field names, correctly typed array; its description names the activity object it selects from"
  }
]
