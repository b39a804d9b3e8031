/**
 * Checks a caller's input against an operation's schemas and turns it into the parts of an HTTP
 * request: the filled-in path, the query string pairs, and the body. Nothing here does I/O.
 */
import { Either, ParseResult, Schema } from "effect"
import { OfscInvalidInput, type OfscSchemaIssue } from "../OfscError.js"
import type { AnyOperation, BinaryContent, MultipartValue } from "../Operation.js"
import { encodeMultipart } from "./multipart.js"

/** The request body, ready for the HTTP client. */
export type WireBody =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "form"; readonly fields: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: "bytes"; readonly content: BinaryContent }

/** An operation's input, checked and encoded for the wire. */
export interface WireRequest {
  /** The path with every `{name}` replaced by its URL-encoded value. */
  readonly path: string
  readonly query: ReadonlyArray<readonly [string, string]>
  readonly body: WireBody
}

interface Encoder {
  readonly encode: (input: unknown) => Either.Either<Record<string, unknown>, ParseResult.ParseError>
}

const encoders = new WeakMap<AnyOperation, Encoder>()

/** One schema over `{ path, query, body }`, so every problem in the input is reported at once. */
const encoderFor = (op: AnyOperation): Encoder => {
  let encoder = encoders.get(op)
  if (encoder === undefined) {
    const fields: Record<string, Schema.Schema.Any> = {}
    if (op.pathParams) fields.path = op.pathParams
    if (op.query) fields.query = Schema.optional(op.query) as unknown as Schema.Schema.Any
    if (op.body.kind === "json" || op.body.kind === "form" || op.body.kind === "multipart") fields.body = op.body.schema
    if (op.body.kind === "octet-stream") fields.body = BinaryContentSchema
    const encode = Schema.encodeUnknownEither(
      Schema.Struct(fields) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>,
      {
        errors: "all",
        onExcessProperty: "preserve"
      }
    )
    encoder = { encode: (input) => encode(input ?? {}) }
    encoders.set(op, encoder)
  }
  return encoder
}

const BinaryContentSchema = Schema.Struct({
  data: Schema.Uint8ArrayFromSelf,
  contentType: Schema.optional(Schema.String),
  filename: Schema.optional(Schema.String)
})

/** Schema messages quote the actual value; a whole page of items would make an unreadable error. */
const clip = (message: string): string => (message.length > 300 ? `${message.slice(0, 300)}…` : message)

/** Turns a schema failure into issues with paths, for OfscInvalidInput and OfscDecodeError. */
export const issuesOf = (error: ParseResult.ParseError): ReadonlyArray<OfscSchemaIssue> => {
  // a union reports once per member: merge them so each path appears once, in first-seen order
  const byPath = new Map<string, { path: ReadonlyArray<PropertyKey>; messages: Array<string> }>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const key = JSON.stringify(issue.path.map(String))
    const entry = byPath.get(key)
    if (entry === undefined) byPath.set(key, { path: issue.path, messages: [issue.message] })
    else if (!entry.messages.includes(issue.message)) entry.messages.push(issue.message)
  }
  return [...byPath.values()].map((e) => ({ path: e.path, message: clip(e.messages.join(" or ")) }))
}

/** OFS takes array query parameters comma-separated, booleans as `true`/`false`. */
const queryValue = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return value.map(String).join(",")
  return String(value)
}

/** Fills `{name}` placeholders with URL-encoded values. */
export const fillPath = (template: string, params: Record<string, unknown> | undefined): string =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? "")))

/** Validates and encodes the input; fails with OfscInvalidInput before anything is sent. */
export const toWireRequest = (op: AnyOperation, input: unknown): Either.Either<WireRequest, OfscInvalidInput> =>
  Either.match(encoderFor(op).encode(input), {
    onLeft: (error) => Either.left(new OfscInvalidInput({ operation: op.id, issues: issuesOf(error) })),
    onRight: (encoded) => {
      const query: Array<readonly [string, string]> = []
      for (const [key, value] of Object.entries((encoded.query as Record<string, unknown> | undefined) ?? {})) {
        const text = queryValue(value)
        if (text !== undefined) query.push([key, text])
      }
      return Either.right({
        path: fillPath(op.path, encoded.path as Record<string, unknown> | undefined),
        query,
        body: wireBody(op, encoded.body)
      })
    }
  })

const wireBody = (op: AnyOperation, body: unknown): WireBody => {
  switch (op.body.kind) {
    case "none":
      return { kind: "none" }
    case "json":
      return { kind: "json", value: body }
    case "octet-stream":
      return { kind: "bytes", content: body as BinaryContent }
    case "form":
      return {
        kind: "form",
        fields: Object.entries(body as Record<string, unknown>).flatMap(([k, v]) => {
          const text = queryValue(v)
          return text === undefined ? [] : [[k, text] as const]
        })
      }
    case "multipart":
      return encodeMultipart(
        Object.entries(body as Record<string, MultipartValue | undefined>).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, v] as const]
        )
      )
  }
}
