/**
 * The "trace" stage. What a call tells a real tracer: one client span per call (retries included), named and
 * attributed after OpenTelemetry's HTTP client conventions, and the W3C `traceparent` header on the
 * request so OFS's own logs join the trace. Only the path goes into the span: never the query
 * (which may hold search terms) nor any header (the Authorization one).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import type * as Tracer from "effect/Tracer"
import type { OfscError } from "../OfscError.js"
import type { AnyOperation } from "../Operation.js"

/** The outcome of a call as its span records it: the last status, if any answer came. */
interface Answered {
  readonly status: number
}

/** Records on the call's span what the call came to, given its exit and how many attempts it made. */
export type OutcomeRecorder<A> = (exit: Exit.Exit<A, OfscError>, attempts: number) => Effect.Effect<void>

/** Effect's built-in tracer keeps spans in memory only; with it installed, a span per call is pure cost. */
let builtInTracer: Tracer.Tracer | undefined
const isBuiltInTracer = (tracer: Tracer.Tracer): boolean => {
  builtInTracer ??= Effect.runSync(Effect.tracer)
  return tracer === builtInTracer
}

/** Sends a call's request (retries included), telling the recorder, when given one, what it came to. */
export type TracedSend<A> = (
  request: HttpClientRequest.HttpClientRequest,
  record?: OutcomeRecorder<A>
) => Effect.Effect<A, OfscError>

/**
 * Spans for the calls of one client; the server attributes are worked out once, here. With Effect's
 * built-in tracer installed nobody reads spans: then a call runs without one (and without trace headers).
 */
export const makeTrace = (baseUrl: string) => {
  const url = new URL(baseUrl)
  // URL leaves the port empty when it is the scheme's default: then the convention leaves it out
  const server: Record<string, string | number> =
    url.port === "" ? { "server.address": url.hostname } : { "server.address": url.hostname, "server.port": +url.port }

  /** Adds what the call came to: the attempt count, and the status code (or the error's kind) on failure too. */
  const recordOutcome = (span: Tracer.Span, exit: Exit.Exit<Answered, OfscError>, attempts: number) =>
    Effect.sync(() => {
      span.attribute("ofsc.attempts", attempts)
      if (exit._tag === "Success") return span.attribute("http.response.status_code", exit.value.status)
      const error = exit.cause._tag === "Fail" ? exit.cause.error : undefined
      const status = error !== undefined && "status" in error ? error.status : undefined
      if (status !== undefined) span.attribute("http.response.status_code", status)
      span.attribute("error.type", status !== undefined ? String(status) : (error?._tag ?? "interrupted"))
    })

  /**
   * Runs `send` inside the call's span, with the request it should send: the same one plus
   * `traceparent` (and `b3`), unless propagation is off (`HttpClient.currentTracerPropagation`).
   * `send` reports its outcome through the recorder it is given.
   */
  const traced = <A extends Answered>(
    op: AnyOperation,
    path: string,
    request: HttpClientRequest.HttpClientRequest,
    send: TracedSend<A>
  ): Effect.Effect<A, OfscError> =>
    Effect.useSpan(
      `ofsc ${op.id}`,
      {
        kind: "client",
        captureStackTrace: false,
        attributes: { "http.request.method": op.method, "url.path": path, "ofsc.operation": op.id, ...server }
      },
      (span) =>
        Effect.withFiberRuntime<A, OfscError>((fiber) => {
          const propagated = fiber.getFiberRef(HttpClient.currentTracerPropagation)
            ? HttpClientRequest.setHeaders(request, HttpTraceContext.toHeaders(span))
            : request
          return Effect.withParentSpan(
            send(propagated, (exit, attempts) => recordOutcome(span, exit, attempts)),
            span
          )
        })
    )

  return <A extends Answered>(
    op: AnyOperation,
    path: string,
    request: HttpClientRequest.HttpClientRequest,
    send: TracedSend<A>
  ): Effect.Effect<A, OfscError> =>
    Effect.tracerWith((tracer) => (isBuiltInTracer(tracer) ? send(request) : traced(op, path, request, send)))
}
