/**
 * Capacity quotas (v1 and v2, one `quota` collection of a record per day): GET answers only the
 * areas the query names (all without `areas`) and, within them, only the categories it names;
 * PATCH merges what it sends into the day's areas by label, and into an area's categories and time
 * slots by label, leaving the rest of the day as it was. Both wrap the engine's handlers, which
 * check the request and shape the answer.
 */
import type { SimulatorContext } from "../context.js"
import type { SimRecord } from "../data/seed.js"
import { naturalKey } from "../engine/recordKey.js"
import type { SimResponse } from "../server/responses.js"
import type { Handler, SimRequest } from "../server/router.js"
import { asObject } from "./common.js"

const versions = ["/rest/ofscCapacity/v1/quota", "/rest/ofscCapacity/v2/quota"]

/** The objects of an array (anything else is left out). */
const objects = (value: unknown): ReadonlyArray<SimRecord> =>
  Array.isArray(value)
    ? value.flatMap((v) => {
        const object = asObject(v)
        return object === undefined ? [] : [object]
      })
    : []

/** `current` with `sent` merged into it by label: sent entries update theirs or are added. */
const mergeByLabel = (
  current: ReadonlyArray<SimRecord>,
  sent: ReadonlyArray<SimRecord>,
  merge: (a: SimRecord, b: SimRecord) => SimRecord
): ReadonlyArray<SimRecord> => {
  const out = [...current]
  for (const item of sent) {
    const at = out.findIndex((c) => c.label === item.label)
    if (at >= 0) out[at] = merge(out[at] as SimRecord, item)
    else out.push(item)
  }
  return out
}

/** An area with what a PATCH sent for it: fields replaced, categories and time slots merged by label. */
const mergeArea = (area: SimRecord, sent: SimRecord): SimRecord => {
  const merged: SimRecord = { ...area, ...sent }
  for (const nested of ["categories", "timeSlots"]) {
    if (Array.isArray(sent[nested]))
      merged[nested] = mergeByLabel(objects(area[nested]), objects(sent[nested]), (a, b) => ({ ...a, ...b }))
  }
  return merged
}

/** The query's comma-separated list, or undefined when it names none. */
const listParam = (req: SimRequest, name: string): ReadonlySet<string> | undefined => {
  const value = req.query.get(name)
  return value === null || value === "" ? undefined : new Set(value.split(","))
}

/** The answer with only the areas (and categories) the query names. */
const narrowed = (req: SimRequest, answer: SimResponse): SimResponse => {
  const areas = listParam(req, "areas")
  const categories = listParam(req, "categories")
  const body = asObject(answer.json)
  if (body === undefined || answer.status !== 200 || (areas === undefined && categories === undefined)) return answer
  const items = objects(body.items).map((day) => ({
    ...day,
    areas: objects(day.areas)
      .filter((area) => areas === undefined || areas.has(String(area.label)))
      .map((area) =>
        categories === undefined || !Array.isArray(area.categories)
          ? area
          : { ...area, categories: objects(area.categories).filter((c) => categories.has(String(c.label))) }
      )
  }))
  return { ...answer, json: { ...body, items } }
}

/** Registers the quota wrappers over the engine's GET and PATCH. */
export const installQuota = (ctx: SimulatorContext): void => {
  const quota = () => ctx.store.collection("quota")
  const wrap = (method: string, path: string, around: (inner: Handler) => Handler) => {
    const matched = ctx.router.match(method, path)
    if (typeof matched !== "string") ctx.router.on(method, path, around(matched.handler))
  }
  for (const path of versions) {
    wrap("GET", path, (inner) => async (req) => narrowed(req, await inner(req)))
    wrap("PATCH", path, (inner) => async (req) => {
      const sent = objects(asObject(req.body)?.items)
      const before = new Map(sent.map((day) => [String(day.date), quota().get(naturalKey({ date: day.date }))]))
      const answer = await inner(req)
      if (answer.status < 200 || answer.status >= 300) return answer
      for (const day of sent) {
        const current = before.get(String(day.date))
        const areas = mergeByLabel(objects(current?.areas), objects(day.areas), mergeArea)
        const record = { ...current, ...day, areas }
        quota().put(naturalKey(record), record)
      }
      return answer
    })
  }
}
