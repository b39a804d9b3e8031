import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Inventory, InventoryInput, WorkScheduleItem, WorkScheduleItemInput } from "../src/core.js"
import { CreateShiftSchemaInput, Shift } from "../src/metadata.js"

const decodeResponse = <A, I>(schema: Schema.Schema<A, I>, value: unknown) =>
  Schema.decodeUnknownEither(schema, { onExcessProperty: "preserve" })(value)

// an inventory as a tenant with custom properties and a newer OFS release might answer
const answered = {
  inventoryId: 21,
  inventoryType: "METER",
  status: "in_transit",
  serialNumber: null,
  quantity: 2,
  XA_METER_COLOR: "grey",
  XA_CHECKED: true
}

describe("lenient response models", () => {
  it("decode nulls on optional fields as absent, keep an unknown enum value and the custom keys", () => {
    const inventory = Either.getOrThrow(decodeResponse(Inventory, answered))
    expect(inventory).toEqual({
      inventoryId: 21,
      inventoryType: "METER",
      status: "in_transit",
      quantity: 2,
      XA_METER_COLOR: "grey",
      XA_CHECKED: true
    })
    // the custom keys are part of the type (an index signature), not only of the runtime value
    const color: unknown = inventory.XA_METER_COLOR
    expect(color).toBe("grey")
  })

  it("send custom keys back when encoding", () => {
    const input: InventoryInput = { inventoryType: "METER", status: "resource", XA_METER_COLOR: "grey" }
    expect(Schema.encodeSync(InventoryInput)(input)).toEqual(input)
  })

  it("keep fields added after the spec on models without custom properties", () => {
    const shift = Either.getOrThrow(
      decodeResponse(Shift, {
        label: "dawn",
        name: "Dawn",
        active: true,
        type: "regular",
        workTimeStart: "05:00",
        workTimeEnd: "13:00",
        breakMinutes: 30
      })
    )
    expect(shift).toMatchObject({ label: "dawn", breakMinutes: 30 })
  })

  it("accept any string for dates and times and fractional numbers for integers", () => {
    const item = Either.getOrThrow(
      decodeResponse(WorkScheduleItem, {
        recordType: "working",
        startDate: "03/11/2024",
        workTimeStart: "8",
        points: 1.5
      })
    )
    expect(item).toMatchObject({ startDate: "03/11/2024", workTimeStart: "8", points: 1.5 })
  })

  it("keep the known enum values in the type", () => {
    const known: Shift["type"] = "on-call"
    const later: Shift["type"] = "split"
    expect([known, later]).toEqual(["on-call", "split"])
  })
})

describe("strict request models", () => {
  const encode = <A, I>(schema: Schema.Schema<A, I>, value: unknown) => Schema.encodeUnknownEither(schema)(value)
  const { serialNumber: _null, ...withoutNull } = answered

  it("refuse the null and the unknown enum value the lenient model accepts", () => {
    expect(Either.isRight(encode(InventoryInput, { ...withoutNull, status: "installed" }))).toBe(true)
    expect(Either.isLeft(encode(InventoryInput, { ...withoutNull, status: "in_transit" }))).toBe(true)
    expect(Either.isLeft(encode(InventoryInput, { ...withoutNull, status: "installed", serialNumber: null }))).toBe(
      true
    )
  })

  it("check date and time formats and refuse fractional integers", () => {
    const valid = { recordType: "working", startDate: "2024-03-11", workTimeStart: "08:00", points: 1 }
    expect(Either.isRight(encode(WorkScheduleItemInput, valid))).toBe(true)
    expect(Either.isLeft(encode(WorkScheduleItemInput, { ...valid, startDate: "03/11/2024" }))).toBe(true)
    expect(Either.isLeft(encode(WorkScheduleItemInput, { ...valid, workTimeStart: "8" }))).toBe(true)
    expect(Either.isLeft(encode(WorkScheduleItemInput, { ...valid, points: 1.5 }))).toBe(true)
    expect(Either.isLeft(encode(CreateShiftSchemaInput, { name: "x", active: true, type: "regular" }))).toBe(true)
  })
})
