/**
 * Capacity quotas (v1 and v2, one `quota` collection of a record per day): GET answers only the
 * areas the query names (all without `areas`) and, within them, only the categories it names;
 * PATCH merges what it sends into the day's areas by label, and into an area's categories and time
 * slots by label, leaving the rest of the day as it was. Both wrap the engine's handlers, which
 * check the request and shape the answer.
 */

import type { SimResponse } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRequest } from "../../engine/protocol.js"
import { naturalKey } from "../../engine/recordKey.js"
import type { SimRecord } from "../../state/record.js"
import { asObject } from "../shared.js"

/** The quota operations of both API versions. */
const versions = [
  { get: "capacity.quota.getV1", update: "capacity.quota.updateV1" },
  { get: "capacity.quota.get", update: "capacity.quota.update" }
]

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

/** The quota GET narrowed to the areas and categories asked; the quota PATCH merged into the day. */
export const quotaBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const quota = () => ctx.store.collection("quota")
  for (const version of versions) {
    table.wrap(version.get, (inner) => async (req) => narrowed(req, await inner(req)))
    table.wrap(version.update, (inner) => async (req) => {
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
  return table.behaviours
}
