/**
 * The event log as subscriptions read it: cursors (a log position behind a fixed prefix), the event
 * types a subscription asked for, an event as the API delivers it, the position of a time, and the
 * checks of a subscription's config.
 */
import { EventTypeInput } from "@ofsc/models/core"
import type { SimRecord } from "../../state/record.js"
import type { SimEvent, Store } from "../../state/store.js"
import { asObject } from "../shared.js"

/** The event types OFS knows: the literals of the spec's `eventType` enumeration, from the models. */
export const eventTypes: ReadonlyArray<string> = EventTypeInput.literals

/** How many log entries one poll reads at a time while looking for matching events. */
export const scanChunk = 500

/** A cursor is the log position in hex behind a fixed prefix: opaque to clients, short enough for OFS's 48 chars. */
export const cursorOf = (seq: number): string => `ev${seq.toString(16).padStart(8, "0")}`
export const seqOf = (cursor: string): number | undefined => {
  const m = /^ev([0-9a-f]{8,})$/.exec(cursor)
  return m === null ? undefined : Number.parseInt(m[1] as string, 16)
}

/** The event types a subscription asked for. */
export const wantedTypes = (subscription: SimRecord): ReadonlySet<string> => {
  const wanted = new Set<string>()
  for (const config of subscription.subscriptionConfig as ReadonlyArray<SimRecord>)
    for (const type of config.events as ReadonlyArray<string>) wanted.add(type)
  return wanted
}

/** An event as the API delivers it. */
export const present = (event: SimEvent): SimRecord => {
  const { user, ...rest } = event.fields
  return { eventType: event.eventType, time: event.time, user: user ?? "simulator", ...rest }
}

/** The position of the first event at or after a UTC time. */
export const positionAt = (store: Store, since: string): number => {
  let position = 0
  for (;;) {
    const chunk = store.eventsAfter(position, scanChunk)
    for (const event of chunk) {
      if (event.time >= since) return event.seq - 1
    }
    if (chunk.length < scanChunk) return store.lastEventSeq
    position += chunk.length
  }
}

/** The subscription's config as a POST body gives it, or the detail of the 400. */
export const checkConfig = (value: unknown): ReadonlyArray<SimRecord> | string => {
  if (!Array.isArray(value) || value.length === 0) return "Field 'subscriptionConfig' is absent or empty."
  const configs: Array<SimRecord> = []
  for (const item of value) {
    const config = asObject(item)
    if (config === undefined) return "Wrong value in field 'subscriptionConfig'."
    const events = config.events
    if (!Array.isArray(events) || events.length === 0) return "Field 'subscriptionConfig.events' is absent or empty."
    const unknown = events.find((e) => typeof e !== "string" || !eventTypes.includes(e))
    if (unknown !== undefined)
      return `Wrong value in field 'subscriptionConfig.events': unknown event type '${unknown}'.`
    configs.push(config)
  }
  return configs
}
