/**
 * The exported form of an item: only what can be written back (or, for a resource that is only
 * exported, everything OFS said), without `links` or nulls, keys sorted alphabetically at every
 * depth. Sorting (rather than the model's field order) makes two exports of the same state
 * byte-identical whatever order OFS or a hand edit put the keys in. Arrays keep their order.
 */

import { getOwn, setOwn } from "./internal/own.js"
import type { ConfigResource } from "./resources/catalog.js"
import type { ConfigItem, ConfigValue } from "./resources/facts.js"

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** A JSON value in canonical form: no `links`, no nulls or undefined, keys sorted; undefined if nothing is left. */
export const canonical = (value: unknown): ConfigValue | undefined => {
  if (value === null || value === undefined) return undefined
  if (Array.isArray(value)) return value.map(canonical).filter((v): v is ConfigValue => v !== undefined)
  if (isRecord(value)) {
    const out: Record<string, ConfigValue> = {}
    for (const key of Object.keys(value).sort()) {
      if (key === "links") continue
      const v = canonical(value[key])
      if (v !== undefined) setOwn(out, key, v)
    }
    return out
  }
  if (typeof value === "string" || typeof value === "boolean") return value
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  return undefined
}

/** The fields of an item that an export keeps for `resource`. */
const keptFields = (resource: ConfigResource): ((field: string) => boolean) => {
  const key = "key" in resource.shape ? resource.shape.key : undefined
  if (!resource.written) return (field) => !resource.drop.includes(field)
  return (field) => field === key || resource.writableFields.includes(field)
}

/** An item as OFS answered it, in exported form (a bare string is the key of an item, as routing profiles list). */
export const exportItem = (resource: ConfigResource, raw: unknown): ConfigItem => {
  const key = "key" in resource.shape ? resource.shape.key : undefined
  const record = isRecord(raw) ? raw : key !== undefined ? { [key]: raw } : { value: raw }
  const keep = keptFields(resource)
  const picked: Record<string, unknown> = {}
  for (const field of Object.keys(record)) if (keep(field)) setOwn(picked, field, record[field])
  return (canonical(picked) ?? {}) as ConfigItem
}

/** The body a write of `item` sends: its writable fields. */
export const writeBody = (resource: ConfigResource, item: ConfigItem): Record<string, ConfigValue> => {
  const body: Record<string, ConfigValue> = {}
  for (const field of resource.writableFields) {
    const value = getOwn(item, field)
    if (value !== undefined) setOwn(body, field, value)
  }
  return body
}

/** True when two canonical values are the same. */
export const sameValue = (a: ConfigValue | undefined, b: ConfigValue | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b)
