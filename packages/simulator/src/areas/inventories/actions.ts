/**
 * Inventory custom actions move an inventory between its owners: install puts a resource's item on
 * the activity (`installed`), deinstall takes a customer's item off it (`deinstalled`), and the undo
 * actions put them back (`resource`, `customer`). The activity's installed, deinstalled and customer
 * lists are views on the same inventories, so they follow.
 */
import type { PlanHandler } from "../../engine/collections.js"
import { isRecord } from "../../engine/records.js"

const statusAfter = {
  install: "installed",
  deinstall: "deinstalled",
  undoInstall: "resource",
  undoDeinstall: "customer"
} as const

/** The handler of one inventory action (`inventories/{inventoryId}/custom-actions/<verb>`). */
export const inventoryAction =
  (verb: keyof typeof statusAfter): PlanHandler =>
  (engine, plan, call) => {
    const id = call.params.inventoryId ?? ""
    const inventories = engine.store.collection("inventories")
    const inventory = inventories.get(id)
    const owner = call.params.resourceId
    if (inventory === undefined || (owner !== undefined && inventory.resourceId !== owner)) {
      return engine.notFound("inventories", id)
    }
    const body = isRecord(call.body) ? call.body : {}
    inventories.patch(id, {
      status: statusAfter[verb],
      ...(typeof body.activityId === "number" ? { activityId: body.activityId } : {})
    })
    return engine.answer(plan, undefined)
  }
