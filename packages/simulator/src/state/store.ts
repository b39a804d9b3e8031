/**
 * The simulator's in-memory state: named collections of JSON records keyed by id, kept in insertion
 * order, plus the event log that the events API reads. Everything that changes state goes through
 * here, so rules and the generic engine see the same data.
 */
import { SimClock } from "./clock.js"
import type { SimRecord } from "./record.js"

/** How long OFS keeps an event (7 days); older ones leave the log. */
export const eventRetentionMs = 7 * 86_400_000

/** Told of every change to a record of a collection: what it was and what it is now (undefined: absent). */
export type CollectionListener = (id: string, before: SimRecord | undefined, after: SimRecord | undefined) => void

/** One change to a record: which collection and id, what it was and what it is now (undefined: absent). */
export interface StoreChange {
  readonly collection: string
  readonly id: string
  readonly before: SimRecord | undefined
  readonly after: SimRecord | undefined
}

/** One collection (shifts, activities, a resource's work schedules, ...). */
export class Collection {
  private readonly records = new Map<string, SimRecord>()
  private readonly listeners: Array<CollectionListener> = []

  /** A collection; `onAnyChange` hears every change first (the store's change journal). */
  constructor(private readonly onAnyChange?: CollectionListener) {}

  /** Calls `listener` after every put, patch and delete (indexes over the collection use it). */
  onChange(listener: CollectionListener): void {
    this.listeners.push(listener)
  }

  private changed(id: string, before: SimRecord | undefined, after: SimRecord | undefined): void {
    this.onAnyChange?.(id, before, after)
    for (const listener of this.listeners) listener(id, before, after)
  }

  /** The record with this id, if any. */
  get(id: string | number): SimRecord | undefined {
    return this.records.get(String(id))
  }

  /** Stores a record under an id; says whether it was new. */
  put(id: string | number, record: SimRecord): "created" | "replaced" {
    const key = String(id)
    const before = this.records.get(key)
    this.records.set(key, record)
    this.changed(key, before, record)
    return before === undefined ? "created" : "replaced"
  }

  /** Merges fields into an existing record (PATCH); undefined when there is none. */
  patch(id: string | number, fields: SimRecord): SimRecord | undefined {
    const key = String(id)
    const current = this.records.get(key)
    if (current === undefined) return undefined
    const merged = { ...current, ...fields }
    this.records.set(key, merged)
    this.changed(key, current, merged)
    return merged
  }

  /** Removes a record; false when there was none. */
  delete(id: string | number): boolean {
    const key = String(id)
    const before = this.records.get(key)
    if (before === undefined) return false
    this.records.delete(key)
    this.changed(key, before, undefined)
    return true
  }

  /** Every id, in insertion order. */
  keys(): ReadonlyArray<string> {
    return [...this.records.keys()]
  }

  /** Every record, in insertion order. */
  list(): ReadonlyArray<SimRecord> {
    return [...this.records.values()]
  }

  /** How many records there are. */
  get size(): number {
    return this.records.size
  }
}

/**
 * What an event is about, kept beside it for the subscriptions' options and never delivered: the
 * entity's kind, the whole record (after the change; before it for a delete), and the names of the
 * fields the change altered.
 */
export interface EventSubject {
  readonly entity: "activity" | "inventory" | "resource" | "user"
  readonly record: SimRecord
  readonly changed: ReadonlyArray<string>
}

/** One entry of the event log (the events API answers these through subscriptions). */
export interface SimEvent {
  /** Position in the log, from 1. */
  readonly seq: number
  readonly eventType: string
  /** 'YYYY-MM-DD HH:MM:SS' in UTC. */
  readonly time: string
  /** The same time in epoch milliseconds. */
  readonly at: number
  /** The event's blocks as delivered (user, details, changes, ...). */
  readonly fields: SimRecord
  /** What `fields`, `monitorChanges` and `filterExpression` read, for the events that have it. */
  readonly subject?: EventSubject | undefined
}

/** All collections by name, and the event log, which keeps the events of the last 7 days by the clock. */
export class Store {
  private readonly collections = new Map<string, Collection>()
  private log: Array<SimEvent> = []
  /** How many events have left the log (the position before its oldest). */
  private dropped = 0
  private nextIds = new Map<string, number>()
  /** The journals open while handlers run (see `recordChanges`). */
  private readonly journals: Array<Array<StoreChange>> = []

  /** The simulator's clock: event times and retention follow it. */
  constructor(readonly clock: SimClock = new SimClock()) {}

  /** The collection with this name, created empty on first use. */
  collection(name: string): Collection {
    let c = this.collections.get(name)
    if (c === undefined) {
      c = new Collection((id, before, after) => {
        for (const journal of this.journals) journal.push({ collection: name, id, before, after })
      })
      this.collections.set(name, c)
    }
    return c
  }

  /**
   * Runs `f` and answers what it returned with every record change it made, in order. Only the
   * changes `f` makes before it returns are seen: handlers change the store synchronously.
   */
  recordChanges<T>(f: () => T): { readonly value: T; readonly changes: ReadonlyArray<StoreChange> } {
    const journal: Array<StoreChange> = []
    this.journals.push(journal)
    try {
      return { value: f(), changes: journal }
    } finally {
      this.journals.splice(this.journals.indexOf(journal), 1)
    }
  }

  /** The names of the collections that exist. */
  names(): ReadonlyArray<string> {
    return [...this.collections.keys()]
  }

  /** A fresh numeric id for a kind of entity, above `floor`. */
  nextId(kind: string, floor: number): number {
    const next = Math.max(this.nextIds.get(kind) ?? floor, floor) + 1
    this.nextIds.set(kind, next)
    return next
  }

  /** Appends an event to the log, timed by the clock (mutations call this). */
  emit(eventType: string, fields: SimRecord, subject?: EventSubject): SimEvent {
    const at = this.clock.now()
    const event: SimEvent = {
      seq: this.lastEventSeq + 1,
      eventType,
      time: new Date(at).toISOString().slice(0, 19).replace("T", " "),
      at,
      fields,
      ...(subject !== undefined && { subject })
    }
    this.log.push(event)
    return event
  }

  /** Events after a position in the log (at most `limit`), among those still kept. */
  eventsAfter(seq: number, limit: number): ReadonlyArray<SimEvent> {
    this.forgetOldEvents()
    const from = Math.max(0, seq - this.dropped)
    return this.log.slice(from, from + limit)
  }

  /** The position before the oldest event still kept (0 while none has left). */
  get firstEventSeq(): number {
    this.forgetOldEvents()
    return this.dropped
  }

  /** The position of the last event. */
  get lastEventSeq(): number {
    return this.dropped + this.log.length
  }

  /** Drops the events older than the retention period. */
  private forgetOldEvents(): void {
    const horizon = this.clock.now() - eventRetentionMs
    let n = 0
    while (n < this.log.length && (this.log[n] as SimEvent).at < horizon) n++
    if (n === 0) return
    this.log = this.log.slice(n)
    this.dropped += n
  }
}
