import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { OfsDate, OfsDateTime, OfsTime, OptionalNullable, SchemaReader } from "../src/index.js"

describe("SchemaReader", () => {
  it("reads the OFS format of a date, a time and a date-time from the schema, not from a name", () => {
    expect(SchemaReader.formatOf(OfsDate.ast)).toBe("date")
    expect(SchemaReader.formatOf(OfsTime.ast)).toBe("time")
    expect(SchemaReader.formatOf(OfsDateTime.ast)).toBe("datetime")
    // a pattern named like a primitive is no date
    const lookalike = Schema.String.pipe(Schema.pattern(/^x$/), Schema.annotations({ identifier: "OfsDate" }))
    expect(SchemaReader.formatOf(lookalike.ast)).toBeUndefined()
  })

  it("reads a struct's fields on the type side, with kinds, formats and whether they are required", () => {
    const query = Schema.Struct({
      dateFrom: OfsDate,
      limit: Schema.optional(Schema.Int),
      status: Schema.optional(Schema.Literal("pending", "started")),
      fields: Schema.optional(Schema.Array(Schema.String))
    })
    expect(SchemaReader.fieldsOf(query.ast)).toEqual([
      { name: "dateFrom", kind: { _tag: "string", format: "date" }, required: true },
      { name: "limit", kind: { _tag: "integer" }, required: false },
      { name: "status", kind: { _tag: "enum", values: ["pending", "started"] }, required: false },
      { name: "fields", kind: { _tag: "array", item: { _tag: "string" } }, required: false }
    ])
  })

  it("reads the wire side through transformations: a nullable field accepts null, a list envelope its items", () => {
    const page = Schema.Struct({ items: Schema.Array(Schema.Struct({ label: OptionalNullable(Schema.String) })) })
    const item = SchemaReader.itemsElementOf(page.ast)
    expect(item).toBeDefined()
    const label = item === undefined ? undefined : SchemaReader.propertyOf(item, "label")
    expect(label === undefined ? [] : [...SchemaReader.kindsOf(label.type)].sort()).toEqual([
      "null",
      "string",
      "undefined"
    ])
    expect(SchemaReader.kindOfValue([1])).toBe("array")
  })
})
