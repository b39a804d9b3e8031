/**
 * The simulator's in-memory state: named collections of JSON records keyed by id, kept in insertion
 * order, plus the event log that the events API reads. Everything that changes state goes through
 * here, so rules and the generic engine see the same data.
 */
import type { SimRecord } from "./record.js"

/** Told of every change to a record of a collection: what it was and what it is now (undefined: absent). */
export type CollectionListener = (id: string, before: SimRecord | undefined, after: SimRecord | undefined) => void

/** One collection (shifts, activities, a resource's work schedules, ...). */
export class Collection {
  private readonly records = new Map<string, SimRecord>()
  private readonly listeners: Array<CollectionListener> = []

  /** Calls `listener` after every put, patch and delete (indexes over the collection use it). */
  onChange(listener: CollectionListener): void {
    this.listeners.push(listener)
  }

  private changed(id: string, before: SimRecord | undefined, after: SimRecord | undefined): void {
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

/** One entry of the event log (the events API answers these through subscriptions). */
export interface SimEvent {
  /** Position in the log, from 1. */
  readonly seq: number
  readonly eventType: string
  /** 'YYYY-MM-DD HH:MM:SS' in UTC. */
  readonly time: string
  readonly fields: SimRecord
}

/** All collections by name, and the event log. */
export class Store {
  private readonly collections = new Map<string, Collection>()
  private readonly log: Array<SimEvent> = []
  private nextIds = new Map<string, number>()

  /** The collection with this name, created empty on first use. */
  collection(name: string): Collection {
    let c = this.collections.get(name)
    if (c === undefined) {
      c = new Collection()
      this.collections.set(name, c)
    }
    return c
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

  /** Appends an event to the log (mutations call this). */
  emit(eventType: string, fields: SimRecord): SimEvent {
    const event = {
      seq: this.log.length + 1,
      eventType,
      time: new Date().toISOString().slice(0, 19).replace("T", " "),
      fields
    }
    this.log.push(event)
    return event
  }

  /** Events after a position in the log (at most `limit`). */
  eventsAfter(seq: number, limit: number): ReadonlyArray<SimEvent> {
    return this.log.slice(seq, seq + limit)
  }

  /** The position of the last event. */
  get lastEventSeq(): number {
    return this.log.length
  }
}
