/**
 * How an OFS answer is read, in one place: the success body through the operation's compiled
 * decoder (or its Schema, which also says why an answer does not match), the decode policy for an
 * answer its model refuses, and the Schema of the error body OFS sends with a 4xx or 5xx.
 * Pure functions over the answer's text: no I/O, no logging (the transport logs the warning).
 */
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { invalid } from "./CompiledDecoder.js"
import { issuesOf, type SchemaIssue } from "./SchemaIssues.js"

/**
 * What happens to an answer its model refuses: `fail` (an error with the issues and the answer as
 * sent) or `warn` (the answer as sent is handed back, with the issues for one warning).
 */
export type DecodePolicy = "fail" | "warn"

/**
 * What a successful answer carries (an operation's `success`): JSON checked against a schema
 * (through its compiled decoder when it has one), nothing, JSON the spec leaves untyped, or bytes.
 */
export type AnswerSpec =
  | {
      readonly kind: "json"
      readonly schema: Schema.Schema.AnyNoContext
      /** The schema only turns nulls of optional fields into absent ones: nulls may be dropped while parsing. */
      readonly nullsAsAbsent?: boolean | undefined
      /** The schema's compiled decoder, named lazily; answers `invalid` where the schema fails. */
      readonly decoder?: (() => (json: unknown) => unknown) | undefined
    }
  | { readonly kind: "empty" }
  | { readonly kind: "untyped" }
  | { readonly kind: "bytes" }

/** An answer read in full: its text, or its bytes when bytes were asked for. */
export interface AnswerBody {
  readonly text: string
  readonly bytes: Uint8Array | undefined
}

/**
 * What reading an answer came to: its value; its value as sent, handed back under the `warn`
 * policy with the issues to warn about; or a refusal with the issues and the answer as sent (its
 * parsed JSON with nulls, or its text when it is not JSON).
 */
export type DecodedAnswer =
  | { readonly _tag: "Decoded"; readonly value: unknown }
  | { readonly _tag: "Warned"; readonly value: unknown; readonly issues: ReadonlyArray<SchemaIssue> }
  | { readonly _tag: "Refused"; readonly issues: ReadonlyArray<SchemaIssue>; readonly body: unknown }

type SchemaDecode = (u: unknown) => Either.Either<unknown, ParseResult.ParseError>

const decoders = new WeakMap<Schema.Schema.AnyNoContext, SchemaDecode>()
const typeSideDecoders = new WeakMap<Schema.Schema.AnyNoContext, SchemaDecode>()

/**
 * The Schema decode of a success schema, built once. Keys the schema does not know are kept (custom
 * properties, fields newer than the spec). With `typeSide` (nulls already dropped while parsing) only
 * the type side is checked: the same value, without a transformation per optional field.
 */
const schemaDecode = (schema: Schema.Schema.AnyNoContext, typeSide: boolean): SchemaDecode => {
  const cache = typeSide ? typeSideDecoders : decoders
  let decode = cache.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(typeSide ? Schema.typeSchema(schema) : schema, {
      errors: "all",
      onExcessProperty: "preserve"
    })
    cache.set(schema, decode)
  }
  return decode
}

/** What `parseJson` gives for text that is not JSON. */
const notJson: unique symbol = Symbol.for("@ofsc/models/notJson")

/** The text's JSON (`undefined` for an empty answer), or `notJson`. */
const parseJson = (text: string, reviver?: (key: string, value: unknown) => unknown): unknown => {
  if (text === "") return undefined
  try {
    return JSON.parse(text, reviver)
  } catch {
    return notJson
  }
}

/** A JSON.parse reviver that leaves out `null` values, as the lenient models read them (absent). */
const dropNulls = (_key: string, value: unknown): unknown => (value === null ? undefined : value)

const notJsonIssues: ReadonlyArray<SchemaIssue> = [{ path: [], message: "the answer is not JSON" }]

/** No policy hands back an answer that is not JSON: there is no value to hand back. */
const refusedNotJson = (text: string): DecodedAnswer => ({ _tag: "Refused", issues: notJsonIssues, body: text })

const decoded = (value: unknown): DecodedAnswer => ({ _tag: "Decoded", value })

/** JSON through the compiled decoder; `invalid` where it (or JSON.parse) refuses the text. */
const decodeCompiled = (compiled: (json: unknown) => unknown, text: string): unknown => {
  let json: unknown
  try {
    json = text === "" ? undefined : JSON.parse(text)
  } catch {
    return invalid
  }
  return compiled(json)
}

/** The Schema's decode: the only path for hand-written descriptors, and the one that says why. */
const decodeWithSchema = (
  spec: Extract<AnswerSpec, { readonly kind: "json" }>,
  text: string,
  policy: DecodePolicy
): DecodedAnswer => {
  const fast = spec.nullsAsAbsent === true
  const json = parseJson(text, fast ? dropNulls : undefined)
  if (json === notJson) return refusedNotJson(text)
  const result = schemaDecode(spec.schema, fast)(json)
  if (Either.isRight(result)) return decoded(result.right)
  const issues = issuesOf(result.left)
  // the answer as sent: parsed again, with the nulls the fast path dropped
  const body = fast ? parseJson(text) : json
  return policy === "warn" ? { _tag: "Warned", value: body, issues } : { _tag: "Refused", issues, body }
}

/**
 * Reads an answer as `spec` says, under `policy`. JSON goes through the compiled decoder first; only
 * an answer it refuses (or an operation without one) meets the Schema, which then says why.
 *
 * @example
 * const answer = decodeAnswer({ kind: "json", schema: Shift }, { text, bytes: undefined }, "fail")
 * if (answer._tag === "Decoded") console.log(answer.value)
 */
export const decodeAnswer = (spec: AnswerSpec, body: AnswerBody, policy: DecodePolicy): DecodedAnswer => {
  switch (spec.kind) {
    case "empty":
      return decoded(undefined)
    case "bytes":
      return decoded(body.bytes ?? new Uint8Array())
    case "untyped": {
      const json = parseJson(body.text)
      return json === notJson ? refusedNotJson(body.text) : decoded(json)
    }
    case "json": {
      const compiled = spec.decoder?.()
      if (compiled !== undefined) {
        const value = decodeCompiled(compiled, body.text)
        if (value !== invalid) return decoded(value)
      }
      return decodeWithSchema(spec, body.text, policy)
    }
  }
}

/** A text field of an error body: absent when it is missing, empty or not a string. */
const ErrorText = Schema.optional(
  Schema.transform(Schema.Unknown, Schema.UndefinedOr(Schema.String), {
    strict: true,
    decode: (u) => (typeof u === "string" && u.length > 0 ? u : undefined),
    encode: (s) => s
  })
)

/**
 * The error body OFS sends with a 4xx or 5xx (`type`, `title`, `detail`; its `status` repeats the
 * HTTP one), read leniently: gateways in front of OFS answer with fields missing, or with HTML.
 */
export const OfsErrorBody = Schema.Struct({ type: ErrorText, title: ErrorText, detail: ErrorText })

/** The type of {@link OfsErrorBody}. */
export type OfsErrorBody = typeof OfsErrorBody.Type

const decodeErrorBody = Schema.decodeUnknownOption(OfsErrorBody)

/**
 * The error body's `type`, `title` and `detail`; a body that is not a JSON object yields its first
 * 200 characters of text (tags stripped) as the title.
 *
 * @example
 * readErrorBody('{"type":"about:blank","title":"Not Found"}') // { type: "about:blank", title: "Not Found", detail: undefined }
 */
export const readErrorBody = (
  text: string
): {
  readonly type?: string | undefined
  readonly title?: string | undefined
  readonly detail?: string | undefined
} => {
  const json = parseJson(text)
  if (json !== null && typeof json === "object") {
    // an array reads as an object without the fields, as it always has
    const read = decodeErrorBody(Array.isArray(json) ? {} : json)
    if (read._tag === "Some") return { type: read.value.type, title: read.value.title, detail: read.value.detail }
  }
  const firstLine = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200)
  return { title: firstLine.length > 0 ? firstLine : undefined }
}
