/**
 * The events API: subscriptions (which event types an application wants) and the cursor walk over
 * the store's event log. A cursor (`page` / `nextPage`) is a position in the log; a subscription
 * sees the events logged after it was created. A poll answers at most `limit` matching events
 * (1000 at most) and the cursor after the last one it looked at, `found` saying whether it brought
 * any; `since` only positions the cursor at the first event at or after that UTC time;
 * `lastRequested` repeats the position of the subscription's previous poll. `filterExpression` and
 * `fields` are stored but not applied.
 */

import { noContent, ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRecord } from "../../state/record.js"
import { badRequest, collections, formatDateTime, invalidJson, isDateTime, jsonBody, notFound } from "../shared.js"
import { checkConfig, cursorOf, positionAt, present, scanChunk, seqOf, wantedTypes } from "./eventLog.js"

const maxLimit = 1000
/** How long a subscription lives without polls (OFS: 36 hours); shown, not enforced. */
const lifetimeMs = 36 * 3_600_000

/** Subscriptions and the cursor walk over the event log. */
export const subscriptionBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  const subscriptions = () => store.collection(collections.subscriptions)
  const info = (s: SimRecord): SimRecord => ({
    subscriptionId: s.subscriptionId,
    ...(s.subscriptionTitle !== undefined && { subscriptionTitle: s.subscriptionTitle }),
    subscriptionConfig: s.subscriptionConfig,
    createdTime: s.createdTime,
    expirationTime: s.expirationTime,
    applicationId: s.applicationId
  })

  table.replace("core.events.subscriptions.create", (req) => {
    const body = jsonBody(req)
    if (body === undefined) return invalidJson()
    const config = checkConfig(body.subscriptionConfig)
    if (typeof config === "string") return badRequest(config)
    if (body.subscriptionTitle !== undefined && typeof body.subscriptionTitle !== "string")
      return badRequest("Wrong value in field 'subscriptionTitle'.")
    const n = store.nextId("eventSubscription", 0)
    const subscriptionId = `${n.toString(16).padStart(4, "0")}${Math.floor(ctx.random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0")}`
    const now = new Date()
    const start = cursorOf(store.lastEventSeq)
    subscriptions().put(subscriptionId, {
      subscriptionId,
      ...(body.subscriptionTitle !== undefined && { subscriptionTitle: body.subscriptionTitle }),
      subscriptionConfig: config,
      createdTime: formatDateTime(now),
      expirationTime: formatDateTime(new Date(now.getTime() + lifetimeMs)),
      applicationId: req.clientId,
      start: store.lastEventSeq,
      lastRequested: store.lastEventSeq
    })
    return ok({ subscriptionId, nextPage: start })
  })

  table.replace("core.events.subscriptions.list", (req) => {
    const all = req.query.get("allSubscriptions") === "true"
    const items = subscriptions()
      .list()
      .filter((s) => all || s.applicationId === req.clientId)
      .map(info)
    // OFS answers the usual list envelope here, not the bare array the spec declares
    return ok({ totalResults: items.length, items })
  })

  table.replace("core.events.subscriptions.get", (req) => {
    const s = subscriptions().get(req.params.subscriptionId ?? "")
    return s === undefined ? notFound(`Subscription '${req.params.subscriptionId}' not found`) : ok(info(s))
  })

  table.replace("core.events.subscriptions.delete", (req) => {
    const id = req.params.subscriptionId ?? ""
    if (!subscriptions().delete(id)) return notFound(`Subscription '${id}' not found`)
    return noContent
  })

  table.replace("core.events.list", (req) => {
    const id = req.query.get("subscriptionId")
    if (id === null || id.length === 0) return badRequest("Parameter 'subscriptionId' is absent.")
    const subscription = subscriptions().get(id)
    if (subscription === undefined) return notFound(`Subscription '${id}' not found`)
    const page = req.query.get("page")
    const since = req.query.get("since")
    if (page !== null && since !== null) return badRequest("Parameters 'page' and 'since' cannot be used together.")
    const rawLimit = req.query.get("limit")
    const asked = rawLimit === null ? maxLimit : Number(rawLimit)
    if (!Number.isInteger(asked) || asked < 0) return badRequest("Wrong value of parameter 'limit'.")
    const limit = asked === 0 || asked > maxLimit ? maxLimit : asked
    const floor = subscription.start as number

    if (since !== null) {
      if (!isDateTime(since))
        return badRequest("Wrong value of parameter 'since'. The format is 'YYYY-MM-DD HH:MM:SS'.")
      const position = Math.max(floor, positionAt(store, since))
      return ok({ found: false, nextPage: cursorOf(position) })
    }
    let position: number
    if (page === null) position = floor
    else if (page === "lastRequested") position = subscription.lastRequested as number
    else {
      const seq = seqOf(page)
      if (seq === undefined || seq > store.lastEventSeq) return badRequest("Wrong value of parameter 'page'.")
      position = Math.max(floor, seq)
    }
    subscriptions().patch(id, { lastRequested: position })

    const wanted = wantedTypes(subscription)
    const items: Array<SimRecord> = []
    while (items.length < limit) {
      const chunk = store.eventsAfter(position, scanChunk)
      if (chunk.length === 0) break
      for (const event of chunk) {
        position = event.seq
        if (wanted.has(event.eventType)) items.push(present(event))
        if (items.length === limit) break
      }
    }
    return ok({ found: items.length > 0, nextPage: cursorOf(position), items })
  })
  return table.behaviours
}
