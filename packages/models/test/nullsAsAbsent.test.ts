// The transport's fast path for lenient models (nulls dropped while parsing, then only the type
// side checked) must give exactly what the full decode gives, for every lenient model.
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { type ExportedModel, lenientModels } from "./support/models.js"

const dropNulls = (_key: string, value: unknown): unknown => (value === null ? undefined : value)

const hasProtoKey = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  (Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey))

/** Sets some object fields to null, as tenants send them (where a field is required, the answer is refused both ways). */
const sprinkleNulls = (value: unknown, pick: () => boolean): unknown => {
  if (Array.isArray(value)) return value.map((v) => sprinkleNulls(v, pick))
  if (value === null || typeof value !== "object") return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = pick() ? null : sprinkleNulls(v, pick)
  return out
}

/** The value without null entries: what the fast path reads for free-form values (custom properties). */
const withoutNulls = (value: unknown): unknown => JSON.parse(JSON.stringify(value), dropNulls)

const sameAnswer = ({ schema }: ExportedModel) => {
  const encode = Schema.encodeSync(schema)
  const full = Schema.decodeUnknownEither(schema, { onExcessProperty: "preserve" })
  const typeSide = Schema.decodeUnknownEither(Schema.typeSchema(schema), { onExcessProperty: "preserve" })
  const isValue = Schema.is(schema)
  fc.assert(
    fc.property(Arbitrary.make(schema), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (value, coins) => {
      fc.pre(!hasProtoKey(value) && isValue(value))
      let i = 0
      const text = JSON.stringify(sprinkleNulls(encode(value), () => coins[i++ % coins.length] as boolean))
      const viaFull = full(JSON.parse(text))
      fc.pre(viaFull._tag === "Right")
      const viaTypeSide = typeSide(JSON.parse(text, dropNulls))
      // the fast path accepts whatever the full decode accepts, with the same value; a free-form
      // value (a custom property) that holds null is left out, as null optional fields are
      expect(viaTypeSide._tag).toBe("Right")
      if (viaTypeSide._tag === "Right" && viaFull._tag === "Right") {
        expect(viaTypeSide.right).toEqual(withoutNulls(viaFull.right))
      }
    }),
    { numRuns: 10 }
  )
}

describe("lenient models: dropping nulls and checking the type side equals the full decode", () => {
  it.each(lenientModels.map((m) => [`${m.module}/${m.name}`, m] as const))("%s", (_, model) => sameAnswer(model))

  it("an answer with nulls in optional fields decodes the same both ways", () => {
    const shift = lenientModels.find((m) => m.name === "Shift")!.schema
    const text =
      '{"label":"blue","name":"Blue","active":true,"type":"regular","workTimeStart":"08:00:00","workTimeEnd":"17:00:00","points":null,"decoration":null}'
    const viaFull = Schema.decodeUnknownSync(shift, { onExcessProperty: "preserve" })(JSON.parse(text))
    const viaTypeSide = Schema.decodeUnknownSync(Schema.typeSchema(shift), { onExcessProperty: "preserve" })(
      JSON.parse(text, dropNulls)
    )
    expect(viaTypeSide).toEqual(viaFull)
    expect(viaFull).not.toHaveProperty("points")
  })
})
