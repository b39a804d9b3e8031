/** Small helpers over stored records and request bodies that the handlers share. */

import { SchemaReader } from "@ofsc/models"
import type * as AST from "effect/SchemaAST"
import type { SimRecord } from "../state/record.js"
import { numericIdFields } from "./keys.js"
import { isParam, paramName } from "./paths.js"
import type { OpPlan } from "./plan.js"

/** A plain JSON object (not an array, not bytes). */
export const isRecord = (value: unknown): value is SimRecord =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array)

/** The items of a body that is an array or an `{ items: [...] }` envelope. */
export const itemsOf = (body: unknown): ReadonlyArray<SimRecord> | undefined =>
  Array.isArray(body)
    ? body.filter(isRecord)
    : isRecord(body) && Array.isArray(body.items)
      ? body.items.filter(isRecord)
      : undefined

/** An id as OFS types it: numeric ids as numbers. */
export const typedId = (field: string | undefined, key: string): unknown =>
  field !== undefined && numericIdFields.has(field) && /^\d+$/.test(key) ? Number(key) : key

/** Fields OFS accepts but never answers with, so they are not kept either. */
const secretFields = ["password"]

/** The record without its secrets (a user's password). */
export const withoutSecrets = (record: SimRecord): SimRecord => {
  if (!secretFields.some((f) => f in record)) return record
  const copy = { ...record }
  for (const f of secretFields) delete copy[f]
  return copy
}

/** What a missing item is called in a 404: its collection's last name (`locations`, `shifts`). */
export const nounOf = (plan: OpPlan): string => [...plan.collection].reverse().find((s) => !isParam(s)) ?? "item"

/** The path parameters of a plan's collection that its answer's schema declares (a message's `chatId`). */
export const parentFields = (
  plan: OpPlan,
  params: Readonly<Record<string, string>>,
  schema: AST.AST | undefined
): SimRecord => {
  const out: SimRecord = {}
  if (schema === undefined) return out
  for (const segment of plan.collection) {
    if (!isParam(segment)) continue
    const name = paramName(segment)
    if (params[name] !== undefined && SchemaReader.propertyOf(schema, name) !== undefined) {
      out[name] = /^\d+$/.test(params[name]) ? Number(params[name]) : params[name]
    }
  }
  return out
}

/** A list parameter's singular: `dates` → `date`, `categories` → `category`. */
export const singular = (name: string): string =>
  name.endsWith("ies") ? `${name.slice(0, -3)}y` : name.endsWith("s") ? name.slice(0, -1) : name
