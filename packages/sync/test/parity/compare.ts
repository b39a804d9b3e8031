/** What a call answered, in a form both clients can be compared on. */
import { allOperations } from "@ofsc/simulator"

/** Every operation id of the six API packages (243). */
export const allOperationIds: ReadonlyArray<string> = allOperations.map((op) => op.id)

/** A call's value, or its error reduced to what a caller tells errors apart by. */
export type Outcome = { readonly ok: unknown } | { readonly error: Record<string, unknown> }

/** The error's class, tag and the HTTP facts it carries. */
export const outcomeOfError = (error: unknown): Outcome => {
  const e = error as Record<string, unknown>
  return {
    error: {
      class: (error as object)?.constructor?.name,
      _tag: e?._tag,
      status: e?.status,
      title: e?.title,
      detail: e?.detail,
      message: e?.message
    }
  }
}

/**
 * Values that legitimately differ between two simulator runs, by key: issued tokens and secrets.
 * Everything else must be equal.
 */
const volatileKeys = new Set(["access_token", "token", "clientSecret"])

/**
 * `outcome` with bytes as plain arrays, volatile values replaced by a marker, and the simulator's
 * origin (each client has its own simulator) in links replaced by `<origin>`.
 */
export const normalise = (outcome: unknown, origin: string): unknown => {
  const walk = (value: unknown, key?: string): unknown => {
    if (key !== undefined && volatileKeys.has(key) && typeof value === "string") return "<volatile>"
    if (typeof value === "string") return value.split(origin).join("<origin>")
    if (value instanceof Uint8Array) return { bytes: Array.from(value) }
    if (Array.isArray(value)) return value.map((v) => walk(v))
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]))
    }
    return value
  }
  return walk(outcome)
}

const dateTime = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/
const millis = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`)

/**
 * `value` (one client's normalised outcome) with every 'YYYY-MM-DD HH:MM:SS' that is at most two
 * seconds from the same place of `reference` (the other's) taken from `reference`: times of "now"
 * the simulators stamp may tick over a second between the two calls. Nothing else is changed.
 */
export const alignClock = (value: unknown, reference: unknown): unknown => {
  if (typeof value === "string" && typeof reference === "string") {
    return dateTime.test(value) && dateTime.test(reference) && Math.abs(millis(value) - millis(reference)) <= 2000
      ? reference
      : value
  }
  if (Array.isArray(value) && Array.isArray(reference)) return value.map((v, i) => alignClock(v, reference[i]))
  if (value !== null && typeof value === "object" && reference !== null && typeof reference === "object") {
    const ref = reference as Record<string, unknown>
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, alignClock(v, ref[k])]))
  }
  return value
}
