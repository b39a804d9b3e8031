/**
 * Loads the seeded data set into the store: activities and their links, resources, users, inventories, each
 * technician's work schedules, work skills and work zones, capacity quotas and every metadata
 * collection keyed by its id field. Records are stored as the seed made them, without copies. The
 * id counters start above the seeded ids, so created items never reuse one.
 */
import type { SeedData } from "../data/seed.js"
import type { SimRecord } from "../state/record.js"
import type { Store } from "../state/store.js"
import { seedIdFields } from "./keys.js"
import { linkKey, naturalKey } from "./recordKey.js"

const fill = (store: Store, name: string, records: ReadonlyArray<SimRecord>, key: (r: SimRecord) => string) => {
  const collection = store.collection(name)
  for (const record of records) collection.put(key(record), record)
}

const byField = (field: string) => (record: SimRecord) => String(record[field])

/** Puts the seed's records into their collections. */
export const loadSeed = (store: Store, data: SeedData): void => {
  fill(store, "activities", data.activities, byField("activityId"))
  fill(store, "resources", data.resources, byField("resourceId"))
  fill(store, "users", data.users, byField("login"))
  fill(store, "inventories", data.inventories, byField("inventoryId"))
  fill(store, "quota", data.quotas, naturalKey)
  for (const [resourceId, owned] of Object.entries(data.resourceCollections)) {
    fill(store, `resources/${resourceId}/workSchedules`, owned.workSchedules, byField("scheduleItemId"))
    fill(store, `resources/${resourceId}/workSkills`, owned.workSkills, byField("workSkill"))
    fill(store, `resources/${resourceId}/workZones`, owned.workZones, byField("workZoneItemId"))
  }
  // a link is listed by both of its activities, keyed by the other one and the link type
  for (const link of data.activityLinks) {
    for (const end of [link.fromActivityId, link.toActivityId]) {
      fill(store, `activities/${end}/linkedActivities`, [link], (l) => linkKey(String(end), l))
    }
  }
  for (const [name, records] of Object.entries(data.metadata)) {
    fill(store, name, records, byField(seedIdFields[name] ?? "label"))
  }
  for (const [kind, highest] of Object.entries(data.highestIds)) store.nextId(kind, highest)
}
