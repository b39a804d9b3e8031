import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { type ExportedModel, inputModels, lenientModels } from "./support/models.js"

// fast-check generates `__proto__` record keys, which Effect drops on purpose when decoding; and a
// random custom key may take the name of an absent declared field with a value of another type
const hasProtoKey = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  (Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey))

// Values of each model's type survive encode then decode unchanged, in both modes.
const roundTrips = ({ schema, lenient }: ExportedModel) => {
  const encode = Schema.encodeSync(schema)
  const decode = Schema.decodeUnknownSync(schema)
  const decodeLenient = lenient ? Schema.decodeUnknownSync(lenient) : undefined
  const isValue = Schema.is(schema)
  fc.assert(
    fc.property(Arbitrary.make(schema), (value) => {
      fc.pre(!hasProtoKey(value) && isValue(value))
      const encoded = encode(value)
      expect(decode(encoded)).toEqual(value)
      // what the client may send, OFS's answer model must accept too
      if (decodeLenient) decodeLenient(encoded)
    }),
    { numRuns: 20 }
  )
}

describe("generated models", () => {
  it("cover every definition of the spec, and every definition sent in a request has an Input variant", () => {
    expect(lenientModels).toHaveLength(347)
    expect(inputModels).toHaveLength(135)
    expect(new Set([...lenientModels, ...inputModels].map((m) => m.name)).size).toBe(347 + 135)
  })

  describe("lenient models round-trip", () => {
    it.each(lenientModels.map((m) => [`${m.module}/${m.name}`, m] as const))("%s", (_, model) => roundTrips(model))
  })

  describe("strict Input models round-trip", () => {
    it.each(inputModels.map((m) => [`${m.module}/${m.name}`, m] as const))("%s", (_, model) => roundTrips(model))
  })
})
