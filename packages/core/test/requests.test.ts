import { it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const Shift = Schema.Struct({
  label: Schema.String,
  type: Schema.Literal("regular", "on-call"),
  points: Schema.optional(Schema.Int)
})

const putShift = Operation.make({
  id: "metadata.shifts.put",
  method: "PUT",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.String.pipe(Schema.minLength(1)) }),
  body: { kind: "json", schema: Shift },
  success: { kind: "json", schema: Shift }
})

const listActivities = Operation.make({
  id: "core.activities.list",
  method: "GET",
  path: "/rest/ofscCore/v1/activities",
  query: Schema.Struct({
    resources: Schema.optional(Schema.Array(Schema.String)),
    includeNonScheduled: Schema.optional(Schema.Boolean),
    dateFrom: Schema.optional(Schema.String),
    limit: Schema.optional(Schema.Int)
  }),
  success: { kind: "json", schema: Schema.Struct({ items: Schema.Array(Schema.Unknown) }) }
})

const uploadPhoto = Operation.make({
  id: "core.activities.setFileProperty",
  method: "PUT",
  path: "/rest/ofscCore/v1/activities/{activityId}/{propertyLabel}",
  pathParams: Schema.Struct({ activityId: Schema.Int, propertyLabel: Schema.String }),
  body: { kind: "octet-stream" }
})

const downloadPhoto = Operation.make({
  id: "core.activities.getFileProperty",
  method: "GET",
  path: "/rest/ofscCore/v1/activities/{activityId}/{propertyLabel}",
  pathParams: Schema.Struct({ activityId: Schema.Int, propertyLabel: Schema.String }),
  success: { kind: "bytes" }
})

const importPlugin = Operation.make({
  id: "metadata.plugins.import",
  method: "POST",
  path: "/rest/ofscMetadata/v1/plugins/custom-actions/import",
  body: {
    kind: "multipart",
    schema: Schema.Struct({
      pluginFile: Schema.Struct({ data: Schema.Uint8ArrayFromSelf, filename: Schema.optional(Schema.String) })
    })
  }
})

const requestToken = Operation.make({
  id: "auth.token.v1",
  method: "POST",
  path: "/rest/oauthTokenService/v1/token",
  body: {
    kind: "form",
    schema: Schema.Struct({ grant_type: Schema.String, ofsc_dynamic_scope: Schema.optional(Schema.String) })
  },
  success: { kind: "json", schema: Schema.Struct({ token: Schema.String }) }
})

describe("input validation", () => {
  it.scopedLive("bad input fails with every problem and its schema path, and nothing is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer()
      const error = yield* withTransport(testOptions(server.url), (t) =>
        t.call(putShift, {
          path: { label: "" },
          // a caller outside TypeScript's reach: wrong enum and a non-integer
          body: { label: "blue", type: "weekly", points: 1.5 } as unknown as typeof Shift.Type
        })
      ).pipe(Effect.flip)
      expect(error._tag).toBe("OfscInvalidInput")
      if (error._tag === "OfscInvalidInput") {
        expect(error.operation).toBe("metadata.shifts.put")
        expect(error.issues.map((i) => i.path.join("."))).toEqual(["path.label", "body.type", "body.points"])
      }
      expect(server.requests).toHaveLength(0)
    })
  )

  it.scopedLive("a missing required body is reported, and nothing is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer()
      const error = yield* withTransport(testOptions(server.url), (t) =>
        t.call(putShift, { path: { label: "blue" } } as unknown as Parameters<
          typeof t.call<{ label: string }, void, typeof Shift.Type, typeof Shift.Type>
        >[1])
      ).pipe(Effect.flip)
      expect(error).toMatchObject({ _tag: "OfscInvalidInput", issues: [{ path: ["body"] }] })
      expect(server.requests).toHaveLength(0)
    })
  )
})

describe("request encoding", () => {
  it.scopedLive("JSON bodies are sent as JSON, custom properties included", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req) => ({ status: 201, json: JSON.parse(req.body.toString()) }))
      const body = { label: "blue", type: "regular" as const, XA_CUSTOM: "kept" }
      const answer = yield* withTransport(testOptions(server.url), (t) =>
        t.call(putShift, { path: { label: "blue" }, body })
      )
      expect(answer).toEqual(body)
      const seen = server.requests[0]!
      expect(seen.method).toBe("PUT")
      expect(seen.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(seen.body.toString())).toEqual(body)
    })
  )

  it.scopedLive("array query parameters are comma-separated, booleans are true/false, unset ones are left out", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { items: [] } }))
      yield* withTransport(testOptions(server.url), (t) =>
        t.call(listActivities, { query: { resources: ["FLUSA", "TECH 1"], includeNonScheduled: true, limit: 5 } })
      )
      const query = server.requests[0]!.query
      expect(query.get("resources")).toBe("FLUSA,TECH 1")
      expect(query.get("includeNonScheduled")).toBe("true")
      expect(query.get("limit")).toBe("5")
      expect(query.has("dateFrom")).toBe(false)
    })
  )

  it.scopedLive("octet-stream uploads send the bytes with their media type and file name", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      const data = new Uint8Array([137, 80, 78, 71, 0, 255])
      yield* withTransport(testOptions(server.url), (t) =>
        t.call(uploadPhoto, {
          path: { activityId: 4225, propertyLabel: "csign" },
          body: { data, contentType: "image/png", filename: "sign.png" }
        })
      )
      const seen = server.requests[0]!
      expect(seen.path).toBe("/rest/ofscCore/v1/activities/4225/csign")
      expect(seen.headers["content-type"]).toBe("image/png")
      expect(seen.headers["content-disposition"]).toBe('attachment; filename="sign.png"')
      expect(new Uint8Array(seen.body)).toEqual(data)
    })
  )

  it.scopedLive("binary downloads come back as the exact bytes", () =>
    Effect.gen(function* () {
      const data = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => i % 256))
      const server = yield* testServer(() => ({ bytes: data }))
      const bytes = yield* withTransport(testOptions(server.url), (t) =>
        t.call(downloadPhoto, { path: { activityId: 1, propertyLabel: "csign" } })
      )
      expect(bytes).toEqual(data)
      expect(server.requests[0]!.headers.accept).toBe("application/octet-stream")
    })
  )

  it.scopedLive("multipart uploads carry the file field", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      const xml = new TextEncoder().encode("<plugin label='demo'/>")
      yield* withTransport(testOptions(server.url), (t) =>
        t.call(importPlugin, { body: { pluginFile: { data: xml, filename: "demo.xml" } } })
      )
      const seen = server.requests[0]!
      expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/)
      const text = seen.body.toString()
      expect(text).toContain('name="pluginFile"; filename="demo.xml"')
      expect(text).toContain("<plugin label='demo'/>")
    })
  )

  it.scopedLive("form bodies are URL-encoded", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { token: "t" } }))
      yield* withTransport(testOptions(server.url), (t) =>
        t.call(requestToken, { body: { grant_type: "client_credentials", ofsc_dynamic_scope: "a b" } })
      )
      const seen = server.requests[0]!
      expect(seen.headers["content-type"]).toBe("application/x-www-form-urlencoded")
      expect(new URLSearchParams(seen.body.toString()).get("ofsc_dynamic_scope")).toBe("a b")
    })
  )
})

describe("raw escape hatch", () => {
  it.scopedLive("calls a path the tables do not know, with the same auth and error mapping", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req) =>
        req.path.endsWith("/missing")
          ? { status: 404, json: { title: "Not Found" } }
          : { json: { ok: true, q: req.query.get("fields") } }
      )
      const answer = yield* withTransport(testOptions(server.url), (t) =>
        t.raw("GET", "/rest/ofscCore/v2/newThing", { query: { fields: ["a", "b"] } })
      )
      expect(answer).toEqual({ ok: true, q: "a,b" })
      expect(server.requests[0]!.headers.authorization).toMatch(/^Basic /)
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url), (t) => t.raw("DELETE", "/rest/x/missing"))
      )
      expect(error._tag).toBe("OfscNotFound")
    })
  )

  it.scopedLive("a raw POST sends its JSON body and is not retried", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 503 }))
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url), (t) => t.raw("POST", "/rest/x", { body: { a: 1 } }))
      )
      expect(error._tag).toBe("OfscServerError")
      expect(server.requests).toHaveLength(1)
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ a: 1 })
    })
  )
})
