import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { seedData } from "../src/data/seed.js"
import { Conformer } from "../src/engine/conform.js"
import { seedHints } from "../src/engine/hints.js"
import { allOperations } from "../src/engine/operations.js"
import { enginePlans } from "../src/engine/routes.js"
import { Sampler } from "../src/engine/sampleValue.js"
import { startSimulator } from "../src/index.js"

const decodes = (schema: Schema.Schema<unknown, unknown>, value: unknown) =>
  Either.isRight(Schema.decodeUnknownEither(schema, { onExcessProperty: "preserve" })(value))

const jsonOps = allOperations.flatMap((op) => (op.success.kind === "json" ? [{ op, schema: op.success.schema }] : []))

describe("generated answers", () => {
  const sampler = new Sampler(seedHints(seedData(1, "small")))
  const conformer = new Conformer(sampler)

  it("the table holds all 243 operations and the engine routes every one but the token service", async () => {
    expect(allOperations).toHaveLength(243)
    expect(enginePlans()).toHaveLength(241)
    const sim = await startSimulator()
    try {
      const routes = new Set(sim.router.list())
      const missing = enginePlans().filter((p) => !routes.has(`${p.op.method} ${p.op.path}`))
      expect(missing.map((p) => p.op.id)).toEqual([])
    } finally {
      await sim.stop()
    }
  })

  it.each(jsonOps.map(({ op, schema }) => [op.id, schema] as const))(
    "%s: the generated value decodes with the success schema",
    (_id, schema) => {
      expect(decodes(schema, sampler.sample(schema.ast))).toBe(true)
    }
  )

  it("a stored record missing required fields is completed, keeping its own fields and extra keys", () => {
    const shift = allOperations.find((op) => op.id === "metadata.shifts.get")
    if (shift?.success.kind !== "json") throw new Error("no shift schema")
    const stored = { label: "night", name: "Night", active: "yes", XX_CUSTOM: 7 }
    const answered = conformer.conform(shift.success.schema.ast, stored) as Record<string, unknown>
    expect(decodes(shift.success.schema, answered)).toBe(true)
    expect(answered).toMatchObject({ label: "night", name: "Night", active: true, XX_CUSTOM: 7, type: "regular" })
    // a record that already fits comes back as the same object
    const fitting = { ...answered }
    expect(conformer.conform(shift.success.schema.ast, fitting)).toBe(fitting)
  })
})
