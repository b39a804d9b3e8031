import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { operationNames } from "../src/naming.js"
import { needsWriteSafety } from "../src/operations.js"
import { operations } from "../src/spec.js"
import { writeSafety } from "../src/writeSafety.js"
import { expectedWritesDoc, writesDocPath } from "../src/writesDoc.js"
import { descriptors } from "./support/descriptors.js"

describe("write safety", () => {
  it("decides every POST and PATCH of the spec, and nothing else", () => {
    const writes = operations
      .filter((op) => needsWriteSafety(op.method))
      .map((op) => operationNames[`${op.method} ${op.path}`])
    expect(writes.filter((id) => id === undefined || writeSafety[id] === undefined)).toEqual([])
    const ids = new Set(Object.values(operationNames))
    expect(Object.keys(writeSafety).filter((id) => !ids.has(id))).toEqual([])
  })

  it("writes each entry into its descriptor, with retrySafe agreeing", () => {
    for (const op of descriptors) {
      const entry = writeSafety[op.id]
      if (entry !== undefined) expect({ id: op.id, write: op.write }).toEqual({ id: op.id, write: entry })
      if (needsWriteSafety(op.method))
        expect({ id: op.id, retrySafe: op.retrySafe }).toEqual({
          id: op.id,
          retrySafe: op.write?.kind === "idempotent"
        })
      else if (op.method === "GET") expect(op.write).toBeUndefined()
      else expect(op.write?.kind).toBe("idempotent")
    }
    expect(descriptors.filter((op) => needsWriteSafety(op.method))).toHaveLength(Object.keys(writeSafety).length)
  })

  it("docs/writes.md lists the table as it is (run `pnpm codegen` when this fails)", () => {
    const doc = readFileSync(writesDocPath, "utf8")
    expect(doc).toBe(expectedWritesDoc(doc))
  })
})
