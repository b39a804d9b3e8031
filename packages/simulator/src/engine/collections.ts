/**
 * Item operations on collections: get (404 when missing), PUT create-or-replace by the caller's key,
 * POST to a caller-chosen key, PATCH merge, DELETE, and POST create with a server-assigned id.
 *
 * Collections are named by their path after the module prefix with parameters filled in: `shifts`,
 * `activities`, `resources/TECH_00001/workSkills`; file properties live in `<owner path>/files`
 * (`activities/4000000/files`, keyed by property label) and documents (a resource's assigned
 * locations) in the `documents` collection, keyed by their path.
 */
import type { SimRecord } from "../state/record.js"
import { ofsError, type SimResponse } from "./answers.js"
import type { Call, Engine } from "./engine.js"
import { templateOf } from "./paths.js"
import type { OpPlan } from "./plan.js"
import { isLinkedActivities, linkKey, recordKey } from "./recordKey.js"
import { isRecord, itemsOf, nounOf, parentFields, typedId, withoutSecrets } from "./records.js"
import { createDefaults } from "./views.js"

/** A handler for one planned operation. */
export type PlanHandler = (engine: Engine, plan: OpPlan, call: Call) => SimResponse

/** GET of one item: its record, or bytes for a file property; 404 when missing. */
export const get: PlanHandler = (engine, plan, call) => {
  const key = engine.keyOf(plan, call.params)
  const record = engine.collectionOf(plan, call.params).get(key)
  if (plan.op.success.kind === "bytes") {
    if (record?.data instanceof Uint8Array) {
      return engine.bytes(record.data, String(record.contentType ?? "application/octet-stream"))
    }
    // files nothing here can upload (service request files, daily extracts) answer sample content
    return plan.idField === "propertyLabel" && !plan.collection.includes("serviceRequests")
      ? engine.notFound("File", key)
      : engine.answer(plan, undefined)
  }
  return record === undefined ? engine.notFound(nounOf(plan), key) : engine.answer(plan, record)
}

/** PUT by the caller's key: creates (201 where OFS says so) or replaces; file properties store bytes. */
export const put: PlanHandler = (engine, plan, call) => {
  const key = engine.keyOf(plan, call.params)
  const collection = engine.collectionOf(plan, call.params)
  if (plan.op.body.kind === "octet-stream") {
    const headers = call.request.headers
    collection.put(key, {
      propertyLabel: key,
      data: new Uint8Array(call.body as Buffer),
      contentType: String(headers["content-type"] ?? "application/octet-stream"),
      filename: /filename="?([^";]+)"?/.exec(String(headers["content-disposition"] ?? ""))?.[1]
    })
    return engine.answer(plan, undefined)
  }
  const record: SimRecord = withoutSecrets({ ...(call.body as SimRecord) })
  if (plan.idField !== undefined) record[plan.idField] = typedId(plan.idField, key)
  const outcome = collection.put(key, record)
  return engine.answer(plan, record, outcome === "created")
}

/** POST to a caller-chosen key (link templates): 409 when it exists. */
export const createAt: PlanHandler = (engine, plan, call) => {
  const key = engine.keyOf(plan, call.params)
  const collection = engine.collectionOf(plan, call.params)
  if (collection.get(key) !== undefined) return ofsError(409, `'${key}' already exists`)
  const record: SimRecord = withoutSecrets({ ...(call.body as SimRecord) })
  if (plan.idField !== undefined) record[plan.idField] = typedId(plan.idField, key)
  collection.put(key, record)
  return engine.answer(plan, record, true)
}

/** The key an item is stored under: a resource may be addressed by its internal id. */
const resolveKey = (engine: Engine, plan: OpPlan, call: Call): string => {
  const key = engine.keyOf(plan, call.params)
  if (call.query.identifyResourceBy !== "resourceInternalId") return key
  const found = engine
    .collectionOf(plan, call.params)
    .list()
    .find((r) => String(r.resourceInternalId) === key)
  return found === undefined ? key : String(found.resourceId)
}

/** PATCH of one item: merges the fields sent; 404 when missing. */
export const patch: PlanHandler = (engine, plan, call) => {
  const key = resolveKey(engine, plan, call)
  const merged = engine.collectionOf(plan, call.params).patch(key, withoutSecrets(call.body as SimRecord))
  return merged === undefined ? engine.notFound(nounOf(plan), key) : engine.answer(plan, merged)
}

/** Deletes that OFS answers 204 whether or not there was anything to delete. */
const lenientDeletes = new Set(["core.resources.assignedLocations.delete"])

/** DELETE of one item: 204 (200 for users), 404 when missing. */
export const remove: PlanHandler = (engine, plan, call) => {
  const key = engine.keyOf(plan, call.params)
  const deleted = engine.collectionOf(plan, call.params).delete(key)
  return deleted || lenientDeletes.has(plan.op.id) ? engine.answer(plan, undefined) : engine.notFound(nounOf(plan), key)
}

/** POST to a collection: one item with a server-assigned id (409 on a duplicate caller id), or many. */
export const create: PlanHandler = (engine, plan, call) => {
  const collection = engine.collectionOf(plan, call.params)
  const view = engine.viewOf(plan)
  const success = plan.op.success.kind === "json" ? plan.op.success.schema.ast : undefined
  const defaults = {
    ...createDefaults[templateOf(plan.collection)],
    ...view?.defaults?.(call.params),
    ...parentFields(plan, call.params, plan.itemsAst ?? success)
  }
  const many = Array.isArray(call.body) || (plan.itemsAst !== undefined && itemsOf(call.body) !== undefined)
  if (many) {
    for (const item of itemsOf(call.body) ?? []) {
      const record = withoutSecrets({ ...defaults, ...item })
      collection.put(recordKey(plan, call.params, record), record)
    }
    return engine.answer(plan, { items: engine.records(plan, call.params) })
  }
  const body = isRecord(call.body) ? call.body : {}
  const record: SimRecord = withoutSecrets({ ...defaults, ...body })
  const field = plan.idField
  let key: string
  if (isLinkedActivities(plan)) {
    key = linkKey(call.params.activityId ?? "", body)
  } else if (field !== undefined && body[field] !== undefined && body[field] !== null) {
    key = String(body[field])
    if (collection.get(key) !== undefined) return ofsError(409, `${field} '${key}' already exists`)
  } else if (field !== undefined) {
    const id = engine.nextId(view?.base ?? nounOf(plan), collection, field)
    key = String(id)
    record[field] = id
  } else {
    key = recordKey(plan, call.params, record)
  }
  collection.put(key, record)
  return plan.itemsAst !== undefined
    ? engine.answer(plan, { items: engine.records(plan, call.params) }, true)
    : engine.answer(plan, record, true)
}
