/**
 * multipart/form-data encoded to bytes here, so uploads work the same over any HttpClient
 * (undici's own FormData class and Node's global one do not mix).
 */
import { randomBytes } from "node:crypto"
import type { BinaryContent, MultipartValue } from "../Operation.js"

const quote = (s: string) => s.replace(/["\\\r\n]/g, "_")

/** Encodes fields as a multipart body: bytes plus the content type that names the boundary. */
export const encodeMultipart = (
  fields: ReadonlyArray<readonly [string, MultipartValue]>
): { readonly kind: "bytes"; readonly content: BinaryContent } => {
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
    content: { data: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
  }
}
