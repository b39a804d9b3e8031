import { it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const Shift = Schema.Struct({
  label: Schema.String,
  type: Schema.Literal("regular", "on-call"),
  active: Schema.Boolean
})

const getShift = Operation.make({
  id: "metadata.shifts.get",
  method: "GET",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.String }),
  success: { kind: "json", schema: Shift }
})

describe("OfscTransport", () => {
  it.scopedLive("decodes a GET and keeps keys the schema does not know", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { label: "blue", type: "regular", active: true, XA_NEW: 1 } }))
      const shift = yield* withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } }))
      expect(shift).toEqual({ label: "blue", type: "regular", active: true, XA_NEW: 1 })
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.path).toBe("/rest/ofscMetadata/v1/shifts/blue")
    })
  )

  it.scopedLive("URL-encodes path parameters", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { label: "a/b c", type: "regular", active: true } }))
      yield* withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "a/b c?#" } }))
      expect(server.requests[0]?.path).toBe("/rest/ofscMetadata/v1/shifts/a%2Fb%20c%3F%23")
    })
  )

  it.scopedLive("a 404 is OfscNotFound", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({
        status: 404,
        json: { type: "t", title: "Not Found", status: "404", detail: "no shift" }
      }))
      const exit = yield* Effect.exit(
        withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "x" } }))
      )
      expect(Exit.isFailure(exit)).toBe(true)
    })
  )
})
