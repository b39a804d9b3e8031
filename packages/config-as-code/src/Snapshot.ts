/**
 * A snapshot of an instance's configuration: for each resource exported, its items by key. Plain
 * JSON values, so a synchronous script can build one from `@ofsc/sync` answers and plan with it.
 */
import { setOwn } from "./internal/own.js"
import type { ConfigItem } from "./resources/facts.js"

/** Items of one resource, by key (`shifts` → `{ day: {...}, late: {...} }`). */
export type ResourceItems = { readonly [key: string]: ConfigItem }

/** A configuration snapshot: the resources it holds (an empty one still says it was exported). */
export type Snapshot = { readonly [resource: string]: ResourceItems }

/** The keys of a resource's items in a snapshot, sorted. */
export const keysOf = (snapshot: Snapshot, resource: string): ReadonlyArray<string> =>
  Object.keys(snapshot[resource] ?? {}).sort()

/** Builds a snapshot with every resource's items sorted by key (the order files and plans use). */
export const sortedSnapshot = (snapshot: Snapshot): Snapshot => {
  const out: Record<string, ResourceItems> = {}
  for (const resource of Object.keys(snapshot)) {
    const items = snapshot[resource] ?? {}
    const sorted: Record<string, ConfigItem> = {}
    for (const key of Object.keys(items).sort()) setOwn(sorted, key, items[key] as ConfigItem)
    out[resource] = sorted
  }
  return out
}
