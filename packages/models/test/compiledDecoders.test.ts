// Every lenient model's compiled decoder (src/generated/decoders) answers what the model's Schema
// answers, as the transport decodes: the same value, or a failure where the Schema fails. The inputs
// are the models' own values, encoded, then spoiled: nulls, unknown keys, wrong types, dropped keys.
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { invalid } from "../src/CompiledDecoder.js"
import { decodeWorkZoneItem, decodeWorkZones } from "../src/metadata.js"
import { type ExportedModel, lenientModels, modules } from "./support/models.js"

const decoderOf = (model: ExportedModel) =>
  modules[model.module]?.[`decode${model.name}`] as ((json: unknown) => unknown) | undefined

const hasProtoKey = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  (Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey))

type Mutation = readonly [at: number, kind: "null" | "wrong" | "extra" | "drop" | "wrap", value: unknown]

const mutation: fc.Arbitrary<Mutation> = fc.tuple(
  fc.nat(),
  fc.constantFrom("null" as const, "wrong" as const, "extra" as const, "drop" as const, "wrap" as const),
  fc.jsonValue({ maxDepth: 2 })
)

/** Every object and array in a JSON value, with the keys it holds (the root's holder first). */
const holders = (root: { value: unknown }): Array<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = [root as Record<string, unknown>]
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object") return
    out.push(v as Record<string, unknown>)
    for (const child of Object.values(v)) walk(child)
  }
  walk(root.value)
  return out
}

/** Spoils a JSON value in place: a field becomes null or another value, gains a key, loses one, or is wrapped in a list. */
const spoil = (json: unknown, mutations: ReadonlyArray<Mutation>): unknown => {
  const root = { value: json }
  for (const [at, kind, value] of mutations) {
    const all = holders(root)
    const holder = all[at % all.length]!
    const keys = Object.keys(holder)
    const key = Array.isArray(holder) ? (keys[at % Math.max(keys.length, 1)] ?? "0") : keys[at % keys.length]
    if (kind === "extra" && !Array.isArray(holder)) holder[`XA_EXTRA_${at % 7}`] = value
    if (key === undefined) continue
    if (kind === "null") holder[key] = null
    if (kind === "wrong") holder[key] = value
    if (kind === "wrap") holder[key] = [holder[key]]
    if (kind === "drop" && !Array.isArray(holder)) delete holder[key]
  }
  return root.value
}

const sameAnswer = (model: ExportedModel, runs: number) => {
  const decoder = decoderOf(model)!
  const schemaDecode = Schema.decodeUnknownEither(model.schema, { errors: "all", onExcessProperty: "preserve" })
  const encode = Schema.encodeEither(model.schema)
  const isValue = Schema.is(model.schema)
  let accepted = 0
  const check = (text: string) => {
    const viaSchema = schemaDecode(JSON.parse(text))
    const input = JSON.parse(text)
    const compiled = decoder(input)
    // answers share the parsed JSON where nothing changes: a decoder must never write into it
    expect(JSON.stringify(input)).toBe(text)
    expect(compiled === invalid ? "refused" : "accepted").toBe(viaSchema._tag === "Right" ? "accepted" : "refused")
    if (viaSchema._tag === "Right") {
      accepted++
      expect(compiled).toStrictEqual(viaSchema.right)
    }
  }
  fc.assert(
    fc.property(
      Arbitrary.make(model.schema),
      fc.array(mutation, { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
      (value, mutations, stray) => {
        fc.pre(!hasProtoKey(value) && isValue(value))
        const encoded = encode(value)
        fc.pre(encoded._tag === "Right")
        let text: string
        try {
          text = JSON.stringify(encoded.right)
        } catch {
          return fc.pre(false)
        }
        fc.pre(text !== undefined)
        check(text)
        const spoiled = JSON.stringify(spoil(JSON.parse(text), mutations))
        if (spoiled !== undefined && !spoiled.includes("__proto__")) check(spoiled)
        if (!JSON.stringify(stray).includes("__proto__")) check(JSON.stringify(stray))
      }
    ),
    { numRuns: runs }
  )
  return accepted
}

describe("compiled decoders answer what the lenient models' Schemas answer", () => {
  it("every lenient model has one (none left to its Schema)", () => {
    expect(lenientModels.length).toBe(347)
    expect(lenientModels.filter((m) => typeof decoderOf(m) !== "function").map((m) => m.name)).toEqual([])
  })

  it.each(lenientModels.map((m) => [`${m.module}/${m.name}`, m] as const))("%s", (_, model) => {
    // the unspoiled value is accepted by both: the comparison is not only over refusals
    expect(sameAnswer(model, 40)).toBeGreaterThan(0)
  })

  it("null in an optional field is absent, null in a custom property is kept, as the Schema reads them", () => {
    const json = JSON.parse(
      '{"workZoneLabel":"A","workZoneName":"B","travelArea":"t","status":null,"keys":["k"],"XA_NOTE":null}'
    )
    expect(decodeWorkZoneItem(json)).toStrictEqual({
      workZoneLabel: "A",
      workZoneName: "B",
      travelArea: "t",
      keys: ["k"],
      XA_NOTE: null
    })
    expect(decodeWorkZoneItem({ ...json, workZoneLabel: 1 })).toBe(invalid)
  })

  it("answer the parsed JSON itself when nothing changes, and a copy (the input untouched) when a null is dropped", () => {
    const page = JSON.parse(
      '{"items":[{"workZoneLabel":"A","workZoneName":"B","travelArea":"t","keys":["k"],"XA_NOTE":1}],"totalResults":1}'
    )
    const same = decodeWorkZones(page)
    expect(same).toBe(page)
    expect(same !== invalid && same.items?.[0]).toBe(page.items[0])

    const text = '{"items":[{"workZoneLabel":"A","workZoneName":"B","travelArea":"t","status":null}],"totalResults":1}'
    const withNull = JSON.parse(text)
    const copied = decodeWorkZones(withNull)
    expect(copied).not.toBe(withNull)
    expect(copied).toStrictEqual({
      items: [{ workZoneLabel: "A", workZoneName: "B", travelArea: "t" }],
      totalResults: 1
    })
    expect(JSON.stringify(withNull)).toBe(text)
  })
})
