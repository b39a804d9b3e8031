/** Request bodies by content type: JSON, form fields, multipart parts, or raw bytes. */
import * as Multipasta from "multipasta"
import type { MultipartPart } from "../engine/protocol.js"

export type { MultipartPart } from "../engine/protocol.js"

/** Why multipasta refused a multipart body, as the detail of the 400. */
const multipartProblem = (error: Multipasta.MultipartError): string => {
  switch (error._tag) {
    case "InvalidBoundary":
      return "body: multipart without a boundary"
    case "ReachedLimit":
      return `body: multipart over its limit (${error.limit})`
    case "EndNotReached":
      return "body: multipart cut off before its closing boundary"
    default:
      return "body: multipart part with unreadable headers"
  }
}

/** Splits a multipart/form-data body into its parts (multipasta, @effect/platform's parser). */
export const parseMultipart = (
  body: Buffer,
  contentType: string
): { readonly parts: ReadonlyArray<MultipartPart> } | { readonly error: string } => {
  const parts: Array<MultipartPart> = []
  let failure: Multipasta.MultipartError | undefined
  // multipasta reports some cuts (EndNotReached) but not all: a body is whole once it calls onDone
  let done = false
  const partOf = (info: Multipasta.PartInfo, data: Buffer): MultipartPart => ({
    name: info.name,
    filename: info.filename,
    contentType: typeof info.headers["content-type"] === "string" ? info.headers["content-type"] : undefined,
    data
  })
  const parser = Multipasta.make({
    headers: { "content-type": contentType },
    onField: (info, value) => parts.push(partOf(info, Buffer.from(value))),
    onFile: (info) => {
      const chunks: Array<Uint8Array> = []
      return (chunk) => {
        if (chunk === null) parts.push(partOf(info, Buffer.concat(chunks)))
        else chunks.push(chunk)
      }
    },
    onError: (error) => {
      failure ??= error
    },
    onDone: () => {
      done = true
    }
  })
  parser.write(body)
  parser.end()
  if (failure !== undefined) return { error: multipartProblem(failure) }
  return done ? { parts } : { error: multipartProblem({ _tag: "EndNotReached" }) }
}

/** The parsed body, or a message saying why it could not be parsed. */
export const parseBody = (
  contentType: string | undefined,
  raw: Buffer
): { readonly body: unknown } | { readonly error: string } => {
  if (raw.length === 0) return { body: undefined }
  const type = (contentType ?? "").toLowerCase()
  if (type.startsWith("application/json") || type.includes("+json")) {
    try {
      return { body: JSON.parse(raw.toString("utf8")) }
    } catch {
      return { error: "Invalid JSON" }
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { body: Object.fromEntries(new URLSearchParams(raw.toString("utf8"))) }
  }
  if (type.startsWith("multipart/form-data")) {
    const parsed = parseMultipart(raw, contentType ?? "")
    return "error" in parsed ? parsed : { body: parsed.parts }
  }
  return { body: raw }
}
