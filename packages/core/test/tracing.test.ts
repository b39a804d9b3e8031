import { readFileSync } from "node:fs"
import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { SpanStatusCode } from "@opentelemetry/api"
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base"
import { Effect, Exit, Redacted, Schema } from "effect"
import { describe, expect } from "vitest"
import { OfscTransportError, Operation } from "../src/index.js"
import { authServer, getResource } from "./support/authServer.js"
import { testOptions, withTransport } from "./support/client.js"
import { withOtel } from "./support/otel.js"
import { type SeenRequest, testServer } from "./support/testServer.js"

const getShift = Operation.make({
  id: "metadata.shifts.get",
  method: "GET",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.String }),
  query: Schema.Struct({ fields: Schema.optional(Schema.String) }),
  success: { kind: "json", schema: Schema.Struct({ label: Schema.String }) }
})

const blue = { json: { label: "blue" } }
const notFound = { status: 404, json: { type: "t", title: "Not Found", status: "404", detail: "no shift" } }
const unavailable = { status: 503, json: { title: "Service Unavailable", status: "503" } }

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

const callSpans = (spans: ReadonlyArray<ReadableSpan>, name = "ofsc metadata.shifts.get") =>
  spans.filter((s) => s.name === name)

/** The trace and span id a W3C `traceparent` header names. */
const traceparentOf = (request: SeenRequest | undefined) => {
  const header = request?.headers.traceparent
  const match = typeof header === "string" ? /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(header) : null
  return match === null ? undefined : { traceId: match[1], spanId: match[2] }
}

const portOf = (url: string) => Number(new URL(url).port)

describe("tracing with OpenTelemetry installed", () => {
  it.scopedLive("a request carries a traceparent naming the exported span, and the span says where it went", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => blue)
      const { exit, spans } = yield* withOtel(
        withTransport(testOptions(server.url), (t) =>
          t.call(getShift, { path: { label: "blue" }, query: { fields: "label" } })
        )
      )
      expect(Exit.isSuccess(exit)).toBe(true)
      const [span] = callSpans(spans)
      expect(callSpans(spans)).toHaveLength(1)
      expect(span?.kind).toBe(2) // SpanKind.CLIENT
      expect(span?.attributes).toMatchObject({
        "http.request.method": "GET",
        "url.path": "/rest/ofscMetadata/v1/shifts/blue",
        "ofsc.operation": "metadata.shifts.get",
        "server.address": "127.0.0.1",
        "server.port": portOf(server.url),
        "http.response.status_code": 200,
        "ofsc.attempts": 1
      })
      // the query is not a span attribute: it may hold what a user searched for
      expect(JSON.stringify(span?.attributes)).not.toContain("fields")
      const sent = traceparentOf(server.requests[0])
      expect(sent).toEqual({ traceId: span?.spanContext().traceId, spanId: span?.spanContext().spanId })
      expect(server.requests[0]?.headers["user-agent"]).toBe(`@ofsc/core/${version}`)
    })
  )

  it.scopedLive("a 404 span carries the status code, the attempt count and the error kind", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => notFound)
      const { exit, spans } = yield* withOtel(
        withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "gone" } }))
      )
      expect(Exit.isFailure(exit)).toBe(true)
      const [span] = callSpans(spans)
      expect(span?.attributes).toMatchObject({
        "http.response.status_code": 404,
        "ofsc.attempts": 1,
        "error.type": "404",
        "server.address": "127.0.0.1"
      })
      expect(span?.status.code).toBe(SpanStatusCode.ERROR)
      expect(traceparentOf(server.requests[0])?.traceId).toBe(span?.spanContext().traceId)
    })
  )

  it.scopedLive("a retried 503 is one span with the attempts counted, and every attempt carries its traceparent", () =>
    Effect.gen(function* () {
      let calls = 0
      const server = yield* testServer(() => (++calls === 1 ? unavailable : blue))
      const { exit, spans } = yield* withOtel(
        withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } }))
      )
      expect(Exit.isSuccess(exit)).toBe(true)
      const [span] = callSpans(spans)
      expect(callSpans(spans)).toHaveLength(1)
      expect(span?.attributes).toMatchObject({ "http.response.status_code": 200, "ofsc.attempts": 2 })
      expect(server.requests).toHaveLength(2)
      const expected = { traceId: span?.spanContext().traceId, spanId: span?.spanContext().spanId }
      expect(server.requests.map(traceparentOf)).toEqual([expected, expected])
    })
  )

  it.scopedLive("a 503 that outlasts the retries records the last status and every attempt", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => unavailable)
      const options = testOptions(server.url, { retry: { maxRetries: 2, baseDelay: "1 millis", maxDelay: "5 millis" } })
      const { exit, spans } = yield* withOtel(withTransport(options, (t) => t.call(getShift, { path: { label: "x" } })))
      expect(Exit.isFailure(exit)).toBe(true)
      const [span] = callSpans(spans)
      expect(span?.attributes).toMatchObject({
        "http.response.status_code": 503,
        "ofsc.attempts": 3,
        "error.type": "503"
      })
      expect(server.requests).toHaveLength(3)
    })
  )

  it.scopedLive("a refused connection: the span counts the attempts and the error names the host and port", () =>
    Effect.gen(function* () {
      // a port that was just free: nothing listens on it once the server is gone
      const port = yield* Effect.scoped(Effect.map(testServer(), (s) => portOf(s.url)))
      const url = `http://127.0.0.1:${port}`
      const options = testOptions(url, { retry: { maxRetries: 1, baseDelay: "1 millis", maxDelay: "5 millis" } })
      const { exit, spans } = yield* withOtel(withTransport(options, (t) => t.call(getShift, { path: { label: "x" } })))
      const error = Exit.isFailure(exit) ? exit.cause : undefined
      const failure = error?._tag === "Fail" ? error.error : undefined
      expect(failure).toBeInstanceOf(OfscTransportError)
      expect(failure?.message).toBe(`GET /rest/ofscMetadata/v1/shifts/x to 127.0.0.1:${port} failed: Connect`)
      const [span] = callSpans(spans)
      expect(span?.attributes).toMatchObject({
        "ofsc.attempts": 2,
        "error.type": "OfscTransportError",
        "server.port": port
      })
      expect(span?.attributes["http.response.status_code"]).toBeUndefined()
    })
  )

  it.scopedLive("the token request carries no traceparent (but the User-Agent); the API request it serves does", () =>
    Effect.gen(function* () {
      const server = yield* authServer()
      const options = testOptions(server.url, {
        credentials: { _tag: "ClientCredentials", clientId: "trace-cc", clientSecret: Redacted.make("cc-secret") }
      })
      const { exit, spans } = yield* withOtel(
        withTransport(options, (t) => t.call(getResource, { path: { resourceId: "33001" } }))
      )
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(server.tokenRequests()).toHaveLength(1)
      expect(server.tokenRequests()[0]?.headers.traceparent).toBeUndefined()
      expect(server.tokenRequests()[0]?.headers["user-agent"]).toBe(`@ofsc/core/${version}`)
      const [call] = callSpans(spans, "ofsc core.resources.get")
      expect(traceparentOf(server.apiRequests()[0])?.spanId).toBe(call?.spanContext().spanId)
      // the token span is a child of the call that needed the token
      const [token] = callSpans(spans, "ofsc.auth.token")
      expect(token?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId)
    })
  )

  it.scopedLive("HttpClient.currentTracerPropagation set to false keeps the span and drops the header", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => blue)
      const { spans } = yield* withOtel(
        withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } })).pipe(
          Effect.locally(HttpClient.currentTracerPropagation, false)
        )
      )
      expect(callSpans(spans)).toHaveLength(1)
      expect(server.requests[0]?.headers.traceparent).toBeUndefined()
    })
  )
})

describe("without a tracer", () => {
  it.scopedLive("Effect's built-in tracer exports nothing, so no trace header is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => blue)
      yield* withTransport(testOptions(server.url), (t) => t.call(getShift, { path: { label: "blue" } }))
      expect(server.requests[0]?.headers.traceparent).toBeUndefined()
      expect(server.requests[0]?.headers["user-agent"]).toBe(`@ofsc/core/${version}`)
    })
  )

  it.scopedLive("the User-Agent is the configured one when the config names one", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => blue)
      yield* withTransport(testOptions(server.url, { userAgent: "dispatch-sync/2.3 (acme)" }), (t) =>
        t.call(getShift, { path: { label: "blue" } })
      )
      expect(server.requests[0]?.headers["user-agent"]).toBe("dispatch-sync/2.3 (acme)")
    })
  )
})
