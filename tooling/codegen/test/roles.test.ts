import { describe, expect, it } from "vitest"
import { apiModules } from "../../../packages/modules/src/generated/registry.js"
import { planOperations, streamMethodsOf } from "../src/operations.js"
import { descriptors } from "./support/descriptors.js"

const planned = planOperations()
const byId = new Map(descriptors.map((op) => [op.id, op]))

/** The method each verb is sent with (an action may be any). */
const methodOfVerb = { list: "GET", get: "GET", create: "POST", put: "PUT", update: "PATCH", delete: "DELETE" } as const

describe("what the descriptors say each operation is for", () => {
  it("every descriptor is the planned operation, with its resource, verb and id parameter", () => {
    expect(descriptors).toHaveLength(planned.length)
    for (const p of planned) {
      const op = byId.get(p.id)
      expect({ id: p.id, resource: op?.resource, verb: op?.verb, idParam: op?.idParam }).toEqual({
        id: p.id,
        resource: p.resource,
        verb: p.role.verb,
        idParam: p.role.idParam
      })
      // the resource is the id's group: `<resource>.<method>`
      expect(p.id).toBe(`${p.resource}.${p.method}`)
    }
  })

  it("verbs agree with the HTTP methods", () => {
    const wrong = descriptors.filter((op) => op.verb !== "action" && methodOfVerb[op.verb] !== op.method)
    expect(wrong.map((op) => `${op.id}: ${op.verb} by ${op.method}`)).toEqual([])
  })

  it("an id parameter is one of the path's parameters, and a list has none", () => {
    for (const op of descriptors) {
      if (op.idParam !== undefined) expect(op.path).toContain(`{${op.idParam}}`)
      if (op.verb === "list") expect(op.idParam).toBeUndefined()
    }
  })

  it("every operation whose query takes offset pages, and every operation that pages answers a list", () => {
    for (const p of planned) {
      const offset = p.queryParams.some((q) => q.name === "offset")
      const op = byId.get(p.id)
      if (offset) expect({ id: p.id, paging: op?.paging }).toEqual({ id: p.id, paging: "offset-limit" })
      if (op?.paging === "offset-limit")
        expect({ id: p.id, verb: op.verb, method: op.method }).toMatchObject({ id: p.id, method: "GET" })
    }
    // the events cursor is the one list that pages by cursor
    expect(descriptors.filter((op) => op.paging === "cursor").map((op) => op.id)).toEqual(["core.events.list"])
  })

  it("reads have no write safety; every write has one, from the generator", () => {
    for (const op of descriptors) {
      if (op.method === "GET") expect(op.write).toBeUndefined()
      else expect({ id: op.id, kind: op.write?.kind }).toMatchObject({ id: op.id, kind: expect.any(String) })
    }
  })

  it("the registry lists every module once, and every Stream method of the APIs", () => {
    expect(apiModules.map((m) => m.name)).toEqual([
      "core",
      "metadata",
      "capacity",
      "statistics",
      "partsCatalog",
      "collaboration"
    ])
    const streams = apiModules.flatMap((m) => m.streamMethods)
    expect(new Set(streams).size).toBe(streams.length)
    const expected = planned.flatMap((p) => streamMethodsOf(p).map((name) => `${p.resource}.${name}`))
    expect(streams.sort()).toEqual(expected.sort())
    expect(streams).toContain("core.events.polls")
    expect(streams.length).toBe(descriptors.filter((op) => op.paging === "offset-limit").length + 2)
  })
})
