/**
 * Inventories as a tenant has them: every technician carries a serialized router or modem and a
 * reel of cable; every third install, upgrade or repair visit has customer equipment on site, and
 * completed installs have the equipment they installed.
 */

import type { SimRecord } from "../state/record.js"
import { pad } from "./dates.js"
import { IdCounter } from "./ids.js"

const equipmentVisits = new Set(["install", "upgrade", "repair"])

/** The inventories of the technicians and activities, ids from 100001 on. */
export const seedInventories = (
  technicianIds: ReadonlyArray<string>,
  activities: ReadonlyArray<SimRecord>
): ReadonlyArray<SimRecord> => {
  const ids = new IdCounter(100_000)
  const out: Array<SimRecord> = []
  technicianIds.forEach((resourceId, t) => {
    const id = ids.next()
    out.push({
      inventoryId: id,
      status: "resource",
      resourceId,
      inventoryType: t % 2 === 0 ? "router" : "modem",
      serialNumber: `SN${pad(id, 8)}`,
      quantity: 1
    })
    out.push({
      inventoryId: ids.next(),
      status: "resource",
      resourceId,
      inventoryType: "cable",
      quantity: 50 + (t % 50)
    })
  })
  activities.forEach((activity, a) => {
    if (a % 3 !== 0 || !equipmentVisits.has(String(activity.activityType))) return
    const id = ids.next()
    out.push({
      inventoryId: id,
      status: "customer",
      activityId: activity.activityId,
      inventoryType: a % 2 === 0 ? "meter" : "modem",
      serialNumber: `SN${pad(id, 8)}`,
      quantity: 1
    })
    if (activity.activityType === "install" && activity.status === "completed") {
      const installed = ids.next()
      out.push({
        inventoryId: installed,
        status: "installed",
        activityId: activity.activityId,
        resourceId: activity.resourceId,
        inventoryType: "router",
        serialNumber: `SN${pad(installed, 8)}`,
        quantity: 1
      })
    }
  })
  return out
}
