/**
 * Values and errors across the thread boundary. Structured cloning keeps plain data but drops
 * classes. Errors are encoded by their own Schemas (`OfscAnyError` of @ofsc/core and this package's
 * own), so they come back as the same classes (instanceof, _tag, fields and message all work); a
 * returned value's Option and Duration fields are marked on the way out and rebuilt on the way in.
 */
import { OfscAnyError } from "@ofsc/core/errors"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { OfscStreamReleased, OfscSyncDeadlock, OfscSyncTimeout, OfscWorkerDied } from "../errors.js"

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

/** Every error class that crosses the boundary: core's, and this package's own. */
const CrossingError = Schema.Union(
  ...OfscAnyError.members,
  OfscSyncTimeout,
  OfscWorkerDied,
  OfscSyncDeadlock,
  OfscStreamReleased
)

const crossingTags: ReadonlySet<string> = new Set(CrossingError.members.map((member) => member._tag))
const encodeCrossing = Schema.encodeUnknownEither(CrossingError)
const decodeCrossing = Schema.decodeUnknownEither(CrossingError)

/** An error as it crosses the boundary: a known class by its Schema's encoding, anything else by message. */
export interface EncodedError {
  readonly tag: string
  /** The Schema encoding of a known class; for another tagged error, its fields as `encodeValue` marks them. */
  readonly fields: unknown
  readonly message: string
  readonly stack?: string | undefined
}

/** Encodes a failure: a known class by its Schema, another tagged error by tag and fields, anything else by message. */
export const encodeError = (error: unknown): EncodedError => {
  if (Predicate.hasProperty(error, "_tag") && typeof error._tag === "string") {
    const message = String((error as { message?: unknown }).message)
    const known = crossingTags.has(error._tag) ? encodeCrossing(error) : undefined
    if (known !== undefined && Either.isRight(known)) return { tag: error._tag, fields: known.right, message }
    const { _tag, ...fields } = { ...error } as Record<string, unknown>
    return { tag: error._tag, fields: encodeValue(fields), message }
  }
  const e = error instanceof Error ? error : new Error(String(error))
  return { tag: "Error", fields: {}, message: e.message, stack: e.stack }
}

/** Rebuilds an error as the same class it was in the worker (a plain Error for unknown tags). */
export const decodeError = (encoded: EncodedError): Error => {
  if (crossingTags.has(encoded.tag)) {
    const known = decodeCrossing(encoded.fields)
    if (Either.isRight(known)) return known.right
  }
  const error = new Error(encoded.message)
  if (encoded.tag !== "Error") Object.assign(error, { _tag: encoded.tag }, decodeValue(encoded.fields))
  return error
}
