/**
 * Events for the plain create/update/delete calls the generic engine answers: each such route's
 * handler is wrapped so that a successful answer also logs activityCreated/Updated/Deleted,
 * resourceCreated/Updated or userCreated/Updated/Deleted. Installed after the engine; a route the
 * engine does not serve is left alone.
 */

import type { SimResponse } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import { asObject, collections } from "../shared.js"
import { emitActivityEvent } from "./publish.js"

/** What a wrapped route logs after a success: given the request, the answer and the record before. */
type AfterSuccess = (req: SimRequest, answer: SimResponse, before: SimRecord | undefined) => void

const pick = (record: SimRecord | undefined, keys: ReadonlyArray<string>): SimRecord => {
  const out: SimRecord = {}
  if (record !== undefined) for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}

/** Wraps the engine's plain create/update/delete routes so a success also publishes its event. */
export const eventSourceBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  /** Wraps the engine's route of `operationId`: after a success, `after` publishes what it did. */
  const wrap = (
    operationId: string,
    lookup: ((req: SimRequest) => SimRecord | undefined) | undefined,
    after: AfterSuccess
  ) =>
    table.wrap(operationId, (engineRoute) => async (req) => {
      const before = lookup?.(req)
      const answer = await engineRoute(req)
      if (answer.status >= 200 && answer.status < 300) after(req, answer, before)
      return answer
    })
  const activityById = (req: SimRequest) => store.collection(collections.activities).get(req.params.activityId ?? "")
  const resourceById = (req: SimRequest) => store.collection(collections.resources).get(req.params.resourceId ?? "")
  const userByLogin = (req: SimRequest) => store.collection(collections.users).get(req.params.login ?? "")
  const answered = (answer: SimResponse, fallback: SimRecord | undefined) => asObject(answer.json) ?? fallback ?? {}
  const bodyOf = (req: SimRequest) => asObject(req.body) ?? {}
  // a user's password travels in the body of PUT/PATCH users; it never goes into an event
  const withoutSecrets = (fields: SimRecord): SimRecord =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => !/password|secret/i.test(key)))

  wrap("core.activities.create", undefined, (req, answer) => {
    const created = answered(answer, undefined)
    emitActivityEvent(store, "activityCreated", req.clientId, created)
  })
  wrap("core.activities.update", undefined, (req, answer) => {
    const updated = answered(answer, activityById(req))
    emitActivityEvent(store, "activityUpdated", req.clientId, updated, bodyOf(req))
  })
  wrap("core.activities.delete", activityById, (req, _answer, before) => {
    emitActivityEvent(store, "activityDeleted", req.clientId, before ?? { activityId: Number(req.params.activityId) })
  })

  const resourceKeys = ["resourceId", "name", "status", "resourceType", "parentResourceId"]
  const resourceEvent = (eventType: string, req: SimRequest, resource: SimRecord) =>
    store.emit(eventType, {
      user: req.clientId,
      resourceDetails: pick(resource, resourceKeys),
      resourceChanges: bodyOf(req)
    })
  wrap("core.resources.put", resourceById, (req, answer, before) =>
    resourceEvent(
      before === undefined ? "resourceCreated" : "resourceUpdated",
      req,
      answered(answer, resourceById(req))
    )
  )
  wrap("core.resources.update", undefined, (req, answer) =>
    resourceEvent("resourceUpdated", req, answered(answer, resourceById(req)))
  )

  const userKeys = ["login", "name", "status", "userType", "mainResourceId"]
  const userRequired = ["name", "userType", "language", "timeZone"]
  const userEvent = (eventType: string, req: SimRequest, user: SimRecord | undefined, changes: boolean) =>
    store.emit(eventType, {
      user: req.clientId,
      userDetails: { ...pick(user, userKeys), login: req.params.login },
      // the spec's userChanges is a whole user: the fields it requires come from the user as it is now
      ...(changes && { userChanges: { ...pick(user, userRequired), ...withoutSecrets(bodyOf(req)) } })
    })
  wrap("core.users.put", userByLogin, (req, answer, before) =>
    userEvent(before === undefined ? "userCreated" : "userUpdated", req, answered(answer, userByLogin(req)), true)
  )
  wrap("core.users.update", undefined, (req, answer) =>
    userEvent("userUpdated", req, answered(answer, userByLogin(req)), true)
  )
  wrap("core.users.delete", userByLogin, (req, _answer, before) => userEvent("userDeleted", req, before, false))
  return table.behaviours
}
