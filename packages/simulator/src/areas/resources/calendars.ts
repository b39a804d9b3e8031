/**
 * GET /rest/ofscCore/v1/calendars: the calendars of several resources over up to 31 days, one item
 * per resource and day (computed as in calendar.ts), paged by offset/limit. Children are included
 * as `includeChildren` says (all by default); inactive resources only with `includeInactive=true`.
 */

import { addDays } from "../../data/seed.js"
import { ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import type { SimRecord } from "../../state/record.js"
import { badRequest, collections, daysBetween, isDate, notFound } from "../shared.js"
import { calendarOf } from "./workSchedules.js"

/** Most days one request may span (dateFrom to dateTo inclusive). */
const maxDays = 31
const maxLimit = 100

/** GET calendars: several resources' calendars, paged. */
export const calendarBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const store = ctx.store
  table.replace("core.calendars.list", (req) => {
    const q = req.query
    const named = (q.get("resources") ?? "").split(",").filter((r) => r.length > 0)
    if (named.length === 0) return badRequest("Parameter 'resources' is absent.")
    const from = q.get("dateFrom")
    const to = q.get("dateTo")
    if (from === null || !isDate(from))
      return badRequest("Wrong value of parameter 'dateFrom'. The format is 'YYYY-MM-DD'.")
    if (to === null || !isDate(to)) return badRequest("Wrong value of parameter 'dateTo'. The format is 'YYYY-MM-DD'.")
    const span = daysBetween(from, to)
    if (span < 0) return badRequest("Parameter 'dateFrom' is later than 'dateTo'.")
    if (span >= maxDays) return badRequest(`The period from 'dateFrom' to 'dateTo' exceeds ${maxDays} days.`)
    const children = q.get("includeChildren") ?? "all"
    if (!["none", "immediate", "all"].includes(children))
      return badRequest("Wrong value of parameter 'includeChildren'. Possible values are ['none', 'immediate', 'all'].")
    const inactive = q.get("includeInactive") ?? "false"
    if (!["true", "false"].includes(inactive))
      return badRequest("Wrong value of parameter 'includeInactive'. Possible values are ['true', 'false'].")
    const limitText = q.get("limit")
    const limit = limitText === null ? maxLimit : Number(limitText)
    if (!Number.isInteger(limit) || limit < 1) return badRequest("Wrong value of parameter 'limit'. The minimum is 1.")
    const offset = Math.max(0, Number(q.get("offset") ?? 0) || 0)

    const resources = store.collection(collections.resources)
    const missing = named.find((id) => resources.get(id) === undefined)
    if (missing !== undefined) return notFound(`Resource '${missing}' not found`)
    const byParent = new Map<unknown, Array<SimRecord>>()
    if (children !== "none") {
      for (const r of resources.list())
        byParent.set(r.parentResourceId, [...(byParent.get(r.parentResourceId) ?? []), r])
    }
    const chosen: Array<string> = []
    const visit = (id: string, depth: number) => {
      if (chosen.includes(id)) return
      chosen.push(id)
      if (children === "none" || (children === "immediate" && depth >= 1)) return
      for (const child of byParent.get(id) ?? []) visit(String(child.resourceId), depth + 1)
    }
    for (const id of named) visit(id, 0)
    const shown = chosen.filter((id) => inactive === "true" || resources.get(id)?.status !== "inactive")

    const items: Array<SimRecord> = []
    for (const resourceId of shown) {
      const dayOf = calendarOf(store, resourceId)
      for (let i = 0; i <= span; i++) {
        const date = addDays(from, i)
        items.push({ resourceId, date, ...dayOf(date) })
      }
    }
    return ok({ items: items.slice(offset, offset + Math.min(limit, maxLimit)) })
  })
  return table.behaviours
}
