/**
 * Lists that OFS derives from other data rather than storing: an activity's customer, installed and
 * deinstalled inventories and a resource's inventories are views on `inventories`; a resource's
 * children and descendants, a capacity area's children, categories, time slots, organizations and
 * work zones, and a resource's route for a day read the collections they come from.
 */
import type { SimRecord } from "../state/record.js"
import type { Store } from "../state/store.js"
import type { ActivityIndex } from "./activityIndex.js"

const apiLabels = [
  "coreAPI",
  "metadataAPI",
  "capacityAPI",
  "statisticsAPI",
  "partsCatalogAPI",
  "fieldCollaborationAPI",
  "inboundAPI",
  "outboundAPI"
]

/** What a view needs to read. */
export interface ViewSources {
  readonly store: Store
  readonly activities: ActivityIndex
}

/** A derived list; `base` and `defaults` let creates and deletes through it reach the real collection. */
export interface View {
  readonly items: (sources: ViewSources, params: Readonly<Record<string, string>>) => ReadonlyArray<SimRecord>
  readonly base?: string
  readonly defaults?: (params: Readonly<Record<string, string>>) => SimRecord
}

const inventoriesOf =
  (owner: "activityId" | "resourceId", status: string): View["items"] =>
  ({ store }, params) =>
    store
      .collection("inventories")
      .list()
      .filter((r) => String(r[owner]) === params[owner] && (r.status ?? "resource") === status)

const activityInventories = (status: string): View => ({
  items: inventoriesOf("activityId", status),
  base: "inventories",
  defaults: (params) => ({ activityId: Number(params.activityId), status })
})

const childrenOf = (store: Store, parentField: string, collection: string, id: string) =>
  store
    .collection(collection)
    .list()
    .filter((r) => r[parentField] === id)

const descendants = (store: Store, id: string): ReadonlyArray<SimRecord> => {
  const byParent = new Map<unknown, Array<SimRecord>>()
  for (const r of store.collection("resources").list()) {
    const siblings = byParent.get(r.parentResourceId) ?? []
    siblings.push(r)
    byParent.set(r.parentResourceId, siblings)
  }
  const out: Array<SimRecord> = []
  const queue = [id]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of byParent.get(next) ?? []) {
      out.push(child)
      queue.push(String(child.resourceId))
    }
  }
  return out
}

const all =
  (collection: string): View["items"] =>
  ({ store }) =>
    store.collection(collection).list()

/** Views by collection template. */
export const views: Readonly<Record<string, View>> = {
  "activities/{activityId}/customerInventories": activityInventories("customer"),
  "activities/{activityId}/installedInventories": activityInventories("installed"),
  "activities/{activityId}/deinstalledInventories": activityInventories("deinstalled"),
  "resources/{resourceId}/inventories": {
    items: inventoriesOf("resourceId", "resource"),
    base: "inventories",
    defaults: (params) => ({ resourceId: params.resourceId, status: "resource" })
  },
  "resources/{resourceId}/children": {
    items: ({ store }, p) => childrenOf(store, "parentResourceId", "resources", p.resourceId ?? "")
  },
  "resources/{resourceId}/descendants": { items: ({ store }, p) => descendants(store, p.resourceId ?? "") },
  "resources/{resourceId}/routes/{date}": {
    items: ({ store, activities }, p) =>
      activities
        .select({
          resources: [p.resourceId ?? ""],
          dateFrom: p.date,
          dateTo: p.date,
          includeNonScheduled: false
        })
        .flatMap((id): ReadonlyArray<SimRecord> => {
          const activity = store.collection("activities").get(id)
          return activity === undefined ? [] : [activity]
        })
  },
  addressBook: {
    items: ({ store }) =>
      store
        .collection("users")
        .list()
        .map((u) => ({ contactId: u.login, type: "user", name: u.name, status: u.status }))
  },
  "capacityAreas/{label}/children": {
    items: ({ store }, p) =>
      store
        .collection("capacityAreas")
        .list()
        .filter((area) => (area.parent as SimRecord | undefined)?.label === p.label)
  },
  // an area answers the categories and time slots it uses as OFS names them there
  "capacityAreas/{label}/capacityCategories": {
    items: ({ store }) =>
      store
        .collection("capacityCategories")
        .list()
        .map((c) => ({ label: c.label, name: c.name, status: c.active === false ? "inactive" : "active" }))
  },
  "capacityAreas/{label}/timeSlots": {
    items: ({ store }) =>
      store
        .collection("timeSlots")
        .list()
        .map((s) => ({ label: s.label, name: s.name, timeFrom: s.timeStart, timeTo: s.timeEnd }))
  },
  "capacityAreas/{label}/organizations": { items: all("organizations") },
  "capacityAreas/{label}/workZones": {
    // the v1 answer names a zone `label`, the v2 answer `workZoneLabel`
    items: ({ store }) =>
      store
        .collection("workZones")
        .list()
        .filter((z) => z.status !== "inactive")
        .map((z) => ({ ...z, label: z.workZoneLabel }))
  }
}

/**
 * What a collection holds before anything wrote to it, by template: every application has its API
 * access list, and a resource's users are the users that list it.
 */
export const initialContents: Readonly<
  Record<string, (store: Store, params: Readonly<Record<string, string>>) => ReadonlyArray<SimRecord>>
> = {
  "applications/{label}/apiAccess": () => apiLabels.map((label) => ({ label, name: label, status: "active" })),
  "resources/{resourceId}/users": (store, p) =>
    store
      .collection("users")
      .list()
      .filter((u) => Array.isArray(u.resources) && u.resources.includes(p.resourceId))
      .map((u) => ({ login: u.login }))
}

/** Fields a create adds to what the caller sent, by collection template. */
export const createDefaults: Readonly<Record<string, SimRecord>> = {
  activities: { status: "pending", recordType: "regular" },
  inventories: { status: "resource" }
}
