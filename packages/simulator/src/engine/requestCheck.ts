/**
 * Checks a request against its operation's schemas the way OFS would refuse it: path parameters and
 * query strings are read into the types the schema expects (numbers, booleans, comma-separated
 * arrays) and decoded; JSON, form and multipart bodies are decoded with the strict input schema.
 * A failure names the field: `body.type: Expected "regular" | "on-call", actual "x"`.
 */
import type { AnyOperation } from "@ofsc/core"
import { SchemaReader } from "@ofsc/models"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import type { MultipartPart, SimRequest } from "./protocol.js"

/** A checked value, or the detail of a 400 answer. */
export type Checked<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly detail: string }

type Decode = (input: unknown) => Either.Either<unknown, ParseResult.ParseError>
const decoders = new WeakMap<Schema.Schema.Any, Decode>()

const decoderOf = (schema: Schema.Schema.Any): Decode => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>, {
      errors: "all",
      onExcessProperty: "ignore"
    })
    decoders.set(schema, decode)
  }
  return decode
}

/** `prefix.path: message` for each issue (one line per field, at most five). */
const describe = (prefix: string, error: ParseResult.ParseError): string => {
  const lines: Array<string> = []
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const line = `${[prefix, ...issue.path.map(String)].join(".")}: ${issue.message}`
    if (!lines.includes(line)) lines.push(line)
  }
  return lines.slice(0, 5).join("; ")
}

const run = (schema: Schema.Schema.Any, prefix: string, input: unknown): Checked<unknown> =>
  Either.match(decoderOf(schema)(input), {
    onLeft: (error) => ({ ok: false, detail: describe(prefix, error) }),
    onRight: (value) => ({ ok: true, value })
  })

/** A query or path string read as the property type expects; left as text when it does not parse. */
const readScalar = (text: string, ast: AST.AST): unknown => {
  const kinds = SchemaReader.kindsOf(ast)
  if (kinds.has("string") || kinds.has("any")) return text
  if (kinds.has("number") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text)
  if (kinds.has("boolean") && (text === "true" || text === "false")) return text === "true"
  return text
}

const readParam = (text: string, ast: AST.AST): unknown => {
  const element = SchemaReader.elementOf(ast)
  if (element === undefined) return readScalar(text, ast)
  return text === "" ? [] : text.split(",").map((part) => readScalar(part, element))
}

/** The fields of a query or path schema, typed from strings. */
const typedFields = (schema: Schema.Schema.Any, read: (name: string) => string | undefined) => {
  const object = SchemaReader.objectOf(schema.ast)
  const out: Record<string, unknown> = {}
  for (const p of object?.propertySignatures ?? []) {
    const text = read(String(p.name))
    if (text !== undefined) out[String(p.name)] = readParam(text, p.type)
  }
  return out
}

/** The path parameters, decoded. */
export const checkPath = (op: AnyOperation, params: Readonly<Record<string, string>>): Checked<unknown> =>
  op.pathParams === undefined
    ? { ok: true, value: {} }
    : run(
        op.pathParams,
        "path",
        typedFields(op.pathParams, (n) => params[n])
      )

/** The query parameters, decoded (unknown parameters are ignored). */
export const checkQuery = (op: AnyOperation, query: URLSearchParams): Checked<unknown> =>
  op.query === undefined
    ? { ok: true, value: {} }
    : run(
        op.query,
        "query",
        typedFields(op.query, (n) => query.get(n) ?? undefined)
      )

const multipartFields = (parts: ReadonlyArray<MultipartPart>): Record<string, unknown> =>
  Object.fromEntries(
    parts.map((part) => [
      part.name,
      part.filename === undefined && part.contentType === undefined
        ? part.data.toString("utf8")
        : { data: new Uint8Array(part.data), contentType: part.contentType, filename: part.filename }
    ])
  )

const jsonBody = (request: SimRequest): Checked<unknown> => {
  if (!Buffer.isBuffer(request.body)) return { ok: true, value: request.body }
  try {
    return { ok: true, value: JSON.parse(request.rawBody.toString("utf8")) }
  } catch {
    return { ok: false, detail: "Invalid JSON" }
  }
}

/** The body, decoded with the operation's input schema; raw bytes for octet-stream operations. */
export const checkBody = (op: AnyOperation, request: SimRequest): Checked<unknown> => {
  switch (op.body.kind) {
    case "none":
      return { ok: true, value: undefined }
    case "octet-stream":
      return { ok: true, value: request.rawBody }
    case "json": {
      const json = jsonBody(request)
      if (!json.ok) return json
      const checked = run(op.body.schema, "body", json.value)
      // keep the document as sent: the stored record is the wire JSON, not the decoded value
      return checked.ok ? json : checked
    }
    case "form":
      return run(op.body.schema, "body", request.body ?? {})
    case "multipart":
      return Array.isArray(request.body)
        ? run(op.body.schema, "body", multipartFields(request.body as ReadonlyArray<MultipartPart>))
        : { ok: false, detail: "body: expected multipart/form-data" }
  }
}
