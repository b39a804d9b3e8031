/** Request bodies by content type: JSON, form fields, multipart parts, or raw bytes. */
import type { MultipartPart } from "../engine/protocol.js"

export type { MultipartPart } from "../engine/protocol.js"

/** Splits a multipart/form-data body into its parts. */
export const parseMultipart = (body: Buffer, boundary: string): ReadonlyArray<MultipartPart> => {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: Array<MultipartPart> = []
  let start = body.indexOf(delimiter)
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length)
    if (next < 0) break
    // each part: CRLF, headers, CRLF CRLF, data, CRLF
    const chunk = body.subarray(start + delimiter.length + 2, next - 2)
    const split = chunk.indexOf("\r\n\r\n")
    if (split >= 0) {
      const head = chunk.subarray(0, split).toString("utf8")
      const name = /name="([^"]*)"/i.exec(head)?.[1]
      if (name !== undefined) {
        parts.push({
          name,
          filename: /filename="([^"]*)"/i.exec(head)?.[1],
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
          data: chunk.subarray(split + 4)
        })
      }
    }
    start = next
  }
  return parts
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
    const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType ?? "")?.[2]
    if (boundary === undefined) return { error: "body: multipart without a boundary" }
    return { body: parseMultipart(raw, boundary) }
  }
  return { body: raw }
}
