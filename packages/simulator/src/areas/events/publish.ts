/**
 * How an event about a record is written to the log: its details block (the fields that identify the
 * record), its changes block (the values the request changed, as the server holds them after the
 * change) and, kept beside it for the subscriptions' options, the whole record and the names of the
 * changed fields.
 */
import type { SimRecord } from "../../state/record.js"
import type { EventSubject, Store } from "../../state/store.js"

/** The entities whose events the subscription options (`fields`, `monitorChanges`, `filterExpression`) apply to. */
export type EventEntity = EventSubject["entity"]

/** The details block's name and its key fields, per entity (the spec's `*Details` definitions, plus status). */
export const entityBlocks: Readonly<
  Record<EventEntity, { readonly details: string; readonly changes: string; readonly keys: ReadonlyArray<string> }>
> = {
  activity: {
    details: "activityDetails",
    changes: "activityChanges",
    keys: ["activityId", "resourceId", "date", "apptNumber", "activityType", "status", "recordType"]
  },
  inventory: {
    details: "inventoryDetails",
    changes: "inventoryChanges",
    keys: ["inventoryId", "inventoryType", "serialNumber", "status"]
  },
  resource: { details: "resourceDetails", changes: "resourceChanges", keys: ["resourceId", "name", "resourceType"] },
  user: { details: "userDetails", changes: "userChanges", keys: ["login", "name", "mainResourceId", "userType"] }
}

/** Which entity an event type is about, for the four entities the options apply to. */
export const entityOfEventType = (eventType: string): EventEntity | undefined => {
  if (eventType.startsWith("activityLink")) return undefined
  if (eventType.startsWith("activity")) return "activity"
  if (/^(inventory|customerInventory|resourceInventory)/.test(eventType) && !eventType.endsWith("RequestCreated"))
    return "inventory"
  if (eventType === "resourceCreated" || eventType === "resourceUpdated") return "resource"
  if (eventType.startsWith("user")) return "user"
  return undefined
}

/** The fields of `record` named in `keys` that it has. */
export const pick = (record: SimRecord | undefined, keys: ReadonlyArray<string>): SimRecord => {
  const out: SimRecord = {}
  if (record !== undefined) for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}

/** Secrets that travel in some bodies (a user's password) never go into an event. */
const isSecret = (key: string): boolean => /password|secret/i.test(key)

/** A record without its secret fields. */
const withoutSecrets = (record: SimRecord): SimRecord =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !isSecret(key)))

/** The names of the fields whose values differ between two versions of a record (absent counts as a value). */
export const changedFields = (before: SimRecord | undefined, after: SimRecord | undefined): ReadonlyArray<string> => {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys].filter(
    (key) => !isSecret(key) && JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null)
  )
}

/** What one record event says: its type, who, the record before and after, and blocks to add. */
export interface RecordEvent {
  readonly eventType: string
  readonly user: string
  readonly entity: EventEntity
  readonly before: SimRecord | undefined
  readonly after: SimRecord | undefined
  /** Blocks beside details and changes (`moveDetails`). */
  readonly extra?: SimRecord | undefined
  /** Fields the changes block always carries (the spec requires `resourceId` and `activityType` in activityChanges). */
  readonly alwaysInChanges?: ReadonlyArray<string> | undefined
}

/**
 * Logs an event about a record. A created record's changes are all its fields; a deleted record has
 * no changes block and its details are taken from the record as it was. A removed field shows as
 * null in the changes block.
 */
export const publishRecordEvent = (store: Store, event: RecordEvent): void => {
  const blocks = entityBlocks[event.entity]
  const record = withoutSecrets(event.after ?? event.before ?? {})
  const changed = changedFields(event.before, event.after)
  const changes: SimRecord = {}
  for (const key of changed) changes[key] = event.after?.[key] ?? null
  const fields: SimRecord = {
    user: event.user,
    [blocks.details]: pick(record, blocks.keys),
    ...(event.after !== undefined && {
      [blocks.changes]: { ...pick(event.after, event.alwaysInChanges ?? []), ...changes }
    }),
    ...event.extra
  }
  store.emit(event.eventType, fields, { entity: event.entity, record, changed })
}
