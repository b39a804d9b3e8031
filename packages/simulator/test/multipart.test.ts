/**
 * The edge's multipart reading (multipasta) gives back every part a client encodes, in order, byte
 * for byte, for generated names, file names, media types and contents; a body cut short is refused.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseBody } from "../src/edge/body.js"

const part = fc.record({
  name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  file: fc.option(
    fc.record({
      filename: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}\.(xml|txt|bin)$/),
      contentType: fc.constantFrom("text/xml", "application/octet-stream", "image/png"),
      data: fc.uint8Array({ maxLength: 2_000 })
    }),
    { nil: undefined }
  ),
  text: fc.string({ maxLength: 200 })
})

type Part = typeof part extends fc.Arbitrary<infer P> ? P : never

/** A form encoded as fetch encodes it: its body and its content type (with the boundary). */
const encoded = async (parts: ReadonlyArray<Part>) => {
  const form = new FormData()
  for (const p of parts) {
    if (p.file === undefined) form.append(p.name, p.text)
    else form.append(p.name, new Blob([p.file.data], { type: p.file.contentType }), p.file.filename)
  }
  const request = new Request("http://x/", { method: "POST", body: form })
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" }
}

describe("multipart bodies", () => {
  it("every part comes back, in order, with its name, file name, media type and bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 6 }), async (parts) => {
        const { body, contentType } = await encoded(parts)
        const parsed = parseBody(contentType, body)
        if (!("body" in parsed)) throw new Error(parsed.error)
        const got = parsed.body as ReadonlyArray<{
          name: string
          filename?: string
          contentType?: string
          data: Buffer
        }>
        expect(got.map((p) => p.name)).toEqual(parts.map((p) => p.name))
        got.forEach((g, i) => {
          const sent = parts[i]!
          if (sent.file === undefined) {
            expect(g.data.toString("utf8")).toBe(sent.text.replace(/\r\n|\r|\n/g, "\r\n"))
          } else {
            expect(g.filename).toBe(sent.file.filename)
            expect(g.contentType).toBe(sent.file.contentType)
            expect(Buffer.compare(g.data, Buffer.from(sent.file.data))).toBe(0)
          }
        })
      }),
      { numRuns: 60 }
    )
  })

  it("a body cut at any byte before its closing boundary, or without a boundary, is refused with a reason", async () => {
    const { body, contentType } = await encoded([
      {
        name: "pluginFile",
        text: "",
        file: { filename: "p.xml", contentType: "text/xml", data: new Uint8Array([60, 47, 62]) }
      }
    ])
    // every cut before the closing delimiter has arrived whole is refused (after it, only the
    // trailing `--` and line end are missing: multipasta may take the parts as whole)
    const delimiter = `\r\n--${/boundary=(.+)$/.exec(contentType)?.[1]}`
    const closed = body.lastIndexOf(delimiter) + delimiter.length
    for (let cut = 1; cut < closed; cut++) {
      expect(parseBody(contentType, body.subarray(0, cut)), `cut at ${cut}`).toEqual({
        error: "body: multipart cut off before its closing boundary"
      })
    }
    expect(parseBody("multipart/form-data", body)).toEqual({ error: "body: multipart without a boundary" })
  })
})
