/**
 * The resource bulk updates set work skills, work zones and inventories of many resources at once,
 * in the same collections the single-resource operations use.
 */

import type { PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { isRecord, itemsOf } from "../../engine/records.js"
import type { SimRecord } from "../../state/record.js"

/** Puts each resource's items into one of its collections; answers per resource how many were set. */
const perResource =
  (
    listField: "workSkills" | "workZones",
    key: (engine: Engine, resourceId: string, item: SimRecord) => string
  ): PlanHandler =>
  (engine, plan, call) => {
    const resources = engine.store.collection("resources")
    const results = (itemsOf(call.body) ?? []).map((entry) => {
      const resourceId = String(entry.resourceId)
      const items = Array.isArray(entry[listField]) ? entry[listField].filter(isRecord) : []
      if (resources.get(resourceId) === undefined) {
        return {
          resourceId,
          itemsUpdated: 0,
          itemsFailed: items.length,
          errors: [{ detail: `Resource '${resourceId}' not found` }]
        }
      }
      for (const item of items) {
        const id = key(engine, resourceId, item)
        engine.store
          .collection(`resources/${resourceId}/${listField}`)
          .put(id, { ...item, ...(listField === "workZones" ? { workZoneItemId: Number(id) } : {}) })
      }
      return { resourceId, itemsUpdated: items.length, itemsFailed: 0 }
    })
    return engine.answer(plan, { resourcesUpdated: results.filter((r) => r.itemsFailed === 0).length, results })
  }

/** POST resources/custom-actions/bulkUpdateWorkSkills: work skills keyed by skill. */
export const bulkUpdateWorkSkills: PlanHandler = perResource("workSkills", (_engine, _resourceId, item) =>
  String(item.workSkill)
)

/** POST resources/custom-actions/bulkUpdateWorkZones: work zone items with fresh ids unless given. */
export const bulkUpdateWorkZones: PlanHandler = perResource("workZones", (engine, resourceId, item) =>
  item.workZoneItemId !== undefined
    ? String(item.workZoneItemId)
    : String(engine.nextId("workZones", engine.store.collection(`resources/${resourceId}/workZones`), "workZoneItemId"))
)

/** POST resources/custom-actions/bulkUpdateInventories: a resource's stock, matched by serial number or type. */
export const bulkUpdateInventories: PlanHandler = (engine, plan, call) => {
  const body = isRecord(call.body) ? call.body : {}
  const inventories = engine.store.collection("inventories")
  let created = 0
  let updated = 0
  for (const entry of Array.isArray(body.resources) ? body.resources.filter(isRecord) : []) {
    const resourceId = String(entry.resourceId)
    for (const item of Array.isArray(entry.inventories) ? entry.inventories.filter(isRecord) : []) {
      const existing = inventories
        .list()
        .find(
          (i) =>
            i.resourceId === resourceId &&
            i.status === "resource" &&
            (item.serialNumber === undefined
              ? i.serialNumber === undefined && i.inventoryType === item.inventoryType
              : i.serialNumber === item.serialNumber)
        )
      if (existing === undefined) {
        const inventoryId = engine.nextId("inventories", inventories, "inventoryId")
        inventories.put(String(inventoryId), { ...item, inventoryId, resourceId, status: "resource" })
        created++
      } else {
        inventories.patch(String(existing.inventoryId), item)
        updated++
      }
    }
  }
  return engine.answer(plan, { created, updated, deleted: 0, itemsFailed: 0 })
}
