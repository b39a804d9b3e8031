/**
 * What the rule modules share: the names of the collections they read and write (the same names the
 * generic engine uses: a collection is named by its path template), links, body checks and dates.
 */
import type { SimRecord } from "../state/record.js"

export { absolute, objectLinks } from "../engine/links.js"

import { ofsError, type SimResponse } from "../engine/answers.js"
import type { SimRequest } from "../engine/protocol.js"
import type { Store } from "../state/store.js"

/**
 * Collection names, as the engine names them: the operation path after `/rest/<module>/<version>/`,
 * parameters filled in (`shifts`, `activities`, `resources/TECH_00001/workSchedules`).
 */
export const collections = {
  shifts: "shifts",
  nonWorkingReasons: "nonWorkingReasons",
  properties: "properties",
  plugins: "plugins",
  activities: "activities",
  resources: "resources",
  users: "users",
  inventories: "inventories",
  serviceRequests: "serviceRequests",
  subscriptions: "events/subscriptions"
} as const

/** The collection of one resource's work schedule items. */
export const workSchedulesOf = (resourceId: string): string => `resources/${resourceId}/workSchedules`
/** Matches the name of any resource's work schedule collection. */
export const workSchedulesPattern = /^resources\/[^/]+\/workSchedules$/

/**
 * A fresh numeric id for a collection's records, from the same counter the engine uses for it (the
 * counter is named by the collection's last path segment and starts above the highest id held).
 */
export const freshId = (store: Store, collection: string, idField: string): number => {
  const kind = collection.split("/").at(-1) ?? collection
  let floor = 0
  for (const record of store.collection(collection).list()) {
    const n = Number(record[idField])
    if (Number.isFinite(n) && n > floor) floor = n
  }
  return store.nextId(kind, floor)
}

/** A plain JSON object, or undefined for anything else (arrays, bytes, nothing). */
export const asObject = (value: unknown): SimRecord | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !Buffer.isBuffer(value)
    ? (value as SimRecord)
    : undefined

/** The request's JSON object body (an absent body counts as `{}` when allowed), or undefined. */
export const jsonBody = (req: SimRequest, allowEmpty = false): SimRecord | undefined =>
  req.body === undefined && allowEmpty ? {} : asObject(req.body)

/** OFS's answer to a body that is not a JSON object. */
export const invalidJson = (): SimResponse => ofsError(400, "Invalid JSON")

/** 400 with OFS's title. */
export const badRequest = (detail: string): SimResponse => ofsError(400, detail)
/** 404 with OFS's title. */
export const notFound = (detail: string): SimResponse => ofsError(404, detail)
/** 409 with OFS's title. */
export const conflict = (detail: string): SimResponse => ofsError(409, detail)

const datePattern = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date written 'YYYY-MM-DD'. */
export const isDate = (value: unknown): value is string =>
  typeof value === "string" &&
  datePattern.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value

/** True for a time written 'HH:MM' or 'HH:MM:SS'. */
export const isTime = (value: unknown): value is string =>
  typeof value === "string" && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value)

/** True for a date-time written 'YYYY-MM-DD HH:MM:SS' (OFS's format, no zone). */
export const isDateTime = (value: unknown): value is string =>
  typeof value === "string" && isDate(value.slice(0, 10)) && value[10] === " " && isTime(value.slice(11))

/** 'YYYY-MM-DD HH:MM:SS' of an instant, in UTC. */
export const formatDateTime = (at: Date): string => at.toISOString().slice(0, 19).replace("T", " ")

/** Whole days from one 'YYYY-MM-DD' to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** A header's single value. */
export const header = (req: SimRequest, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()]
  return typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined
}
