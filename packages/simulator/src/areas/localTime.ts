/**
 * A resource's wall clock: OFS writes activity and route times in the time zone of the resource
 * they belong to, and an activity carries that zone (`resourceTimeZone*`), which follows the
 * activity to whichever resource it is assigned.
 */
import { defaultTimeZone, localDateTime, offsetOnDay, type SimTimeZone, timeZoneNamed } from "../data/timeZones.js"
import type { SimRecord } from "../state/record.js"
import type { Store } from "../state/store.js"
import { collections } from "./shared.js"

/** Whether `Intl` knows an IANA id. */
const isIanaId = (value: unknown): value is string => {
  if (typeof value !== "string" || !value.includes("/")) return false
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value })
    return true
  } catch {
    return false
  }
}

/**
 * A resource's zone: a seeded zone its `timeZoneIANA` or `timeZone` names, else an IANA id either
 * holds (a caller may write one into `timeZone`), else the organisation's zone.
 */
export const zoneOfResource = (resource: SimRecord | undefined): SimTimeZone => {
  const known = timeZoneNamed(resource?.timeZoneIANA) ?? timeZoneNamed(resource?.timeZone)
  if (known !== undefined) return known
  const iana = [resource?.timeZoneIANA, resource?.timeZone].find(isIanaId)
  return iana === undefined ? defaultTimeZone : { name: String(resource?.timeZone ?? iana), iana }
}

/** The zone of the resource with this id (the organisation's when there is none). */
export const zoneOfResourceId = (store: Store, resourceId: unknown): SimTimeZone =>
  zoneOfResource(resourceId === undefined ? undefined : store.collection(collections.resources).get(String(resourceId)))

/** The simulator clock's now, 'YYYY-MM-DD HH:MM:SS' on the wall clock of the resource with this id. */
export const resourceNow = (store: Store, resourceId: unknown): string =>
  localDateTime(store.clock.now(), zoneOfResourceId(store, resourceId).iana)

/**
 * The `resourceTimeZone*` fields of an activity of this resource on `date` ('YYYY-MM-DD'; the
 * resource's today when absent): the offset is the one of the day's local noon.
 */
export const resourceZoneFields = (store: Store, resourceId: unknown, date: unknown): SimRecord => {
  const zone = zoneOfResourceId(store, resourceId)
  const day =
    typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? date
      : localDateTime(store.clock.now(), zone.iana).slice(0, 10)
  return {
    resourceTimeZone: zone.name,
    resourceTimeZoneIANA: zone.iana,
    resourceTimeZoneDiff: offsetOnDay(day, zone.iana)
  }
}

/** An activity's changed fields plus its `resourceTimeZone*` after them, when its resource or date changes. */
export const withResourceZone = (store: Store, before: SimRecord | undefined, changes: SimRecord): SimRecord => {
  if (changes.resourceId === undefined && changes.date === undefined) return changes
  const resourceId = changes.resourceId ?? before?.resourceId
  if (resourceId === undefined) return changes
  return { ...changes, ...resourceZoneFields(store, resourceId, changes.date ?? before?.date) }
}
