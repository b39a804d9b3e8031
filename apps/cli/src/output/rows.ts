/**
 * Answers as rows and columns for tables and CSV: nested objects flatten to dotted names
 * (`address.city`), arrays of plain values join with commas, anything deeper stays JSON.
 */

/** One row: column name to cell text. */
export type Row = Readonly<Record<string, string>>

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return ""
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) return value.map(cell).join(",")
  return JSON.stringify(value)
}

/** Flattens an item to a row; `links` (OFS's navigation URLs) are left out. */
export const toRow = (item: unknown): Row => {
  if (!isPlainObject(item)) return { value: cell(item) }
  const row: Record<string, string> = {}
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(value)) {
      if (key === "links" || v === undefined) continue
      const name = prefix === "" ? key : `${prefix}.${key}`
      if (isPlainObject(v)) walk(v, name)
      else row[name] = cell(v)
    }
  }
  walk(item, "")
  return row
}

/** The items an answer holds, when it is a list: an array, or an object with an `items` array. */
export const itemsOf = (answer: unknown): ReadonlyArray<unknown> | undefined => {
  if (Array.isArray(answer)) return answer
  if (isPlainObject(answer) && Array.isArray(answer.items)) return answer.items
  return undefined
}

/** The columns of some rows, in first-seen order. */
export const columnsOf = (rows: ReadonlyArray<Row>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key)
  return [...seen]
}

/** Keeps only the fields asked for (dotted paths or their prefixes), in the order asked. */
export const pickFields = (
  rows: ReadonlyArray<Row>,
  fields: ReadonlyArray<string> | undefined
): ReadonlyArray<string> => {
  const columns = columnsOf(rows)
  if (fields === undefined) return columns
  return fields.flatMap((field) => {
    const matching = columns.filter((c) => c === field || c.startsWith(`${field}.`))
    return matching.length > 0 ? matching : [field]
  })
}

/** Keeps the named fields of an item (top-level or dotted), for JSON-like formats. */
export const pickItem = (item: unknown, fields: ReadonlyArray<string> | undefined): unknown => {
  if (fields === undefined || !isPlainObject(item)) return item
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    let value: unknown = item
    for (const key of field.split(".")) value = isPlainObject(value) ? value[key] : undefined
    if (value !== undefined) out[field] = value
  }
  return out
}

/** `a,b , c` → `["a", "b", "c"]`. */
export const splitList = (text: string): ReadonlyArray<string> =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
