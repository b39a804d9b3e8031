import { it } from "@effect/vitest"
import { Effect, Exit, Logger, LogLevel, Schema } from "effect"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { makeCapture } from "./support/capture.js"
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

  it.scopedLive("opens one span per call, with method, path, operation, status and attempts", () =>
    Effect.gen(function* () {
      let calls = 0
      const server = yield* testServer(() =>
        ++calls === 1 ? { status: 503 } : { json: { label: "blue", type: "regular", active: true } }
      )
      const capture = makeCapture()
      yield* capture.around(
        withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } }))
      )
      const spans = capture.entries.filter((e) => e.startsWith("span ofsc metadata.shifts.get"))
      expect(spans).toHaveLength(1)
      expect(spans[0]).toContain("http.request.method: GET")
      expect(spans[0]).toContain("url.path: /rest/ofscMetadata/v1/shifts/blue")
      expect(spans[0]).toContain("http.response.status_code: 200")
      expect(spans[0]).toContain("ofsc.attempts: 2")
    })
  )

  it.scopedLive("logs each attempt at Debug with method, path, status, duration and attempt", () =>
    Effect.gen(function* () {
      let calls = 0
      const server = yield* testServer(() =>
        ++calls === 1 ? { status: 503 } : { json: { label: "blue", type: "regular", active: true } }
      )
      const lines: Array<Record<string, unknown>> = []
      const collect = Logger.make(({ annotations, message }) => {
        lines.push({ message: String(message), ...Object.fromEntries(annotations) })
      })
      yield* withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } })).pipe(
        Effect.provide(Logger.replace(Logger.defaultLogger, collect)),
        Logger.withMinimumLogLevel(LogLevel.Debug)
      )
      expect(lines.map((l) => [l.message, l.method, l.path, l.status, l.attempt])).toEqual([
        ["ofsc request", "GET", "/rest/ofscMetadata/v1/shifts/blue", 503, 1],
        ["ofsc request", "GET", "/rest/ofscMetadata/v1/shifts/blue", 200, 2]
      ])
      expect(typeof lines[0]?.durationMs).toBe("number")
    })
  )

  it.scopedLive("logs nothing below the minimum level", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { label: "blue", type: "regular", active: true } }))
      const lines: Array<unknown> = []
      yield* withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } })).pipe(
        Effect.provide(
          Logger.replace(
            Logger.defaultLogger,
            Logger.make(({ message }) => lines.push(message))
          )
        ),
        Logger.withMinimumLogLevel(LogLevel.Info)
      )
      expect(lines).toEqual([])
    })
  )
})
