/**
 * Checks a caller's input against an operation's schemas and turns it into the parts of an HTTP
 * request: the filled-in path, the query string pairs, and the body. Nothing here does I/O.
 */

import { issuesOf } from "@ofsc/models"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { OfscInvalidInput, type OfscSchemaIssue } from "../OfscError.js"
import type { AnyOperation, BinaryContent, MultipartValue } from "../Operation.js"
import { structureProblems, toJsonText } from "./jsonBody.js"
import { encodeMultipart } from "./multipart.js"
import {
  contentDisposition,
  fileNameProblem,
  mediaTypeProblem,
  pathSegmentProblem,
  queryText,
  rawPathProblem,
  textProblem,
  type WireProblem
} from "./wireText.js"

/** The request body, ready for the HTTP client: checked and serialised, so sending it cannot fail. */
export type WireBody =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly text: string }
  | { readonly kind: "form"; readonly fields: ReadonlyArray<readonly [string, string]> }
  | WireBytes

/** Bytes with the headers that describe them. */
export interface WireBytes {
  readonly kind: "bytes"
  readonly data: Uint8Array
  readonly contentType: string
  /** The `content-disposition` header, when the caller named the file. */
  readonly disposition: string | undefined
}

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

const strict = { parseOptions: { onExcessProperty: "error" } } as const
const lenient = { parseOptions: { onExcessProperty: "preserve" } } as const

/**
 * One schema over `{ path, query, body }`, so every problem in the input is reported at once.
 * Bodies keep keys their schema does not know (custom properties such as `XA_...`). Anything else
 * unknown is nearly always a typo that OFS would ignore without a word, so it is an error: a query
 * or path key the table does not know, or a part (`query`, `body`) the operation does not take.
 */
const encoderFor = (op: AnyOperation): Encoder => {
  let encoder = encoders.get(op)
  if (encoder === undefined) {
    const fields: Record<string, Schema.Schema.Any | Schema.PropertySignature.Any> = {}
    if (op.pathParams) fields.path = op.pathParams.annotations(strict)
    // exact: a query left out is no query, not a union whose `undefined` side adds noise to every issue
    if (op.query) fields.query = Schema.optionalWith(op.query.annotations(strict), { exact: true })
    if (op.body.kind === "json" || op.body.kind === "form" || op.body.kind === "multipart") {
      fields.body = op.body.schema.annotations(lenient)
    }
    if (op.body.kind === "octet-stream") fields.body = BinaryContentSchema
    // a part the operation does not take is named as such (and an empty Struct would accept anything)
    for (const part of ["path", "query", "body"]) fields[part] ??= Schema.optional(notTaken(part))
    const encode = Schema.encodeUnknownEither(
      Schema.Struct(fields).annotations(strict) as unknown as Schema.Schema<
        Record<string, unknown>,
        Record<string, unknown>
      >,
      { errors: "all" }
    )
    encoder = { encode: (input) => encode(withoutUndefinedParts(input ?? {})) }
    encoders.set(op, encoder)
  }
  return encoder
}

const notTaken = (part: string) => Schema.Never.annotations({ message: () => `this operation takes no ${part}` })

/** `{ query: undefined }` means no query, as leaving the key out does; so for every part. */
const withoutUndefinedParts = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null) return input
  const record = input as Record<string, unknown>
  for (const key in record) {
    if (record[key] === undefined) {
      return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))
    }
  }
  return input
}

const BinaryContentSchema = Schema.Struct({
  data: Schema.Uint8ArrayFromSelf,
  contentType: Schema.optional(Schema.String),
  filename: Schema.optional(Schema.String)
}).annotations(lenient)

type Issues = Array<OfscSchemaIssue>

const report = (issues: Issues, at: ReadonlyArray<PropertyKey>, problems: ReadonlyArray<WireProblem>) => {
  for (const p of problems) issues.push({ path: [...at, ...p.at], message: p.message })
}

const check = (issues: Issues, at: ReadonlyArray<PropertyKey>, problem: string | undefined) => {
  if (problem !== undefined) issues.push({ path: at, message: problem })
}

/** An operation's path split once: the literal text around each `{name}`, and the names. */
interface PathTemplate {
  /** `literals[k]` comes before `names[k]`; the last literal ends the path. */
  readonly literals: ReadonlyArray<string>
  readonly names: ReadonlyArray<string>
}

const pathTemplates = new WeakMap<AnyOperation, PathTemplate>()

const templateOf = (op: AnyOperation): PathTemplate => {
  let template = pathTemplates.get(op)
  if (template === undefined) {
    // split with a capture group alternates literal text and names
    const parts = op.path.split(/\{([^}]+)\}/)
    template = {
      literals: parts.filter((_, index) => index % 2 === 0),
      names: parts.filter((_, index) => index % 2 === 1)
    }
    pathTemplates.set(op, template)
  }
  return template
}

/**
 * Fills `{name}` placeholders with URL-encoded values, each of which must fill exactly one segment.
 * A path without parameters (the escape hatch's) is used as given.
 */
const fillPath = (op: AnyOperation, params: Record<string, unknown> | undefined, issues: Issues): string => {
  if (op.pathParams === undefined) {
    check(issues, ["path"], rawPathProblem(op.path))
    return op.path
  }
  const { literals, names } = templateOf(op)
  let path = literals[0] as string
  for (let k = 0; k < names.length; k++) {
    const name = names[k] as string
    const value = params?.[name]
    const text = value === undefined || value === null ? "" : String(value)
    const problem = pathSegmentProblem(text)
    check(issues, ["path", name], problem)
    path += (problem === undefined ? encodeURIComponent(text) : "") + (literals[k + 1] as string)
  }
  return path
}

/** Query or form pairs in key order; null and undefined values leave their key out. */
const textPairs = (
  record: Record<string, unknown> | undefined,
  at: ReadonlyArray<PropertyKey>,
  issues: Issues
): ReadonlyArray<readonly [string, string]> => {
  const pairs: Array<readonly [string, string]> = []
  for (const [key, value] of Object.entries(record ?? {})) {
    check(issues, [...at, key], textProblem(key))
    const result = queryText(value)
    if ("problems" in result) report(issues, [...at, key], result.problems)
    else if (result.text !== undefined) pairs.push([key, result.text])
  }
  return pairs
}

/** The media type and file name go into headers: they must be header-safe. */
const checkBinary = (content: BinaryContent, at: ReadonlyArray<PropertyKey>, issues: Issues) => {
  if (content.contentType !== undefined) check(issues, [...at, "contentType"], mediaTypeProblem(content.contentType))
  if (content.filename !== undefined) check(issues, [...at, "filename"], fileNameProblem(content.filename))
}

const invalid = (op: AnyOperation, issues: ReadonlyArray<OfscSchemaIssue>) =>
  Either.left(new OfscInvalidInput({ operation: op.id, issues }))

/**
 * Validates and encodes the input; fails with OfscInvalidInput before anything is sent. Nothing in
 * the caller's value can make it throw: whatever cannot be read is reported as invalid input too.
 */
export const toWireRequest = (op: AnyOperation, input: unknown): Either.Either<WireRequest, OfscInvalidInput> => {
  try {
    return checkedRequest(op, input)
  } catch (error) {
    // a getter or proxy in the caller's value that throws
    const reason = error instanceof Error ? error.message : String(error)
    return invalid(op, [{ path: [], message: `the input could not be read: ${reason}` }])
  }
}

const checkedRequest = (op: AnyOperation, input: unknown): Either.Either<WireRequest, OfscInvalidInput> => {
  if (op.body.kind === "json") {
    // a schema walking a cycle (or a value thousands deep) would never come back
    const shape = structureProblems((input as { readonly body?: unknown } | null | undefined)?.body)
    if (shape.length > 0)
      return invalid(
        op,
        shape.map((p) => ({ path: ["body", ...p.at], message: p.message }))
      )
  }
  const encoded = encoderFor(op).encode(input)
  if (Either.isLeft(encoded)) return invalid(op, issuesOf(encoded.left))
  const issues: Issues = []
  const { path, query, body } = encoded.right as {
    readonly path?: Record<string, unknown>
    readonly query?: Record<string, unknown>
    readonly body?: unknown
  }
  const wire: WireRequest = {
    path: fillPath(op, path, issues),
    query: textPairs(query, ["query"], issues),
    body: wireBody(op, body, issues)
  }
  return issues.length > 0 ? invalid(op, issues) : Either.right(wire)
}

const wireBody = (op: AnyOperation, body: unknown, issues: Issues): WireBody => {
  switch (op.body.kind) {
    case "none":
      return { kind: "none" }
    case "json": {
      const json = toJsonText(body)
      if ("problems" in json) report(issues, ["body"], json.problems)
      return { kind: "json", text: "text" in json ? json.text : "" }
    }
    case "octet-stream": {
      const content = body as BinaryContent
      const before = issues.length
      checkBinary(content, ["body"], issues)
      const named = content.filename !== undefined && issues.length === before
      return {
        kind: "bytes",
        data: content.data,
        contentType: content.contentType ?? "application/octet-stream",
        disposition: named ? contentDisposition(content.filename as string) : undefined
      }
    }
    case "form":
      return { kind: "form", fields: textPairs(body as Record<string, unknown>, ["body"], issues) }
    case "multipart": {
      const fields: Array<readonly [string, MultipartValue]> = []
      for (const [name, value] of Object.entries(body as Record<string, MultipartValue | undefined>)) {
        if (value === undefined) continue
        // the field name is written into a part header, as a file name is
        check(issues, ["body", name], fileNameProblem(name))
        if (typeof value === "string") check(issues, ["body", name], textProblem(value))
        else checkBinary(value, ["body", name], issues)
        fields.push([name, value])
      }
      return encodeMultipart(fields)
    }
  }
}
