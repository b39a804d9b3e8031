/**
 * Operations on a whole collection: a list with the OFS paging envelope (filtered by query
 * parameters that name a record field), a stored document, a whole-collection PUT, a bulk PATCH and
 * a delete-all.
 */

import { SchemaReader } from "@ofsc/models"
import type { SimRecord } from "../state/record.js"
import { listEnvelope } from "./answers.js"
import type { PlanHandler } from "./collections.js"
import { type Call, documentsCollection, type Engine } from "./engine.js"
import { limitRule, pageWindow } from "./limits.js"
import type { OpPlan } from "./plan.js"
import { recordKey } from "./recordKey.js"
import { itemsOf, singular, withoutSecrets } from "./records.js"

/** Query parameters that shape the answer rather than select records. */
const shapingParams = new Set(["offset", "limit", "fields", "expand", "q", "language", "includeChildren", "page"])

/**
 * The records the query selects: a scalar parameter must equal the field of its name, a list
 * parameter (`dates`, `areas`) must contain the field of its singular name. Records without the
 * field are kept, so parameters that are not filters change nothing.
 */
const filtered = (records: ReadonlyArray<SimRecord>, query: Readonly<Record<string, unknown>>) => {
  const filters: Array<(r: SimRecord) => boolean> = []
  for (const [name, value] of Object.entries(query)) {
    if (shapingParams.has(name) || value === undefined) continue
    if (Array.isArray(value)) {
      const field = singular(name)
      const wanted = new Set(value.map(String))
      filters.push((r) => r[field] === undefined || wanted.has(String(r[field])))
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      filters.push((r) => r[name] === undefined || String(r[name]) === String(value))
    }
  }
  return filters.length === 0 ? records : records.filter((r) => filters.every((f) => f(r)))
}

/** Records as items: lists of labels (routing profiles, plans) answer each record's id. */
const asItems = (plan: OpPlan, records: ReadonlyArray<SimRecord>): ReadonlyArray<unknown> => {
  const kinds = plan.itemsAst === undefined ? undefined : SchemaReader.kindsOf(plan.itemsAst)
  if (kinds === undefined || kinds.has("object") || !kinds.has("string")) return records
  return records.map((r) => r[plan.idField ?? ""] ?? Object.values(r).find((v) => typeof v === "string"))
}

/** GET of a list: the OFS envelope, paged where the operation pages. */
export const list: PlanHandler = (engine, plan, call) => {
  const records = filtered(engine.records(plan, call.params), call.query)
  if (records.length === 0 && plan.sampleWhenEmpty) return engine.sampleAnswer(plan)
  const items = asItems(plan, records)
  if (plan.op.paging !== "offset-limit") return engine.answer(plan, { items, totalResults: items.length })
  // the window's limit as the cap: pageOf then reads the same offset and limit as the window
  const window = pageWindow(call.request.query, limitRule(plan.op.id))
  return engine.answer(plan, listEnvelope(items, call.request, window.limit))
}

/** GET of a document: what was stored at this path, or a value generated from the schema. */
export const document: PlanHandler = (engine, plan, call) => {
  const stored = engine.store.collection(documentsCollection).get(engine.collectionName(plan, call.params))
  return stored === undefined ? engine.sampleAnswer(plan) : engine.answer(plan, stored)
}

const clearRecords = (engine: Engine, plan: OpPlan, call: Call) => {
  const collection = engine.collectionOf(plan, call.params)
  for (const record of filtered(engine.records(plan, call.params), call.query)) {
    collection.delete(recordKey(plan, call.params, record))
  }
}

/** PUT of a whole collection: items upserted by id where they have one, else the set replaced; or a document. */
export const replace: PlanHandler = (engine, plan, call) => {
  const items = itemsOf(call.body)
  if (items === undefined) {
    const document = withoutSecrets(call.body as SimRecord)
    engine.store.collection(documentsCollection).put(engine.collectionName(plan, call.params), document)
    return engine.answer(plan, document)
  }
  const collection = engine.collectionOf(plan, call.params)
  // a set without ids is replaced as a whole; items with ids are created or replaced one by one
  if (plan.idField === undefined) clearRecords(engine, plan, { ...call, query: {} })
  for (const item of items) collection.put(recordKey(plan, call.params, item), withoutSecrets(item))
  return plan.itemsAst !== undefined
    ? engine.answer(plan, { items: engine.records(plan, call.params) })
    : engine.answer(plan, call.body)
}

/** PATCH of a collection: each item merged into the one with its key; or fields merged into a document. */
export const bulkPatch: PlanHandler = (engine, plan, call) => {
  const items = itemsOf(call.body)
  if (items === undefined) {
    const documents = engine.store.collection(documentsCollection)
    const name = engine.collectionName(plan, call.params)
    documents.put(name, { ...documents.get(name), ...withoutSecrets(call.body as SimRecord) })
    return engine.answer(plan, documents.get(name))
  }
  const collection = engine.collectionOf(plan, call.params)
  for (const item of items) {
    const key = recordKey(plan, call.params, item)
    if (collection.patch(key, item) === undefined) collection.put(key, item)
  }
  return plan.itemsAst !== undefined
    ? engine.answer(plan, { items: engine.records(plan, call.params) })
    : engine.sampleAnswer(plan)
}

/** DELETE of a whole collection, or of the records matching the query (and any document at the path). */
export const clear: PlanHandler = (engine, plan, call) => {
  clearRecords(engine, plan, call)
  engine.store.collection(documentsCollection).delete(engine.collectionName(plan, call.params))
  return engine.answer(plan, undefined)
}
