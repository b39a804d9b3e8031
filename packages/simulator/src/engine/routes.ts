/**
 * The generic engine's routes: one per OFS operation (the token service excepted, which the HTTP
 * edge answers itself). Each request is checked against the operation's path, query and body
 * schemas (400 naming the field), its parent entity must exist (404), and then the planned handler
 * answers, or the answer an area gave the operation; an area's route takes the request first.
 */

import type { Store } from "../state/store.js"
import { action } from "./actions.js"
import { ActivityIndex } from "./activityIndex.js"
import { ofsError } from "./answers.js"
import type { AfterSuccess, Behaviours } from "./behaviour.js"
import { create, createAt, get, type PlanHandler, patch, put, remove } from "./collections.js"
import { Conformer } from "./conform.js"
import type { SimulatorContext } from "./context.js"
import { Engine } from "./engine.js"
import { requestHints, seedHints } from "./hints.js"
import { bulkPatch, clear, document, list, replace } from "./lists.js"
import { moduleOperations } from "./operations.js"
import { type OpPlan, type PlanKind, planAll } from "./plan.js"
import type { Handler, RouteEntry, SimResponse } from "./protocol.js"
import { checkBody, checkPath, checkQuery } from "./requestCheck.js"
import { Sampler } from "./sampleValue.js"

const byKind: Readonly<Record<PlanKind, PlanHandler>> = {
  list,
  get,
  document,
  put,
  replace,
  patch,
  bulkPatch,
  delete: remove,
  clear,
  create,
  createAt,
  action
}

const handlerFor = (engine: Engine, plan: OpPlan, answer: PlanHandler | undefined): Handler => {
  const handle = answer ?? byKind[plan.kind]
  return (request) => {
    const path = checkPath(plan.op, request.params)
    if (!path.ok) return ofsError(400, path.detail)
    const query = checkQuery(plan.op, request.query)
    if (!query.ok) return ofsError(400, query.detail)
    const body = checkBody(plan.op, request)
    if (!body.ok) return ofsError(400, body.detail)
    if (plan.parent !== undefined) {
      const id = request.params[plan.parent.param] ?? ""
      if (engine.store.collection(plan.parent.collection).get(id) === undefined) {
        return engine.notFound(plan.parent.collection, id)
      }
    }
    const call = { request, params: request.params, query: query.value as Record<string, unknown>, body: body.value }
    return engine.sampler.withRequest(requestHints(call), () => handle(engine, plan, call))
  }
}

/** A handler whose successful answers `after` hears, with the store changes the handler made. */
const observed =
  (store: Store, handler: Handler, after: AfterSuccess): Handler =>
  (request) => {
    const { value, changes } = store.recordChanges(() => handler(request))
    const heard = (answer: SimResponse): SimResponse => {
      if (answer.status >= 200 && answer.status < 300) after(request, answer, changes)
      return answer
    }
    return value instanceof Promise ? value.then(heard) : heard(value)
  }

let plans: ReadonlyArray<OpPlan> | undefined

/** The plans of every operation the engine routes (made once, on first use). */
export const enginePlans = (): ReadonlyArray<OpPlan> => {
  plans ??= planAll(moduleOperations.filter(({ op }) => !op.path.startsWith("/rest/oauthTokenService/")))
  return plans
}

/**
 * The engine over the context's store and a route for every OFS operation, each with the behaviour
 * `behaviours` give it. A behaviour for an operation the engine does not route is a mistake.
 */
export const buildEngine = (
  ctx: SimulatorContext,
  behaviours: Behaviours
): { readonly engine: Engine; readonly routes: ReadonlyArray<RouteEntry> } => {
  const sampler = new Sampler(seedHints(ctx.data))
  const engine = new Engine(
    ctx.store,
    sampler,
    new Conformer(sampler),
    new ActivityIndex(ctx.store.collection("activities"))
  )
  for (const plan of enginePlans()) {
    if (plan.kind === "action" && plan.op.method === "GET" && plan.op.path.endsWith("}")) {
      engine.jobStarts.add(plan.op.path.split("/").slice(0, -1).join("/"))
    }
    const [entity] = plan.collection
    if (
      plan.kind === "get" &&
      plan.collection.length === 1 &&
      entity !== undefined &&
      plan.op.success.kind === "json"
    ) {
      engine.entitySchemas.set(entity, plan.op.success.schema.ast)
    }
  }
  const routed = new Set(enginePlans().map((plan) => plan.op.id))
  for (const operationId of Object.keys(behaviours)) {
    if (!routed.has(operationId)) throw new Error(`'${operationId}' has a behaviour but no route in the engine`)
  }
  const routes = enginePlans().map((plan) => {
    const behaviour = behaviours[plan.op.id]
    const engineRoute = handlerFor(engine, plan, behaviour?.answer)
    const routed = behaviour?.route === undefined ? engineRoute : behaviour.route(engineRoute)
    const handler = behaviour?.after === undefined ? routed : observed(ctx.store, routed, behaviour.after)
    return { method: plan.op.method, path: plan.op.path, handler }
  })
  return { engine, routes }
}
