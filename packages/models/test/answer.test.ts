import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decodeAnswer, readErrorBody } from "../src/index.js"

const Shift = Schema.Struct({ label: Schema.String, points: Schema.optional(Schema.Number) })
const json = { kind: "json", schema: Shift } as const
const body = (text: string) => ({ text, bytes: undefined })

describe("decodeAnswer", () => {
  it("decodes JSON with the schema and keeps keys it does not know", () => {
    expect(decodeAnswer(json, body('{"label":"day","custom":1}'), "fail")).toEqual({
      _tag: "Decoded",
      value: { label: "day", custom: 1 }
    })
  })

  it("refuses an answer its model does not match, with the issues and the answer as sent", () => {
    const answer = decodeAnswer(json, body('{"label":7,"points":null}'), "fail")
    expect(answer).toMatchObject({ _tag: "Refused", body: { label: 7, points: null } })
    expect(answer._tag === "Refused" && answer.issues.map((i) => i.path)).toEqual([["label"], ["points"]])
  })

  it("hands the answer back as sent under warn, but never text that is not JSON", () => {
    expect(decodeAnswer(json, body('{"label":7}'), "warn")).toMatchObject({ _tag: "Warned", value: { label: 7 } })
    expect(decodeAnswer(json, body("<html>"), "warn")).toEqual({
      _tag: "Refused",
      issues: [{ path: [], message: "the answer is not JSON" }],
      body: "<html>"
    })
  })

  it("answers the compiled decoder's value, and asks the schema only when it refuses", () => {
    const compiled = { ...json, decoder: () => (u: unknown) => (u === 1 ? "one" : Symbol.for("@ofsc/models/invalid")) }
    expect(decodeAnswer(compiled, body("1"), "fail")).toEqual({ _tag: "Decoded", value: "one" })
    expect(decodeAnswer(compiled, body('{"label":"day"}'), "fail")).toEqual({
      _tag: "Decoded",
      value: { label: "day" }
    })
  })

  it("reads empty, untyped and byte answers", () => {
    expect(decodeAnswer({ kind: "empty" }, body("ignored"), "fail")).toEqual({ _tag: "Decoded", value: undefined })
    expect(decodeAnswer({ kind: "untyped" }, body(""), "fail")).toEqual({ _tag: "Decoded", value: undefined })
    expect(decodeAnswer({ kind: "untyped" }, body("[1]"), "fail")).toEqual({ _tag: "Decoded", value: [1] })
    const bytes = new Uint8Array([1, 2])
    expect(decodeAnswer({ kind: "bytes" }, { text: "", bytes }, "fail")).toEqual({ _tag: "Decoded", value: bytes })
  })
})

describe("readErrorBody (OfsErrorBody)", () => {
  it("reads type, title and detail, leaving out what is empty or not text", () => {
    expect(readErrorBody('{"type":"about:blank","title":"Not Found","detail":"","status":"404"}')).toEqual({
      type: "about:blank",
      title: "Not Found",
      detail: undefined
    })
    expect(readErrorBody('{"title":5}')).toEqual({ type: undefined, title: undefined, detail: undefined })
  })

  it("takes the first text of a body that is not a JSON object as the title", () => {
    expect(readErrorBody("<html><h1>502 Bad Gateway</h1></html>")).toEqual({ title: "502 Bad Gateway" })
    expect(readErrorBody("")).toEqual({ title: undefined })
  })
})
