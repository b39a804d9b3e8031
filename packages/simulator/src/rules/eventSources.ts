/**
 * Events for the plain create/update/delete calls the generic engine answers: each such route's
 * handler is wrapped so that a successful answer also logs activityCreated/Updated/Deleted,
 * resourceCreated/Updated or userCreated/Updated/Deleted. Installed after the engine; a route the
 * engine does not serve is left alone.
 */
import type { SimulatorContext } from "../context.js"
import type { SimRecord } from "../data/seed.js"
import type { SimResponse } from "../server/responses.js"
import type { Handler, SimRequest } from "../server/router.js"
import { emitActivityEvent } from "./activityEvents.js"
import { asObject, collections } from "./common.js"

/** What a wrapped route logs after a success: given the request, the answer and the record before. */
type AfterSuccess = (req: SimRequest, answer: SimResponse, before: SimRecord | undefined) => void

const pick = (record: SimRecord | undefined, keys: ReadonlyArray<string>): SimRecord => {
  const out: SimRecord = {}
  if (record !== undefined) for (const key of keys) if (record[key] !== undefined) out[key] = record[key]
  return out
}

/** Registers event-logging wrappers around the engine's mutation routes. */
export const installEventSources = (ctx: SimulatorContext): void => {
  const store = ctx.store
  /** Wraps the handler serving `sample` (a concrete path of `template`), if there is one. */
  const wrap = (
    method: string,
    template: string,
    sample: string,
    lookup: ((req: SimRequest) => SimRecord | undefined) | undefined,
    after: AfterSuccess
  ) => {
    const matched = ctx.router.match(method, sample)
    if (typeof matched === "string") return
    const inner: Handler = matched.handler
    ctx.router.on(method, template, async (req) => {
      const before = lookup?.(req)
      const answer = await inner(req)
      if (answer.status >= 200 && answer.status < 300) after(req, answer, before)
      return answer
    })
  }
  const activityById = (req: SimRequest) => store.collection(collections.activities).get(req.params.activityId ?? "")
  const resourceById = (req: SimRequest) => store.collection(collections.resources).get(req.params.resourceId ?? "")
  const userByLogin = (req: SimRequest) => store.collection(collections.users).get(req.params.login ?? "")
  const answered = (answer: SimResponse, fallback: SimRecord | undefined) => asObject(answer.json) ?? fallback ?? {}
  const bodyOf = (req: SimRequest) => asObject(req.body) ?? {}
  // a user's password travels in the body of PUT/PATCH users; it never goes into an event
  const withoutSecrets = (fields: SimRecord): SimRecord =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => !/password|secret/i.test(key)))

  const activities = "/rest/ofscCore/v1/activities"
  wrap("POST", activities, activities, undefined, (req, answer) => {
    const created = answered(answer, undefined)
    emitActivityEvent(store, "activityCreated", req.clientId, created)
  })
  wrap("PATCH", `${activities}/{activityId}`, `${activities}/0`, undefined, (req, answer) => {
    const updated = answered(answer, activityById(req))
    emitActivityEvent(store, "activityUpdated", req.clientId, updated, bodyOf(req))
  })
  wrap("DELETE", `${activities}/{activityId}`, `${activities}/0`, activityById, (req, _answer, before) => {
    emitActivityEvent(store, "activityDeleted", req.clientId, before ?? { activityId: Number(req.params.activityId) })
  })

  const resourceKeys = ["resourceId", "name", "status", "resourceType", "parentResourceId"]
  const resourceEvent = (eventType: string, req: SimRequest, resource: SimRecord) =>
    store.emit(eventType, {
      user: req.clientId,
      resourceDetails: pick(resource, resourceKeys),
      resourceChanges: bodyOf(req)
    })
  const resources = "/rest/ofscCore/v1/resources"
  wrap("PUT", `${resources}/{resourceId}`, `${resources}/_`, resourceById, (req, answer, before) =>
    resourceEvent(
      before === undefined ? "resourceCreated" : "resourceUpdated",
      req,
      answered(answer, resourceById(req))
    )
  )
  wrap("PATCH", `${resources}/{resourceId}`, `${resources}/_`, undefined, (req, answer) =>
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
  const users = "/rest/ofscCore/v1/users"
  wrap("PUT", `${users}/{login}`, `${users}/_`, userByLogin, (req, answer, before) =>
    userEvent(before === undefined ? "userCreated" : "userUpdated", req, answered(answer, userByLogin(req)), true)
  )
  wrap("PATCH", `${users}/{login}`, `${users}/_`, undefined, (req, answer) =>
    userEvent("userUpdated", req, answered(answer, userByLogin(req)), true)
  )
  wrap("DELETE", `${users}/{login}`, `${users}/_`, userByLogin, (req, _answer, before) =>
    userEvent("userDeleted", req, before, false)
  )
}
