/**
 * The event log as subscriptions read it: cursors (a log position behind a fixed prefix), the
 * subscription's config as OFS checks it, and which events a subscription gets and in what shape:
 *
 * - an event reaches a subscription when one of its config items lists the event's type and that
 *   item's `monitorChanges` (one of the listed fields changed; a created or deleted record counts
 *   every field it has as changed) and `filterExpression` (evaluated over the event with its details
 *   block holding every field of the record, so custom properties can be filtered on) accept it;
 * - `fields` adds the named fields of the record to the details block (`activityDetails`,
 *   `inventoryDetails`, `resourceDetails`, `userDetails`); the lists of every item that names the
 *   event type are merged, as OFS documents.
 */
import { EventTypeInput } from "@ofsc/models/core"
import type { SimRecord } from "../../state/record.js"
import type { SimEvent, Store } from "../../state/store.js"
import { asObject } from "../shared.js"
import { type FilterExpression, filterFields, matchesFilter, parseFilterExpression } from "./filterExpression.js"
import { type EventEntity, entityBlocks, entityOfEventType, pick } from "./publish.js"

/** The event types OFS knows: the literals of the spec's `eventType` enumeration, from the models. */
export const eventTypes: ReadonlyArray<string> = EventTypeInput.literals

/** How many log entries one poll reads at a time while looking for matching events. */
export const scanChunk = 500

/** A cursor is the log position in hex behind a fixed prefix: opaque to clients, short enough for OFS's 48 chars. */
export const cursorOf = (seq: number): string => `ev${seq.toString(16).padStart(8, "0")}`
/** The log position a cursor names, or undefined for anything that is not one. */
export const seqOf = (cursor: string): number | undefined => {
  const m = /^ev([0-9a-f]{8,12})$/.exec(cursor)
  return m === null ? undefined : Number.parseInt(m[1] as string, 16)
}

/** One item of a subscription's config, checked. */
export interface ConfigItem {
  readonly events: ReadonlyArray<string>
  readonly fields?: ReadonlyArray<string> | undefined
  readonly monitorChanges?: ReadonlyArray<string> | undefined
  readonly filterExpression?: string | undefined
}

/** The position of the first event at or after a UTC time. */
export const positionAt = (store: Store, since: string): number => {
  let position = store.firstEventSeq
  for (;;) {
    const chunk = store.eventsAfter(position, scanChunk)
    for (const event of chunk) if (event.time >= since) return event.seq - 1
    if (chunk.length < scanChunk) return store.lastEventSeq
    position = (chunk.at(-1) as SimEvent).seq
  }
}

const wrong = (field: string, why: string) => `Wrong value in field 'subscriptionConfig.${field}': ${why}`

const stringList = (value: unknown): ReadonlyArray<string> | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined

/** The roots a filter expression of an entity's events may read. */
const filterRoots = (entity: EventEntity): ReadonlyArray<string> => [
  "eventType",
  "user",
  "time",
  entityBlocks[entity].details,
  entityBlocks[entity].changes,
  ...(entity === "activity" ? ["moveDetails"] : entity === "inventory" ? ["activityDetails"] : [])
]

/** Checks one config item; answers it, or the detail of the 400. */
const checkItem = (item: unknown): ConfigItem | string => {
  const config = asObject(item)
  if (config === undefined) return "Wrong value in field 'subscriptionConfig'."
  const events = config.events
  if (!Array.isArray(events) || events.length === 0) return "Field 'subscriptionConfig.events' is absent or empty."
  const unknown = events.find((e) => typeof e !== "string" || !eventTypes.includes(e))
  if (unknown !== undefined) return wrong("events", `unknown event type '${String(unknown)}'.`)
  const fields = config.fields === undefined ? undefined : stringList(config.fields)
  if (fields === undefined && config.fields !== undefined) return wrong("fields", "a list of field names is expected.")
  const monitorChanges = config.monitorChanges === undefined ? undefined : stringList(config.monitorChanges)
  if (monitorChanges === undefined && config.monitorChanges !== undefined)
    return wrong("monitorChanges", "a list of field names is expected.")
  const filterExpression = config.filterExpression
  if (filterExpression !== undefined && typeof filterExpression !== "string")
    return wrong("filterExpression", "a string is expected.")
  const checked: ConfigItem = { events: events as ReadonlyArray<string>, fields, monitorChanges, filterExpression }
  if (fields === undefined && monitorChanges === undefined && filterExpression === undefined) return checked
  // the options apply to the events of one entity: activities, inventories, resources or users
  const entities = new Set(events.map((e: string) => entityOfEventType(e)))
  const [entity] = entities
  if (entities.size !== 1 || entity === undefined)
    return "Fields 'fields', 'monitorChanges' and 'filterExpression' need events of one entity: activity, inventory, resource or user events."
  if (filterExpression !== undefined) {
    const parsed = parseFilterExpression(filterExpression)
    if (parsed._tag === "FilterExpressionError") return parsed.message
    const roots = filterRoots(entity)
    const foreign = filterFields(parsed).find((path: string) => {
      const [root, ...rest] = path.split(".")
      return (
        !roots.includes(root ?? "") || (rest.length === 0 && root !== "eventType" && root !== "user" && root !== "time")
      )
    })
    if (foreign !== undefined) return wrong("filterExpression", `field '${foreign}' does not exist for these events.`)
  }
  return checked
}

/** The subscription's config as a POST body gives it, or the detail of the 400. */
export const checkConfig = (value: unknown): ReadonlyArray<ConfigItem> | string => {
  if (!Array.isArray(value) || value.length === 0) return "Field 'subscriptionConfig' is absent or empty."
  const items: Array<ConfigItem> = []
  for (const raw of value) {
    const item = checkItem(raw)
    if (typeof item === "string") return item
    items.push(item)
  }
  return items
}

/** The config in a canonical form: two subscriptions with the same one are the same subscription. */
export const canonicalConfig = (items: ReadonlyArray<ConfigItem>): string =>
  JSON.stringify(
    items
      .map((item) => ({
        events: [...item.events].sort(),
        fields: item.fields === undefined ? null : [...item.fields].sort(),
        monitorChanges: item.monitorChanges === undefined ? null : [...item.monitorChanges].sort(),
        filterExpression: item.filterExpression ?? null
      }))
      .map((item) => JSON.stringify(item))
      .sort()
  )

/** A config item ready to select events: its filter parsed once. */
interface Selector {
  readonly events: ReadonlySet<string>
  readonly fields: ReadonlyArray<string>
  readonly monitorChanges: ReadonlyArray<string> | undefined
  readonly filter: FilterExpression | undefined
}

/** Decides which events a subscription gets and shapes them (see the module comment). */
export class EventSelection {
  private readonly selectors: ReadonlyArray<Selector>

  /** The selection of a subscription whose config was checked by `checkConfig`. */
  constructor(items: ReadonlyArray<ConfigItem>) {
    this.selectors = items.map((item) => {
      const parsed = item.filterExpression === undefined ? undefined : parseFilterExpression(item.filterExpression)
      return {
        events: new Set(item.events),
        fields: item.fields ?? [],
        monitorChanges: item.monitorChanges,
        filter: parsed === undefined || parsed._tag === "FilterExpressionError" ? undefined : parsed
      }
    })
  }

  /** The event as this subscription receives it, or undefined when it does not get it. */
  deliver(event: SimEvent): SimRecord | undefined {
    const items = this.selectors.filter((s) => s.events.has(event.eventType))
    if (items.length === 0) return undefined
    const subject = event.subject
    const accepted = items.some(
      (s) =>
        (s.monitorChanges === undefined || s.monitorChanges.some((f) => subject?.changed.includes(f) === true)) &&
        (s.filter === undefined || matchesFilter(s.filter, this.filterView(event)))
    )
    if (!accepted) return undefined
    const fields = items.flatMap((s) => s.fields)
    return present(event, fields)
  }

  /** The event a filter reads: as delivered, with its details block holding the whole record. */
  private filterView(event: SimEvent): SimRecord {
    const view = present(event, [])
    const subject = event.subject
    if (subject === undefined) return view
    const details = entityBlocks[subject.entity].details
    return { ...view, [details]: { ...subject.record, ...asObject(view[details]) } }
  }
}

/** An event as the API delivers it, with `fields` of the record added to its details block. */
export const present = (event: SimEvent, fields: ReadonlyArray<string>): SimRecord => {
  const { user, ...rest } = event.fields
  const delivered: SimRecord = { eventType: event.eventType, time: event.time, user: user ?? "simulator", ...rest }
  const subject = event.subject
  if (fields.length === 0 || subject === undefined) return delivered
  const details = entityBlocks[subject.entity].details
  return { ...delivered, [details]: { ...asObject(delivered[details]), ...pick(subject.record, fields) } }
}
