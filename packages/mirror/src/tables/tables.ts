/**
 * The mirrored tables: for each, its key columns and how an OFS answer becomes the columns
 * integrators query. The whole answer is kept beside them (`data`), so nothing OFS sent is lost
 * (custom `XA_` properties included). Tests project the simulator's store through these same
 * functions and compare, so the mirror and its check cannot disagree on what a row holds.
 */
import { activityTimeColumns } from "../time/activityTimes.js"

/** A value a column holds. */
export type ColumnValue = string | number | null

/** The columns of a row, by name. */
export type Columns = Readonly<Record<string, ColumnValue>>

/** An OFS answer as JSON. */
export type Json = Readonly<Record<string, unknown>>

/** What a projection may look up beyond the answer itself. */
export interface ProjectionContext {
  /** The IANA zone of a resource as the mirror holds it, if it holds it. */
  readonly zoneOfResource: (resourceId: string) => string | undefined
  /** The zone of activities whose resource names none (the organisation's). */
  readonly defaultZone: string
}

/** The entities the mirror keeps, one table each. */
export type MirrorEntity =
  | "activity"
  | "resource"
  | "user"
  | "inventory"
  | "activityLink"
  | "workSkill"
  | "workZone"
  | "workSchedule"

/** A mirrored table: its name, key and columns. */
export interface MirrorTable {
  readonly entity: MirrorEntity
  readonly name: string
  /** The key columns, in order. */
  readonly keys: ReadonlyArray<string>
  /** The key columns of an answer; undefined when it lacks them (it cannot be stored). */
  readonly keyOf: (data: Json) => Columns | undefined
  /** The queried columns besides the key, as a fresh object each call (writeRows adds the rest to it). */
  readonly columns: (data: Json, context: ProjectionContext) => Columns
}

const text = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value)

const num = (value: unknown): number | null => {
  if (typeof value === "number") return Number.isFinite(value) ? value : null
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value)
  return null
}

const int = (value: unknown): number | null => {
  const n = num(value)
  return n === null || !Number.isSafeInteger(n) ? null : n
}

/** A key column that must be a non-empty string or a safe integer. */
const keyText = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined

const keyInt = (value: unknown): number | undefined => {
  const n = int(value)
  return n === null ? undefined : n
}

/** Activities (`GET /activities`), with their local times projected to UTC in the resource's zone. */
export const activitiesTable: MirrorTable = {
  entity: "activity",
  name: "activities",
  keys: ["activity_id"],
  keyOf: (a) => {
    const id = keyInt(a.activityId)
    return id === undefined ? undefined : { activity_id: id }
  },
  columns: (a, context) => ({
    status: text(a.status),
    activity_type: text(a.activityType),
    date: text(a.date),
    resource_id: text(a.resourceId),
    appt_number: text(a.apptNumber),
    customer_number: text(a.customerNumber),
    customer_name: text(a.customerName),
    customer_email: text(a.customerEmail),
    customer_phone: text(a.customerPhone ?? a.customerCell),
    street_address: text(a.streetAddress),
    city: text(a.city),
    state: text(a.stateProvince),
    postal_code: text(a.postalCode),
    country_code: text(a.countryCode),
    latitude: num(a.latitude),
    longitude: num(a.longitude),
    ...activityTimeColumns(
      a,
      typeof a.resourceId === "string" ? context.zoneOfResource(a.resourceId) : undefined,
      context.defaultZone
    ),
    travel_minutes: int(a.travelTime),
    duration_minutes: int(a.duration)
  })
}

/** Resources (`GET /resources`): the whole tree, buckets and organisation units included. */
export const resourcesTable: MirrorTable = {
  entity: "resource",
  name: "resources",
  keys: ["resource_id"],
  keyOf: (r) => {
    const id = keyText(r.resourceId)
    return id === undefined ? undefined : { resource_id: id }
  },
  columns: (r) => ({
    parent_resource_id: text(r.parentResourceId),
    name: text(r.name),
    resource_type: text(r.resourceType),
    status: text(r.status),
    organization: text(r.organization),
    email: text(r.email),
    phone: text(r.phone),
    time_zone: text(r.timeZone),
    time_zone_iana: text(r.timeZoneIANA),
    language: text(r.language)
  })
}

/** Users (`GET /users`); OFS never sends passwords, and the mirror would not keep one. */
export const usersTable: MirrorTable = {
  entity: "user",
  name: "users",
  keys: ["login"],
  keyOf: (u) => {
    const login = keyText(u.login)
    return login === undefined ? undefined : { login }
  },
  columns: (u) => ({
    name: text(u.name),
    user_type: text(u.userType),
    status: text(u.status),
    main_resource_id: text(u.mainResourceId),
    language: text(u.language),
    time_zone: text(u.timeZone)
  })
}

/** Inventories: held by a resource, or a customer's, installed or deinstalled at an activity (`status`). */
export const inventoriesTable: MirrorTable = {
  entity: "inventory",
  name: "inventories",
  keys: ["inventory_id"],
  keyOf: (i) => {
    const id = keyInt(i.inventoryId)
    return id === undefined ? undefined : { inventory_id: id }
  },
  columns: (i) => ({
    status: text(i.status),
    inventory_type: text(i.inventoryType),
    serial_number: text(i.serialNumber),
    quantity: num(i.quantity),
    resource_id: text(i.resourceId),
    activity_id: int(i.activityId)
  })
}

/** Links between activities (`GET /activities/{id}/linkedActivities`), one row per link. */
export const activityLinksTable: MirrorTable = {
  entity: "activityLink",
  name: "activity_links",
  keys: ["from_activity_id", "to_activity_id", "link_type"],
  keyOf: (l) => {
    const from = keyInt(l.fromActivityId)
    const to = keyInt(l.toActivityId)
    const type = keyText(l.linkType)
    return from === undefined || to === undefined || type === undefined
      ? undefined
      : { from_activity_id: from, to_activity_id: to, link_type: type }
  },
  columns: () => ({})
}

/** A resource's work skills (`GET /resources/{id}/workSkills`); the answer's items carry no resource id, the mirror adds it. */
export const workSkillsTable: MirrorTable = {
  entity: "workSkill",
  name: "resource_work_skills",
  keys: ["resource_id", "work_skill", "start_date"],
  keyOf: (s) => {
    const resource = keyText(s.resourceId)
    const skill = keyText(s.workSkill)
    return resource === undefined || skill === undefined
      ? undefined
      : { resource_id: resource, work_skill: skill, start_date: text(s.startDate) ?? "" }
  },
  columns: (s) => ({ end_date: text(s.endDate), ratio: int(s.ratio) })
}

/** A resource's work zones (`GET /resources/{id}/workZones`). */
export const workZonesTable: MirrorTable = {
  entity: "workZone",
  name: "resource_work_zones",
  keys: ["resource_id", "work_zone", "start_date"],
  keyOf: (z) => {
    const resource = keyText(z.resourceId)
    const zone = keyText(z.workZone)
    return resource === undefined || zone === undefined
      ? undefined
      : { resource_id: resource, work_zone: zone, start_date: text(z.startDate) ?? "" }
  },
  columns: (z) => ({ end_date: text(z.endDate), ratio: int(z.ratio), recurrence: text(z.recurrence) })
}

/** A resource's work schedule items (`GET /resources/{id}/workSchedules`), keyed by `scheduleItemId`. */
export const workSchedulesTable: MirrorTable = {
  entity: "workSchedule",
  name: "resource_work_schedules",
  keys: ["resource_id", "schedule_key"],
  keyOf: (w) => {
    const resource = keyText(w.resourceId)
    const item = keyText(w.scheduleItemId)
    return resource === undefined
      ? undefined
      : {
          resource_id: resource,
          // OFS numbers schedule items; an item without a number is keyed by what it says
          schedule_key: item ?? `${text(w.recordType)}|${text(w.startDate)}|${text(w.scheduleLabel ?? w.shiftLabel)}`
        }
  },
  columns: (w) => ({
    record_type: text(w.recordType),
    start_date: text(w.startDate),
    end_date: text(w.endDate),
    schedule_label: text(w.scheduleLabel),
    shift_label: text(w.shiftLabel),
    non_working_reason: text(w.nonWorkingReason)
  })
}

/** Every mirrored table, by entity. */
export const tables: Readonly<Record<MirrorEntity, MirrorTable>> = {
  activity: activitiesTable,
  resource: resourcesTable,
  user: usersTable,
  inventory: inventoriesTable,
  activityLink: activityLinksTable,
  workSkill: workSkillsTable,
  workZone: workZonesTable,
  workSchedule: workSchedulesTable
}

/** The text that names a row across tables (`entity_key` of changes and deliveries): its key values joined by `/`. */
export const entityKeyOf = (table: MirrorTable, key: Columns): string =>
  table.keys.map((column) => String(key[column])).join("/")
