/**
 * Shifts (metadata): PUT validates a shift as OFS does (an on-call shift needs a `decoration`
 * colour, a regular one must not have one, `type` never changes), answers 201 when it created the
 * shift and 200 when it replaced it; DELETE refuses (409) a shift a work schedule still uses. The
 * list answers each shift with its links.
 */

import { listEnvelope, noContent, ok } from "../../engine/answers.js"
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { limitRule, pageWindow } from "../../engine/limits.js"
import type { SimRequest } from "../../engine/protocol.js"
import type { SimRecord } from "../../state/record.js"
import { shiftInUse } from "../resources/workSchedules.js"
import { badRequest, collections, conflict, invalidJson, isTime, jsonBody, notFound, objectLinks } from "../shared.js"

const base = "/rest/ofscMetadata/v1/shifts"
const catalog = "/rest/ofscMetadata/v1/metadata-catalog/shifts"
const shiftTypes = ["regular", "on-call"]
const colours = ["yellow", "orange", "red", "blue", "green", "purple"]

/** A shift as GET answers it: the stored fields plus `label` and links. */
export const presentShift = (req: SimRequest, shift: SimRecord): SimRecord => ({
  ...shift,
  links: objectLinks(req, `${base}/${encodeURIComponent(String(shift.label))}`, catalog)
})

/** 'HH:MM' becomes 'HH:MM:SS', the form OFS answers shift times in. */
const withSeconds = (time: string): string => (time.length === 5 ? `${time}:00` : time)

/** The stored shift a PUT body describes, or the detail of the 400 OFS answers. */
const validate = (label: string, body: SimRecord, existing: SimRecord | undefined): SimRecord | string => {
  const type = body.type ?? existing?.type
  if (type === undefined) return "Field 'type' is absent."
  if (typeof type !== "string" || !shiftTypes.includes(type))
    return "Wrong value in field 'type'. Possible values are ['regular', 'on-call']."
  if (existing !== undefined && existing.type !== type) return "Field 'type' cannot be changed for an existing shift."
  if (typeof body.name !== "string" || body.name.length === 0) return "Field 'name' is absent."
  if (body.active !== undefined && typeof body.active !== "boolean")
    return "Wrong value in field 'active'. Possible values are [true, false]."
  if (body.points !== undefined && body.points !== null && typeof body.points !== "number")
    return "Invalid parameter type"
  for (const field of ["workTimeStart", "workTimeEnd"] as const) {
    if (body[field] === undefined) return `Field '${field}' is absent.`
    // a time that is not text at all is a wrong type; text that is no time is a wrong value
    if (typeof body[field] !== "string") return "Invalid parameter type"
    if (!isTime(body[field])) return `Wrong value in field '${field}'.`
  }
  const decoration = body.decoration
  if (type === "regular" && decoration !== undefined && decoration !== null)
    return "Field 'decoration' not accepted for 'regular' type of shift."
  if (type === "on-call") {
    if (decoration === undefined || decoration === null)
      return "Field 'decoration' is absent. Field 'decoration' mandatory for 'on-call'."
    if (typeof decoration !== "string" || !colours.includes(decoration))
      return "Wrong value in field 'decoration'. Possible values are ['yellow','orange','red','blue','green','purple']."
  }
  return {
    label,
    name: body.name,
    active: body.active ?? true,
    type,
    ...(typeof body.points === "number" && { points: body.points }),
    ...(type === "on-call" && { decoration }),
    workTimeStart: withSeconds(body.workTimeStart as string),
    workTimeEnd: withSeconds(body.workTimeEnd as string)
  }
}

/** Shifts as OFS lists, validates, replaces and deletes them. */
export const shiftBehaviours = (ctx: SimulatorContext): Behaviours => {
  const table = new BehaviourTable()
  const shifts = () => ctx.store.collection(collections.shifts)

  // the list carries each shift's own links, as OFS answers it
  table.replace("metadata.shifts.list", (req) => {
    const window = pageWindow(req.query, limitRule("metadata.shifts.list"))
    const items = shifts()
      .list()
      .map((shift) => presentShift(req, shift))
    return ok(listEnvelope(items, req, window.limit))
  })

  table.replace("metadata.shifts.get", (req) => {
    const shift = shifts().get(req.params.label ?? "")
    return shift === undefined ? notFound(`Shift '${req.params.label}' not found`) : ok(presentShift(req, shift))
  })

  table.replace("metadata.shifts.put", (req) => {
    const label = req.params.label ?? ""
    if (label.length === 0 || label.length > 40) return badRequest("Wrong value in field 'label'.")
    const body = jsonBody(req)
    if (body === undefined) return invalidJson()
    const existing = shifts().get(label)
    const shift = validate(label, body, existing)
    if (typeof shift === "string") return badRequest(shift)
    const outcome = shifts().put(label, shift)
    return ok(presentShift(req, shift), outcome === "created" ? 201 : 200)
  })

  table.replace("metadata.shifts.delete", (req) => {
    const label = req.params.label ?? ""
    if (shifts().get(label) === undefined) return notFound(`Shift '${label}' not found`)
    if (shiftInUse(ctx.store, label)) return conflict("Object is already in use")
    shifts().delete(label)
    return noContent
  })
  return table.behaviours
}
