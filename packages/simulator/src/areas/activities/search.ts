/**
 * GET activities and the activity search, as OFS filters them: by resources (with their children
 * unless `includeChildren=none`), a date range of at most 31 days, non-scheduled activities on
 * request, a work order; pages up to 100,000 items but never past OFS's 20 MB answer cap, in which
 * case `hasMore` says to ask again from where the page ended.
 */

import { ofsError, type SimResponse } from "../../engine/answers.js"
import type { PlanHandler } from "../../engine/collections.js"
import type { Engine } from "../../engine/engine.js"
import { limitRule, pageWindow } from "../../engine/limits.js"
import { type LinkSource, pageLinks } from "../../engine/links.js"
import type { OpPlan } from "../../engine/plan.js"
import type { SimRecord } from "../../state/record.js"
import type { Store } from "../../state/store.js"

const maxAnswerBytes = 20_000_000
const dayMs = 86_400_000

/** The requested resources followed by their children (`immediate`) or all their descendants (`all`). */
const expandResources = (store: Store, ids: ReadonlyArray<string>, depth: string): ReadonlyArray<string> => {
  if (depth === "none") return ids
  const byParent = new Map<string, Array<string>>()
  for (const r of store.collection("resources").list()) {
    if (typeof r.parentResourceId !== "string") continue
    const children = byParent.get(r.parentResourceId) ?? []
    children.push(String(r.resourceId))
    byParent.set(r.parentResourceId, children)
  }
  const seen = new Set<string>()
  const out: Array<string> = []
  const visit = (id: string, level: number) => {
    if (seen.has(id)) return
    seen.add(id)
    out.push(id)
    if (depth === "all" || level === 0) for (const child of byParent.get(id) ?? []) visit(child, level + 1)
  }
  for (const id of ids) visit(id, 0)
  return out
}

const project = (record: SimRecord, fields: ReadonlyArray<string> | undefined): SimRecord =>
  fields === undefined ? record : Object.fromEntries(fields.flatMap((f) => (f in record ? [[f, record[f]]] : [])))

/** One page of records by id, cut short where the JSON would pass the 20 MB cap. */
const pageOf = (
  engine: Engine,
  plan: OpPlan,
  ids: ReadonlyArray<string>,
  request: LinkSource,
  fields: ReadonlyArray<string> | undefined
): SimResponse => {
  const { offset, limit } = pageWindow(request.query, limitRule(plan.op.id))
  const activities = engine.store.collection("activities")
  const wanted = ids.slice(offset, offset + limit)
  let items = wanted.flatMap((id) => {
    const record = activities.get(id)
    return record === undefined ? [] : [project(record, fields)]
  })
  if (items.length > 1000) {
    const probe = items.slice(0, 20)
    const average = JSON.stringify(probe).length / probe.length
    const fit = Math.floor(maxAnswerBytes / average)
    if (fit < items.length) items = items.slice(0, fit)
  }
  const hasMore = offset + items.length < ids.length
  return engine.answer(plan, {
    items,
    hasMore,
    totalResults: ids.length,
    offset,
    limit,
    links: pageLinks(request, { offset, limit, hasMore, count: items.length })
  })
}

const fieldsOf = (value: unknown): ReadonlyArray<string> | undefined =>
  Array.isArray(value) && value.length > 0 ? value.map(String) : undefined

/** GET /activities. */
export const listActivities: PlanHandler = (engine, plan, call) => {
  const q = call.query
  const dateFrom = typeof q.dateFrom === "string" ? q.dateFrom : undefined
  const dateTo = typeof q.dateTo === "string" ? q.dateTo : undefined
  const includeNonScheduled = q.includeNonScheduled === true
  const fields = fieldsOf(q.fields)
  if (q.svcWorkOrderId !== undefined) {
    const ids = engine.store
      .collection("activities")
      .list()
      .filter((a) => a.svcWorkOrderId === q.svcWorkOrderId)
      .map((a) => String(a.activityId))
    return pageOf(engine, plan, ids, call.request, fields)
  }
  if ((dateFrom === undefined) !== (dateTo === undefined))
    return ofsError(400, "dateFrom and dateTo must be given together")
  if (dateFrom === undefined && !includeNonScheduled)
    return ofsError(400, "dateFrom and dateTo are required unless includeNonScheduled is true")
  if (dateFrom !== undefined && dateTo !== undefined) {
    const span = (Date.parse(dateTo) - Date.parse(dateFrom)) / dayMs
    if (!(span >= 0)) return ofsError(400, "dateTo must not be before dateFrom")
    if (span > 31) return ofsError(400, "dateFrom and dateTo must be at most 31 days apart")
  }
  const asked = Array.isArray(q.resources) ? q.resources.map(String) : undefined
  const resources =
    asked === undefined
      ? undefined
      : expandResources(engine.store, asked, typeof q.includeChildren === "string" ? q.includeChildren : "all")
  const ids = engine.activities.select({ resources, dateFrom, dateTo, includeNonScheduled })
  return pageOf(engine, plan, ids, call.request, fields)
}

/** GET /activities/custom-actions/search: activities whose field equals a value, optionally within dates. */
export const searchActivities: PlanHandler = (engine, plan, call) => {
  const q = call.query
  const field = String(q.searchInField)
  const value = String(q.searchForValue)
  const from = typeof q.dateFrom === "string" ? q.dateFrom : undefined
  const to = typeof q.dateTo === "string" ? q.dateTo : undefined
  const nonScheduled = q.includeNonScheduled === "true" || q.includeNonScheduled === "1"
  const ids: Array<string> = []
  for (const a of engine.store.collection("activities").list()) {
    if (a[field] === undefined || String(a[field]) !== value) continue
    const date = typeof a.date === "string" ? a.date : undefined
    if (date === undefined ? !nonScheduled : (from !== undefined && date < from) || (to !== undefined && date > to))
      continue
    ids.push(String(a.activityId))
  }
  return pageOf(engine, plan, ids, call.request, fieldsOf(q.fields))
}
