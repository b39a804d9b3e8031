import { it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { type BinaryContent, CoreOperations, Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { invalidInputOf, issuePaths } from "./support/invalid.js"
import { testServer } from "./support/testServer.js"

/** As the metadata table describes it. */
const deleteShift = Operation.make({
  id: "metadata.shifts.delete",
  method: "DELETE",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.NonEmptyString })
})

const putShift = Operation.make({
  id: "metadata.shifts.put",
  method: "PUT",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.NonEmptyString }),
  body: { kind: "json", schema: Schema.Struct({ label: Schema.String, points: Schema.optional(Schema.Int) }) },
  success: { kind: "json", schema: Schema.Unknown }
})

const importPlugin = Operation.make({
  id: "metadata.plugins.import",
  method: "POST",
  path: "/rest/ofscMetadata/v1/plugins/custom-actions/import",
  body: {
    kind: "multipart",
    schema: Schema.Struct({
      pluginFile: Schema.Struct({
        data: Schema.Uint8ArrayFromSelf,
        contentType: Schema.optional(Schema.String),
        filename: Schema.optional(Schema.String)
      })
    })
  }
})

/** Runs `f` against a server that answers everything, then checks that nothing reached it. */
const nothingSent = <A, E>(f: (t: Parameters<Parameters<typeof withTransport>[1]>[0]) => Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const server = yield* testServer(() => ({ status: 204 }))
    const result = yield* withTransport(testOptions(server.url), f)
    expect(server.requests).toHaveLength(0)
    return result
  })

const cyclic = (): Record<string, unknown> => {
  const loop: Record<string, unknown> = { name: "loop" }
  loop.self = loop
  return loop
}

const nested = (levels: number): unknown => {
  let value: unknown = "bottom"
  for (let i = 0; i < levels; i++) value = { down: value }
  return value
}

describe("path parameters fill exactly one segment", () => {
  it.scopedLive.each([
    ["..", "a dot-dot segment"],
    [".", "a dot segment"],
    ["", "an empty value"],
    ["blue\r\nX-Evil: 1", "CR and LF"],
    ["blue\u0000", "NUL"],
    ["blue\tgreen", "a tab"],
    ["blue\u007f", "DEL"],
    ["\uD800", "a lone surrogate"]
  ])("%j (%s) is OfscInvalidInput naming the parameter", ([label]) =>
    nothingSent((t) =>
      Effect.map(invalidInputOf(t.call(deleteShift, { path: { label: label as string } })), (error) => {
        expect(error.operation).toBe("metadata.shifts.delete")
        expect(issuePaths(error)).toEqual(["path.label"])
      })
    )
  )

  it.scopedLive("dots inside a value, slashes and percent signs stay in their own segment", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      yield* withTransport(testOptions(server.url), (t) => t.call(deleteShift, { path: { label: "../a/%2e.?#" } }))
      expect(server.requests[0]!.path).toBe("/rest/ofscMetadata/v1/shifts/..%2Fa%2F%252e.%3F%23")
    })
  )
})

describe("JSON bodies JSON cannot carry", () => {
  it.scopedLive.each([
    ["a cycle", { label: "blue", XA_LOOP: cyclic() }, "body.XA_LOOP.self"],
    ["a BigInt", { label: "blue", XA_BIG: 10n }, "body.XA_BIG"],
    ["a function", { label: "blue", XA_FN: () => 1 }, "body.XA_FN"],
    ["a symbol", { label: "blue", XA_SYM: Symbol("s") }, "body.XA_SYM"],
    ["NaN", { label: "blue", XA_N: [1, Number.NaN] }, "body.XA_N.1"],
    ["Infinity", { label: "blue", XA_N: { x: Number.POSITIVE_INFINITY } }, "body.XA_N.x"],
    ["a Map", { label: "blue", XA_MAP: new Map([["a", 1]]) }, "body.XA_MAP"],
    ["a lone surrogate", { label: "blue\uDC00" }, "body.label"],
    ["a lone surrogate in a key", { label: "blue", XA_T: { "\uD83D": 1 } }, "body.XA_T.\uD83D"]
  ])("%s is OfscInvalidInput at its place in the body", ([, body, where]) =>
    nothingSent((t) =>
      Effect.map(invalidInputOf(t.call(putShift, { path: { label: "blue" }, body: body as never })), (error) =>
        expect(issuePaths(error)).toEqual([where])
      )
    )
  )

  it.scopedLive("nesting deeper than 200 levels is refused; 200 are sent", () =>
    Effect.gen(function* () {
      const error = yield* nothingSent((t) =>
        invalidInputOf(t.raw("POST", "/rest/x", { body: { deep: nested(100_000) } }))
      )
      expect(error.issues).toHaveLength(1)
      expect(error.issues[0]!.path).toHaveLength(202)
      expect(error.issues[0]!.message).toContain("deeper than 200")
      const server = yield* testServer(() => ({ status: 204 }))
      yield* withTransport(testOptions(server.url), (t) => t.raw("POST", "/rest/x", { body: nested(200) }))
      expect(server.requests).toHaveLength(1)
    })
  )

  it.scopedLive("a cycle along fields the schema knows is reported, not walked for ever", () =>
    nothingSent((t) => {
      const item = { id: 1, parent: undefined as unknown }
      item.parent = item
      return Effect.map(invalidInputOf(t.raw("PUT", "/rest/x", { body: [item] })), (error) =>
        expect(issuePaths(error)).toEqual(["body.0.parent"])
      )
    })
  )

  it.scopedLive("a Date is written as its ISO text; the same object twice (no cycle) is fine", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      const shared = { a: 1 }
      yield* withTransport(testOptions(server.url), (t) =>
        t.raw("POST", "/rest/x", { body: { at: new Date(Date.UTC(2026, 0, 2)), one: shared, two: shared } })
      )
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
        at: "2026-01-02T00:00:00.000Z",
        one: { a: 1 },
        two: { a: 1 }
      })
    })
  )
})

describe("binary content type and file name go into headers", () => {
  const upload = CoreOperations.activitiesFilesPut
  const data = new Uint8Array([1, 2, 3])
  const path = { activityId: 4225, propertyLabel: "csign" }

  it.scopedLive.each([
    [{ data, contentType: "image/png\r\nX-Evil: 1" }, "body.contentType"],
    [{ data, contentType: "png" }, "body.contentType"],
    [{ data, contentType: "image/png; charset" }, "body.contentType"],
    [{ data, filename: "sign\r\n.png" }, "body.filename"],
    [{ data, filename: "sign\u0000.png" }, "body.filename"],
    [{ data, filename: "sign\uD800.png" }, "body.filename"]
  ])("%j is OfscInvalidInput, not a network error that is retried", ([body, where]) =>
    nothingSent((t) =>
      Effect.map(invalidInputOf(t.call(upload, { path, body: body as BinaryContent })), (error) =>
        expect(issuePaths(error)).toEqual([where])
      )
    )
  )

  it.scopedLive("a multipart file with a bad file name or media type is OfscInvalidInput", () =>
    nothingSent((t) =>
      Effect.map(
        invalidInputOf(
          t.call(importPlugin, { body: { pluginFile: { data, filename: "a\nb.xml", contentType: "text/xml\r\n" } } })
        ),
        (error) => expect(issuePaths(error)).toEqual(["body.pluginFile.contentType", "body.pluginFile.filename"])
      )
    )
  )

  it.scopedLive("a non-ASCII file name is sent per RFC 6266: an ASCII fallback and the UTF-8 name", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      yield* withTransport(testOptions(server.url), (t) =>
        t.call(upload, {
          path,
          body: { data, contentType: 'text/plain; charset="utf-8"', filename: "Prüfbericht (1) 😀.txt" }
        })
      )
      const seen = server.requests[0]!
      expect(seen.headers["content-type"]).toBe('text/plain; charset="utf-8"')
      expect(seen.headers["content-disposition"]).toBe(
        `attachment; filename="Pr_fbericht (1) _.txt"; filename*=UTF-8''Pr%C3%BCfbericht%20%281%29%20%F0%9F%98%80.txt`
      )
      const encoded = /filename\*=UTF-8''(.*)$/.exec(seen.headers["content-disposition"] ?? "")?.[1] ?? ""
      expect(decodeURIComponent(encoded)).toBe("Prüfbericht (1) 😀.txt")
    })
  )
})

describe("query values", () => {
  const list = CoreOperations.activitiesList

  it.scopedLive.each([
    [{ resources: ["FLUSA", "A,B"] }, "query.resources.1"],
    [{ limit: Number.NaN }, "query.limit"],
    [{ limit: Number.POSITIVE_INFINITY }, "query.limit"],
    [{ limit: -1 }, "query.limit"],
    [{ offset: -5 }, "query.offset"],
    [{ zz: {} }, "query.zz"],
    [{ q: "blue\uD800" }, "query.q"]
  ])("%j is OfscInvalidInput naming the key", ([query, where]) =>
    nothingSent((t) =>
      Effect.map(invalidInputOf(t.call(list, { query: query as never })), (error) =>
        expect(issuePaths(error)).toEqual([where])
      )
    )
  )

  it.scopedLive("the escape hatch takes any key but still only text, finite numbers and booleans", () =>
    Effect.gen(function* () {
      const refused = yield* nothingSent((t) =>
        invalidInputOf(
          t.raw("GET", "/rest/ofscCore/v2/newThing", {
            query: { nan: Number.NaN, obj: {} as never, list: ["a,b"], bad: "\uDFFF" }
          })
        )
      )
      expect(issuePaths(refused)).toEqual(["query.nan", "query.obj", "query.list.0", "query.bad"])
      const server = yield* testServer(() => ({ json: {} }))
      yield* withTransport(testOptions(server.url), (t) =>
        t.raw("GET", "/rest/ofscCore/v2/newThing", { query: { anyNewKey: "x", n: 3, on: true } })
      )
      expect(server.requests[0]!.query.toString()).toBe("anyNewKey=x&n=3&on=true")
    })
  )

  it.scopedLive("a part the operation does not take, or a path key it does not know, is a typo, not ignored", () =>
    nothingSent((t) =>
      Effect.map(
        invalidInputOf(t.call(deleteShift, { path: { label: "blue", lable: "x" }, query: { force: true } } as never)),
        (error) => expect(issuePaths(error)).toEqual(["path.lable", "query"])
      )
    )
  )

  it.scopedLive("the escape hatch's path must not hold control characters", () =>
    nothingSent((t) =>
      Effect.map(invalidInputOf(t.raw("GET", "/rest/x\r\nHost: evil")), (error) =>
        expect(issuePaths(error)).toEqual(["path"])
      )
    )
  )
})
