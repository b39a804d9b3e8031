import { describe, expect, it } from "vitest"
import { CoreOperations, Operation } from "../src/index.js"

describe("write safety of a descriptor", () => {
  it("a POST or PATCH is retried exactly when its write is idempotent", () => {
    for (const op of CoreOperations.operations) {
      if (op.method !== "POST" && op.method !== "PATCH") continue
      expect({ id: op.id, retrySafe: op.retrySafe }).toEqual({ id: op.id, retrySafe: op.write?.kind === "idempotent" })
      expect({ id: op.id, idempotent: Operation.isIdempotent(op) }).toEqual({ id: op.id, idempotent: op.retrySafe })
    }
  })

  it("core's generated writes say what they are", () => {
    expect(CoreOperations.activitiesUpdate.write).toMatchObject({ kind: "idempotent" })
    expect(CoreOperations.activitiesStart.write).toMatchObject({ kind: "verifiable", proof: "activity.status" })
    expect(CoreOperations.activitiesBulkUpdate.write).toMatchObject({ kind: "unsafe" })
    expect(CoreOperations.activitiesBulkUpdate.retrySafe).toBe(false)
    expect(CoreOperations.resourcesFindMatchingResources.retrySafe).toBe(true)
  })

  it("an unclassified POST is unsafe, retrySafe makes it idempotent, PUT and DELETE are idempotent, reads have none", () => {
    const make = (method: Operation.HttpMethod, retrySafe?: boolean) =>
      Operation.make({ id: "test.x", method, path: "/x", ...(retrySafe === undefined ? {} : { retrySafe }) })
    expect(make("POST").write?.kind).toBe("unsafe")
    expect(make("POST").retrySafe).toBe(false)
    expect(make("PATCH", true).write?.kind).toBe("idempotent")
    expect(make("PATCH", true).retrySafe).toBe(true)
    expect(make("PUT").write?.kind).toBe("idempotent")
    expect(make("DELETE").write?.kind).toBe("idempotent")
    expect(make("GET").write).toBeUndefined()
    expect(Operation.isIdempotent(make("GET"))).toBe(true)
  })

  it("a write given explicitly wins over retrySafe", () => {
    const op = Operation.make({
      id: "test.x",
      method: "POST",
      path: "/x",
      retrySafe: true,
      write: { kind: "unsafe", reason: "Posts a message." }
    })
    expect(op.retrySafe).toBe(false)
    expect(Operation.isIdempotent(op)).toBe(false)
  })
})
