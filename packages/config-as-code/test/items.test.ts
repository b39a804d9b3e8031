import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as YAML from "yaml"
import { canonical, fileNameOf, keyOfFileName, toYaml } from "../src/index.js"

const awkward = fc.constantFrom(
  "/",
  "\\",
  ".",
  "..",
  "%",
  "%2F",
  "*",
  "?",
  ":",
  "<",
  "|",
  "~",
  " ",
  "é",
  "😀",
  "\u0000"
)
const keys = fc.string({ unit: fc.oneof(awkward, fc.string({ unit: "grapheme", maxLength: 1 })), minLength: 1 })

describe("exported form", () => {
  it("any key is one safe, visible file name and comes back unchanged", () =>
    fc.assert(
      fc.property(keys, (key) => {
        const name = fileNameOf(key)
        expect(name).toMatch(/^[A-Za-z0-9%_.-]+\.yaml$/)
        expect(name.startsWith(".")).toBe(false)
        expect(keyOfFileName(name)).toBe(key)
      })
    ))

  it("a key with a lone surrogate still gets a file name (never a throw)", () =>
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (key) => {
        expect(keyOfFileName(fileNameOf(key))).toBeTypeOf("string")
      })
    ))

  it("key order never changes the YAML, and the YAML reads back the same", () =>
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse())
        const text = toYaml(canonical(record))
        expect(toYaml(canonical(reversed))).toBe(text)
        expect(canonical(YAML.parse(text))).toEqual(canonical(record))
      })
    ))

  it("a key named __proto__ stays a key, at any depth, and changes no object's kind", () => {
    const record = JSON.parse('{"":[{"__proto__":[]}],"__proto__":{"b":1,"a":2}}')
    const out = canonical(record) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(["", "__proto__"])
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ a: 2, b: 1 })
    const inner = (out[""] as Array<Record<string, unknown>>)[0] as Record<string, unknown>
    expect(Array.isArray(inner)).toBe(false)
    expect(Object.keys(inner)).toEqual(["__proto__"])
    expect(canonical(YAML.parse(toYaml(out)))).toEqual(out)
  })

  it("drops links and nulls at any depth", () => {
    expect(canonical({ b: null, a: { links: [{ rel: "self" }], c: [1, null, { links: [] }] } })).toEqual({
      a: { c: [1, {}] }
    })
  })
})
