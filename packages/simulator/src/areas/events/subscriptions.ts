/**
 * The events API: subscriptions (which events an application wants, see eventLog.ts) and the cursor
 * walk over the store's event log, on the simulator's clock:
 *
 * - a cursor (`page` / `nextPage`) is a position in the log; a subscription sees the events logged
 *   after it was created, and only those the log still keeps (7 days: a cursor older than that
 *   reads from the oldest event kept, the rest are lost, as on OFS);
 * - a poll answers at most `limit` matching events (1000 at most) and the cursor after the last
 *   entry it looked at, `found` saying whether it brought any; `since` only positions the cursor at
 *   the first event at or after that UTC time; `lastRequested` repeats the position of the
 *   subscription's previous poll;
 * - a subscription not read for 36 hours expires: it is gone from the lists and `GET /events`
 *   answers 404 for it. Each read moves its `expirationTime`;
 * - creating a subscription with the config of one the application already has answers that one's
 *   id (OFS: "it points to the existing subscription"), with a cursor at the end of the log; at most
 *   100 subscriptions live at once, the 101st is refused with OFS's 503.
 */

import { noContent, ofsError, ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRecord } from "../../state/record.js"
import { badRequest, collections, formatDateTime, invalidJson, isDateTime, jsonBody, notFound } from "../shared.js"
import {
  type ConfigItem,
  canonicalConfig,
  checkConfig,
  cursorOf,
  EventSelection,
  positionAt,
  scanChunk,
  seqOf
} from "./eventLog.js"

const maxLimit = 1000
/** How long a subscription lives without a read (OFS: 36 hours). */
export const subscriptionLifetimeMs = 36 * 3_600_000
/** How many subscriptions may live at once in an instance (OFS: 100). */
export const maxSubscriptions = 100

/** Subscriptions and the cursor walk over the event log. */
export const subscriptionBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const clock = store.clock
  const subscriptions = () => store.collection(collections.subscriptions)
  /** Each subscription's selection, made once from its config. */
  const selections = new Map<string, EventSelection>()
  const selectionOf = (s: SimRecord): EventSelection => {
    const id = String(s.subscriptionId)
    let selection = selections.get(id)
    if (selection === undefined) {
      selection = new EventSelection(s.subscriptionConfig as ReadonlyArray<ConfigItem>)
      selections.set(id, selection)
    }
    return selection
  }
  /** Forgets the subscriptions nobody read for 36 hours; answers those that live. */
  const live = (): ReadonlyArray<SimRecord> => {
    const now = clock.now()
    for (const s of subscriptions().list()) {
      if ((s.lastReadAt as number) + subscriptionLifetimeMs < now) {
        subscriptions().delete(String(s.subscriptionId))
        selections.delete(String(s.subscriptionId))
      }
    }
    return subscriptions().list()
  }
  const find = (id: string): SimRecord | undefined => live().find((s) => s.subscriptionId === id)
  const info = (s: SimRecord): SimRecord => ({
    subscriptionId: s.subscriptionId,
    ...(s.subscriptionTitle !== undefined && { subscriptionTitle: s.subscriptionTitle }),
    subscriptionConfig: s.subscriptionConfig,
    createdTime: s.createdTime,
    expirationTime: formatDateTime(new Date((s.lastReadAt as number) + subscriptionLifetimeMs)),
    applicationId: s.applicationId
  })

  table.replace("core.events.subscriptions.create", (req) => {
    const body = jsonBody(req)
    if (body === undefined) return invalidJson()
    const config = checkConfig(body.subscriptionConfig)
    if (typeof config === "string") return badRequest(config)
    const title = body.subscriptionTitle
    if (title !== undefined && (typeof title !== "string" || title.length === 0 || title.length > 255))
      return badRequest("Wrong value in field 'subscriptionTitle': 1 to 255 characters are expected.")
    const canonical = canonicalConfig(config)
    const existing = live().find((s) => s.applicationId === req.clientId && s.canonical === canonical)
    const start = store.lastEventSeq
    if (existing !== undefined) return ok({ subscriptionId: existing.subscriptionId, nextPage: cursorOf(start) })
    if (subscriptions().size >= maxSubscriptions)
      return ofsError(503, `Too many subscriptions registered. Found ${maxSubscriptions}.`)
    const n = store.nextId("eventSubscription", 0)
    const subscriptionId = `${n.toString(16).padStart(4, "0")}${Math.floor(ctx.random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0")}`
    const now = clock.now()
    subscriptions().put(subscriptionId, {
      subscriptionId,
      ...(title !== undefined && { subscriptionTitle: title }),
      subscriptionConfig: config.map((item) =>
        Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined))
      ),
      canonical,
      createdTime: formatDateTime(new Date(now)),
      applicationId: req.clientId,
      start,
      lastRequested: start,
      lastReadAt: now
    })
    return ok({ subscriptionId, nextPage: cursorOf(start) })
  })

  table.replace("core.events.subscriptions.list", (req) => {
    const all = req.query.get("allSubscriptions") === "true"
    const items = live()
      .filter((s) => all || s.applicationId === req.clientId)
      .map(info)
    // OFS answers the usual list envelope here, not the bare array the spec declares
    return ok({ totalResults: items.length, items })
  })

  table.replace("core.events.subscriptions.get", (req) => {
    const s = find(req.params.subscriptionId ?? "")
    return s === undefined ? notFound(`Subscription '${req.params.subscriptionId}' not found`) : ok(info(s))
  })

  table.replace("core.events.subscriptions.delete", (req) => {
    const id = req.params.subscriptionId ?? ""
    if (find(id) === undefined || !subscriptions().delete(id)) return notFound(`Subscription '${id}' not found`)
    selections.delete(id)
    return noContent
  })

  table.replace("core.events.list", (req) => {
    const id = req.query.get("subscriptionId")
    if (id === null || id.length === 0) return badRequest("Parameter 'subscriptionId' is absent.")
    const subscription = find(id)
    if (subscription === undefined) return notFound(`Subscription '${id}' not found`)
    const page = req.query.get("page")
    const since = req.query.get("since")
    if (page !== null && since !== null) return badRequest("Parameters 'page' and 'since' cannot be used together.")
    const rawLimit = req.query.get("limit")
    const asked = rawLimit === null ? maxLimit : Number(rawLimit)
    if (!Number.isInteger(asked) || asked < 0) return badRequest("Wrong value of parameter 'limit'.")
    const limit = asked === 0 || asked > maxLimit ? maxLimit : asked
    const floor = Math.max(subscription.start as number, store.firstEventSeq)

    let position: number
    if (since !== null) {
      if (!isDateTime(since))
        return badRequest("Wrong value of parameter 'since'. The format is 'YYYY-MM-DD HH:MM:SS'.")
      position = Math.max(floor, positionAt(store, since))
    } else if (page === null) position = floor
    else if (page === "lastRequested") position = Math.max(floor, subscription.lastRequested as number)
    else {
      const seq = seqOf(page)
      if (seq === undefined || seq > store.lastEventSeq) return badRequest("Wrong value of parameter 'page'.")
      position = Math.max(floor, seq)
    }
    subscriptions().patch(id, { lastRequested: position, lastReadAt: clock.now() })
    if (since !== null) return ok({ found: false, nextPage: cursorOf(position) })

    const selection = selectionOf(subscription)
    const items: Array<SimRecord> = []
    while (items.length < limit) {
      const chunk = store.eventsAfter(position, scanChunk)
      if (chunk.length === 0) break
      for (const event of chunk) {
        position = event.seq
        const delivered = selection.deliver(event)
        if (delivered !== undefined) items.push(delivered)
        if (items.length === limit) break
      }
    }
    return ok({ found: items.length > 0, nextPage: cursorOf(position), items })
  })
  return table.behaviours
}
