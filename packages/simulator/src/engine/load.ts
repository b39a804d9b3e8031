/**
 * Loads the seeded data set into the store: activities, resources, users and every metadata
 * collection keyed by its id field. Records are stored as the seed made them, without copies.
 */
import type { SeedData, SimRecord } from "../data/seed.js"
import type { Store } from "../state/store.js"
import { seedIdFields } from "./keys.js"

const fill = (store: Store, name: string, records: ReadonlyArray<SimRecord>, idField: string) => {
  const collection = store.collection(name)
  for (const record of records) collection.put(String(record[idField]), record)
}

/** Puts the seed's records into their collections. */
export const loadSeed = (store: Store, data: SeedData): void => {
  fill(store, "activities", data.activities, "activityId")
  fill(store, "resources", data.resources, "resourceId")
  fill(store, "users", data.users, "login")
  for (const [name, records] of Object.entries(data.metadata)) {
    fill(store, name, records, seedIdFields[name] ?? "label")
  }
}
