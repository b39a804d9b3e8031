/**
 * Activities indexed by resource and by date, so GET activities for a resource and a date range
 * touches only those activities, even with 100,000 of them. The index listens to the `activities`
 * collection's changes, so activities the rules move or create stay found.
 * Selections are cached per query until the collection changes, so paging filters once.
 */
import type { SimRecord } from "../state/record.js"
import type { Collection } from "../state/store.js"

/** What GET activities filters on. */
export interface ActivitySelection {
  /** Resource ids (already expanded to children when asked); undefined for every resource. */
  readonly resources: ReadonlyArray<string> | undefined
  readonly dateFrom: string | undefined
  readonly dateTo: string | undefined
  readonly includeNonScheduled: boolean
}

const addTo = (map: Map<string, Set<string>>, key: string, id: string) => {
  let set = map.get(key)
  if (set === undefined) {
    set = new Set()
    map.set(key, set)
  }
  set.add(id)
}

const dateOf = (record: SimRecord | undefined): string | undefined =>
  typeof record?.date === "string" && record.date !== "" ? record.date : undefined

/** The index over one `activities` collection. */
export class ActivityIndex {
  private readonly byResource = new Map<string, Set<string>>()
  private readonly byDate = new Map<string, Set<string>>()
  private readonly undated = new Set<string>()
  private readonly cache = new Map<string, ReadonlyArray<string>>()
  /** Bumped on every change to the collection. */
  version = 0

  constructor(private readonly activities: Collection) {
    for (const record of activities.list()) this.add(String(record.activityId), record)
    activities.onChange((id, before, after) => {
      this.remove(id, before)
      if (after !== undefined) this.add(id, after)
      this.changed()
    })
  }

  private changed() {
    this.version++
    this.cache.clear()
  }

  private add(id: string, record: SimRecord) {
    if (typeof record.resourceId === "string") addTo(this.byResource, record.resourceId, id)
    const date = dateOf(record)
    if (date === undefined) this.undated.add(id)
    else addTo(this.byDate, date, id)
  }

  private remove(id: string, record: SimRecord | undefined) {
    if (record === undefined) return
    if (typeof record.resourceId === "string") this.byResource.get(record.resourceId)?.delete(id)
    const date = dateOf(record)
    if (date === undefined) this.undated.delete(id)
    else this.byDate.get(date)?.delete(id)
  }

  /** The ids of the selected activities, by resource (in the order asked), then date. */
  select(selection: ActivitySelection): ReadonlyArray<string> {
    const key = JSON.stringify(selection)
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const ids = selection.resources === undefined ? this.byDates(selection) : this.byResources(selection)
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value as string)
    this.cache.set(key, ids)
    return ids
  }

  private inRange(date: string | undefined, s: ActivitySelection): boolean {
    if (date === undefined) return s.includeNonScheduled
    return s.dateFrom !== undefined && s.dateTo !== undefined && date >= s.dateFrom && date <= s.dateTo
  }

  private byResources(s: ActivitySelection): ReadonlyArray<string> {
    const out: Array<string> = []
    for (const resourceId of s.resources ?? []) {
      const found: Array<{ id: string; date: string }> = []
      for (const id of this.byResource.get(resourceId) ?? []) {
        const date = dateOf(this.activities.get(id))
        if (this.inRange(date, s)) found.push({ id, date: date ?? "" })
      }
      found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      for (const f of found) out.push(f.id)
    }
    return out
  }

  private byDates(s: ActivitySelection): ReadonlyArray<string> {
    const out: Array<string> = []
    if (s.dateFrom !== undefined && s.dateTo !== undefined) {
      const dates = [...this.byDate.keys()].filter((d) => d >= (s.dateFrom as string) && d <= (s.dateTo as string))
      dates.sort()
      for (const date of dates) for (const id of this.byDate.get(date) ?? []) out.push(id)
    }
    if (s.includeNonScheduled) for (const id of this.undated) out.push(id)
    return out
  }
}
