/**
 * What the operation table cannot say about each configuration resource: the field that keys its
 * items, what its items reference, and whether it hangs under another resource. Everything else
 * (which operations read it, which write it, and so whether it is written at all) is read from the
 * verbs of `@ofsc/metadata`'s descriptors by `catalog.ts`.
 */

/** How a resource's items are laid out. */
export type ResourceShape =
  /** Items keyed by a field, one file each (shifts, work skills, ...). */
  | { readonly kind: "items"; readonly key: string }
  /** The whole collection is one value, read and replaced at once (work skill conditions). */
  | { readonly kind: "document" }
  /** One value per item of a parent resource, read and written under the parent's path (enumerations). */
  | {
      readonly kind: "perParent"
      readonly parent: string
      /** Which parents have a value of this resource (only enumeration properties have a list). */
      readonly when?: (parent: ConfigItem) => boolean
    }
  /** Items of a sub-collection per parent item, keyed `parent/child` (an application's API access). */
  | { readonly kind: "childItems"; readonly parent: string; readonly key: string }
  /** Files per parent item, read and written as bytes, keyed `parent/label` (a routing profile's plans). */
  | { readonly kind: "files"; readonly parent: string; readonly key: string }

/** A configuration item as exported: plain JSON, keys in a stable order. */
export type ConfigItem = { readonly [field: string]: ConfigValue }

/** A JSON value inside a configuration item. */
export type ConfigValue = string | number | boolean | null | ReadonlyArray<ConfigValue> | ConfigItem

/** The hand-written facts about one resource. */
export interface ResourceFacts {
  /** The folder name and the name in `--only` (`shifts`). */
  readonly name: string
  /** The operation id prefix in the table (`metadata.shifts`). */
  readonly group: string
  readonly shape: ResourceShape
  /** Resources whose items this one's items reference: they are written before it and deleted after it. */
  readonly dependsOn?: ReadonlyArray<string>
  /** The list lacks fields the write needs: read each item with `get` (forms: `content`). */
  readonly readEach?: boolean
  /** Why it is exported but never written, where the table alone does not make that obvious. */
  readonly readOnlyReason?: string
  /** Fields never exported or written (secrets, computed values). */
  readonly drop?: ReadonlyArray<string>
  /** The operations (by their method name in the group) that stand for these verbs, where OFS moves the resource through custom actions. */
  readonly verbs?: Partial<Record<"list" | "get" | "put" | "create" | "update" | "delete", string>>
}

const byLabel = { kind: "items", key: "label" } as const

/**
 * Every configuration resource of the Metadata API, in no particular order (`catalog.ts` sorts
 * them by their dependencies). Plugins are absent: the API can import and install them but has no
 * operation that reads one back, so there is nothing to export.
 */
export const resourceFacts: ReadonlyArray<ResourceFacts> = [
  { name: "shifts", group: "metadata.shifts", shape: byLabel },
  { name: "workSkills", group: "metadata.workSkills", shape: byLabel },
  { name: "workSkillGroups", group: "metadata.workSkillGroups", shape: byLabel, dependsOn: ["workSkills"] },
  {
    name: "workSkillConditions",
    group: "metadata.workSkillConditions",
    shape: { kind: "document" },
    dependsOn: ["workSkills", "properties"]
  },
  {
    name: "workZones",
    group: "metadata.workZones",
    shape: { kind: "items", key: "workZoneLabel" },
    dependsOn: ["organizations"]
  },
  {
    name: "workZoneKey",
    group: "metadata.workZoneKey",
    shape: { kind: "document" },
    readOnlyReason: "the work zone key is changed in the admin screens only (the API reads it)"
  },
  { name: "activityTypeGroups", group: "metadata.activityTypeGroups", shape: byLabel },
  {
    name: "activityTypes",
    group: "metadata.activityTypes",
    shape: byLabel,
    dependsOn: ["activityTypeGroups", "timeSlots"]
  },
  { name: "inventoryTypes", group: "metadata.inventoryTypes", shape: byLabel },
  { name: "properties", group: "metadata.properties", shape: byLabel },
  {
    name: "propertyEnumerations",
    group: "metadata.properties.enumerationList",
    shape: { kind: "perParent", parent: "properties", when: (property) => property.type === "enumeration" },
    dependsOn: ["properties"]
  },
  { name: "linkTemplates", group: "metadata.linkTemplates", shape: byLabel },
  {
    name: "timeSlots",
    group: "metadata.timeSlots",
    shape: byLabel,
    readOnlyReason: "the API lists time slots but has no operation that creates or changes one"
  },
  {
    name: "capacityCategories",
    group: "metadata.capacityCategories",
    shape: byLabel,
    dependsOn: ["workSkills", "workSkillGroups", "timeSlots"]
  },
  {
    name: "capacityAreas",
    group: "metadata.capacityAreas",
    shape: byLabel,
    readOnlyReason: "the API reads capacity areas and their parts but has no operation that writes one"
  },
  { name: "mapLayers", group: "metadata.mapLayers", shape: byLabel },
  {
    name: "organizations",
    group: "metadata.organizations",
    shape: byLabel,
    readOnlyReason: "the API reads organizations but has no operation that writes one"
  },
  { name: "forms", group: "metadata.forms", shape: byLabel, readEach: true },
  {
    name: "routingProfiles",
    group: "metadata.routingProfiles",
    shape: { kind: "items", key: "profileLabel" },
    readOnlyReason: "profiles cannot be created through the API (their plans are carried: routingPlans)"
  },
  {
    name: "routingPlans",
    group: "metadata.routingProfiles.plans",
    shape: { kind: "files", parent: "routingProfiles", key: "planLabel" },
    // a plan moves as its export file: import creates it (409 if it exists), forceImport replaces it
    verbs: { get: "export", create: "import", update: "forceImport" },
    dependsOn: ["routingProfiles"]
  },
  {
    name: "applications",
    group: "metadata.applications",
    shape: byLabel,
    drop: ["clientSecret", "clientId", "publicKey"]
  },
  {
    name: "applicationApiAccess",
    group: "metadata.applications.apiAccess",
    shape: { kind: "childItems", parent: "applications", key: "label" },
    dependsOn: ["applications"]
  },
  {
    name: "languages",
    group: "metadata.languages",
    shape: byLabel,
    readOnlyReason: "read-only in OFS: languages come with the instance"
  },
  {
    name: "resourceTypes",
    group: "metadata.resourceTypes",
    shape: byLabel,
    readOnlyReason: "read-only in the API: resource types are defined in the admin screens"
  },
  {
    name: "nonWorkingReasons",
    group: "metadata.nonWorkingReasons",
    shape: byLabel,
    readOnlyReason: "read-only in the API: non-working reasons are defined in the admin screens"
  }
]
