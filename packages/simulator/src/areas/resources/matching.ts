/**
 * Resource searches answered from the store: matching resources and resources for urgent
 * assignment list active technicians (at most the `limit` asked). The rest of each answer is
 * generated from the schema.
 */

import type { PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { isRecord } from "../../engine/records.js"
import type { SimRecord } from "../../state/record.js"

const technicians = (engine: Engine, limit: number): ReadonlyArray<SimRecord> =>
  engine.store
    .collection("resources")
    .list()
    .filter((r) => r.resourceType === "PR" && r.status !== "inactive")
    .slice(0, limit)

const limitOf = (body: unknown, fallback: number) =>
  isRecord(body) && typeof body.limit === "number" && body.limit > 0 ? body.limit : fallback

/** POST resources/custom-actions/findMatchingResources. */
export const findMatchingResources: PlanHandler = (engine, plan, call) =>
  engine.answer(plan, {
    items: technicians(engine, limitOf(call.body, 10)).map((r) => ({
      resource: { resourceId: r.resourceId, name: r.name, resourceType: r.resourceType }
    }))
  })

/** POST resources/custom-actions/findResourcesForUrgentAssignment. */
export const findResourcesForUrgentAssignment: PlanHandler = (engine, plan, call) =>
  engine.answer(plan, {
    items: technicians(engine, limitOf(call.body, 10)).map((r) => ({
      resourceDetails: { resourceId: r.resourceId, name: r.name }
    }))
  })
