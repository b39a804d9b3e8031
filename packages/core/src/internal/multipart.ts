/**
 * multipart/form-data encoded to bytes here, so uploads work the same over any HttpClient
 * (undici's own FormData class and Node's global one do not mix).
 */
import { randomBytes } from "node:crypto"
import type { MultipartValue } from "../Operation.js"
import type { WireBytes } from "./requestInput.js"

/** Names arrive checked (no control characters); quotes and backslashes would end the quoted string. */
const quote = (s: string) => s.replace(/["\\]/g, "_")

/** Encodes checked fields (header-safe names, file names and media types) as a multipart body. */
export const encodeMultipart = (fields: ReadonlyArray<readonly [string, MultipartValue]>): WireBytes => {
  const boundary = `----ofsc${randomBytes(12).toString("hex")}`
  const encoder = new TextEncoder()
  const parts: Array<Uint8Array> = []
  for (const [name, value] of fields) {
    if (typeof value === "string") {
      parts.push(
        encoder.encode(`--${boundary}\r\ncontent-disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`)
      )
    } else {
      const head =
        `--${boundary}\r\ncontent-disposition: form-data; name="${quote(name)}"; filename="${quote(value.filename ?? name)}"\r\n` +
        `content-type: ${value.contentType ?? "application/octet-stream"}\r\n\r\n`
      parts.push(encoder.encode(head), value.data, encoder.encode("\r\n"))
    }
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`))
  return {
    kind: "bytes",
    data: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
    disposition: undefined
  }
}
