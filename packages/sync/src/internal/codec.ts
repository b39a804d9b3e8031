/**
 * Values and errors across the thread boundary. Structured cloning keeps plain data but drops
 * classes, so Option and Duration fields are marked on the way out and rebuilt on the way in, and
 * tagged errors come back as the same classes (instanceof, _tag and fields all work).
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

const optionKey = "~option"
const durationKey = "~duration"

/** Marks Option and Duration values (anywhere in plain data) so they survive structured cloning. */
export const encodeValue = (value: unknown): unknown => {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value
  if (Option.isOption(value)) return { [optionKey]: Option.isSome(value) ? [encodeValue(value.value)] : [] }
  if (Duration.isDuration(value)) return { [durationKey]: Duration.toMillis(value) }
  if (Array.isArray(value)) return value.map(encodeValue)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v)
  return out
}

/** Rebuilds what `encodeValue` marked. */
export const decodeValue = (value: unknown): unknown => {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value
  if (Array.isArray(value)) return value.map(decodeValue)
  const record = value as Record<string, unknown>
  if (optionKey in record) {
    const held = record[optionKey] as ReadonlyArray<unknown>
    return held.length === 0 ? Option.none() : Option.some(decodeValue(held[0]))
  }
  if (durationKey in record) return Duration.millis(record[durationKey] as number)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) out[k] = decodeValue(v)
  return out
}

/** An error as it crosses the boundary. */
export interface EncodedError {
  readonly tag: string
  readonly fields: unknown
  readonly message: string
  readonly stack?: string | undefined
}

/** Encodes a failure: tagged errors by tag and fields, anything else by message. */
export const encodeError = (error: unknown): EncodedError => {
  if (error !== null && typeof error === "object" && "_tag" in error && typeof error._tag === "string") {
    const { _tag, ...fields } = { ...(error as object) } as Record<string, unknown>
    return {
      tag: _tag as string,
      fields: encodeValue(fields),
      message: String((error as { message?: unknown }).message)
    }
  }
  const e = error instanceof Error ? error : new Error(String(error))
  return { tag: "Error", fields: {}, message: e.message, stack: e.stack }
}
