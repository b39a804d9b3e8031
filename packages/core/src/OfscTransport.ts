/**
 * The one place where HTTP happens. `call(op, input)` checks the input, sends the request with
 * credentials, retries what is safe to retry, bounds concurrency, times out, logs, traces, maps OFS
 * error bodies to tagged errors and decodes the answer with the operation's schema.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as LogLevel from "effect/LogLevel"
import type * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import { nativeDeadlineOf } from "./internal/attemptDeadline.js"
import { makeCallTracing, type OutcomeRecorder } from "./internal/callTracing.js"
import { withDeadline } from "./internal/deadline.js"
import { applyDecodePolicy, decodeUntyped, notJson, notJsonError, parseAnswer } from "./internal/decodePolicy.js"
import { errorFromResponse, errorFromTransport, serverOf } from "./internal/errorMapping.js"
import { Permits } from "./internal/permits.js"
import { toWireRequest, type WireBody, type WireRequest } from "./internal/requestInput.js"
import { isRetryable, retriesNothing, retrySchedule } from "./internal/retry.js"
import { issuesOf } from "./internal/schemaIssues.js"
import { OfscAuth, type OfscAuthShape } from "./OfscAuth.js"
import { OfscConfig, type OfscConfigShape } from "./OfscConfig.js"
import { OfscDecodeError, type OfscError, type OfscRequestInfo, OfscTransportError } from "./OfscError.js"
import {
  type AnyOperation,
  type HttpMethod,
  isIdempotent,
  make as makeOperation,
  type Operation,
  type OperationArgs
} from "./Operation.js"

/** Options of the raw escape hatch: query pairs and a JSON body. */
export interface RawCallOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number>>> | undefined
  readonly body?: unknown
  /** Treat a POST or PATCH as safe to retry. */
  readonly retrySafe?: boolean | undefined
}

/** The transport service. */
export interface OfscTransportShape {
  /**
   * Calls the operation's `METHOD path` (auth, retries and concurrency bound included) and answers
   * its decoded success value; fails with OfscInvalidInput when the input breaks the operation's
   * schema (nothing sent), with the OfscError OFS's answer maps to, or with OfscDecodeError.
   */
  readonly call: <P, Q, B, A>(
    op: Operation<P, Q, B, A>,
    ...args: OperationArgs<Operation<P, Q, B, A>>
  ) => Effect.Effect<A, OfscError>
  /**
   * Calls a path the tables do not know yet (a newer OFS release) with the same credentials,
   * retries, logging and error mapping. Answers the parsed JSON, or undefined for an empty answer;
   * fails with OfscInvalidInput (nothing sent) or the OfscError OFS's answer maps to.
   */
  readonly raw: (method: HttpMethod, path: string, options?: RawCallOptions) => Effect.Effect<unknown, OfscError>
}

/**
 * Sends a request and reads its answer with `read`, all within the attempt's deadline; a client that
 * keeps the deadline itself fails with AttemptDeadlineExceeded as cause, the generic one with `onTimeout()`.
 */
type SendWithin = (
  request: HttpClientRequest.HttpClientRequest,
  read: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<ReadResponse, HttpClientError.ResponseError>,
  onTimeout: () => OfscTransportError
) => Effect.Effect<ReadResponse, HttpClientError.HttpClientError | OfscTransportError>

/** What came back from one attempt, read in full. */
interface ReadResponse {
  readonly status: number
  readonly text: string
  readonly bytes: Uint8Array | undefined
  readonly retryAfter: string | undefined
}

type Decoder = (u: unknown) => Either.Either<unknown, ParseResult.ParseError>

const decoders = new WeakMap<Schema.Schema<unknown, unknown>, Decoder>()
const typeSideDecoders = new WeakMap<Schema.Schema<unknown, unknown>, Decoder>()

/**
 * The decoder of a success schema, built once. Decoding keeps keys the schema does not know:
 * custom properties and fields newer than the spec. For schemas marked `nullsAsAbsent` (nulls
 * already dropped while parsing) the type side alone is checked: the same value, without running a
 * transformation per optional field.
 */
const decoderFor = (schema: Schema.Schema<unknown, unknown>, typeSide: boolean): Decoder => {
  const cache = typeSide ? typeSideDecoders : decoders
  let decode = cache.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(typeSide ? Schema.typeSchema(schema) : schema, {
      errors: "all",
      onExcessProperty: "preserve"
    })
    cache.set(schema, decode)
  }
  return decode
}

/** The headers every request of a client carries, set once per client rather than once per call. */
const requestTemplates = (config: OfscConfigShape) => {
  const base = HttpClientRequest.get("").pipe(HttpClientRequest.setHeader("user-agent", config.userAgent))
  return {
    json: HttpClientRequest.acceptJson(base),
    bytes: HttpClientRequest.accept(base, "application/octet-stream")
  }
}

const toRequest = (
  templates: ReturnType<typeof requestTemplates>,
  config: OfscConfigShape,
  op: AnyOperation,
  wire: WireRequest
): HttpClientRequest.HttpClientRequest => {
  const request = HttpClientRequest.modify(op.success.kind === "bytes" ? templates.bytes : templates.json, {
    method: op.method,
    url: config.baseUrl + wire.path,
    urlParams: wire.query
  })
  return withBody(request, wire.body)
}

const withBody = (
  request: HttpClientRequest.HttpClientRequest,
  body: WireBody
): HttpClientRequest.HttpClientRequest => {
  switch (body.kind) {
    case "none":
      return request
    case "json":
      return HttpClientRequest.bodyText(request, body.text, "application/json")
    case "form":
      return HttpClientRequest.bodyUrlParams(request, body.fields)
    case "bytes": {
      const withBytes = HttpClientRequest.bodyUint8Array(request, body.data, body.contentType)
      return body.disposition === undefined
        ? withBytes
        : HttpClientRequest.setHeader(withBytes, "content-disposition", body.disposition)
    }
  }
}

const readResponse = (response: HttpClientResponse.HttpClientResponse, wantBytes: boolean) => {
  const ok = response.status >= 200 && response.status < 300
  // building the headers object costs on every call; only errors need Retry-After
  const retryAfter = ok ? undefined : response.headers["retry-after"]
  return wantBytes && ok
    ? Effect.map(
        response.arrayBuffer,
        (buffer): ReadResponse => ({ status: response.status, text: "", bytes: new Uint8Array(buffer), retryAfter })
      )
    : Effect.map(
        response.text,
        (text): ReadResponse => ({ status: response.status, text, bytes: undefined, retryAfter })
      )
}

/** A JSON.parse reviver that leaves out `null` values, as the lenient models read them (absent). */
const dropNulls = (_key: string, value: unknown): unknown => (value === null ? undefined : value)

/** What a compiled decoder (see `ResponseBodySpec.decoder`) answers for JSON its model refuses. */
const invalidAnswer = Symbol.for("@ofsc/models/invalid")

/** Plain JSON.parse and one pass of the compiled decoder; `invalidAnswer` for text that is not JSON too. */
const decodeCompiled = (compiled: (json: unknown) => unknown, text: string): unknown => {
  let json: unknown
  try {
    json = text === "" ? undefined : JSON.parse(text)
  } catch {
    return invalidAnswer
  }
  return compiled(json)
}

/**
 * The schema's decode, as before compiled decoders: the only path for hand-written descriptors, and
 * the one that says why an answer a compiled decoder refused does not match (the same issues).
 */
const decodeWithSchema = (
  op: AnyOperation,
  path: string,
  read: ReadResponse
): Effect.Effect<unknown, OfscDecodeError> => {
  const success = op.success as Extract<AnyOperation["success"], { readonly kind: "json" }>
  const info = { operation: op.id, method: op.method, path, status: read.status }
  const fast = success.nullsAsAbsent === true
  const json = parseAnswer(read.text, fast ? dropNulls : undefined)
  if (json === notJson) return Effect.fail(notJsonError(info, read.text))
  const result = decoderFor(success.schema, fast)(json)
  if (Either.isRight(result)) return Effect.succeed(result.right)
  // the error keeps the answer as sent: parsed again, with the nulls the fast path dropped
  const body = fast ? parseAnswer(read.text) : json
  return Effect.fail(new OfscDecodeError({ ...info, issues: issuesOf(result.left), body }))
}

/** Effect's built-in tracer keeps spans in memory only; with it installed, a span per call is pure cost. */
let builtInTracer: Tracer.Tracer | undefined
const isBuiltInTracer = (tracer: Tracer.Tracer): boolean => {
  builtInTracer ??= Effect.runSync(Effect.tracer)
  return tracer === builtInTracer
}

/** Runs `log` after `self` only when Debug logging is on, so a quiet client pays nothing for it. */
const logWhenDebug = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  log: (exit: Exit.Exit<A, E>) => Effect.Effect<void>
): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) =>
    LogLevel.greaterThan(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)
      ? self
      : Effect.onExit(self, log)
  )

/** Builds the transport from the config, auth and an HttpClient. */
export const make: Effect.Effect<OfscTransportShape, never, OfscConfig | OfscAuth | HttpClient.HttpClient> = Effect.gen(
  function* () {
    const config = yield* OfscConfig
    const auth: OfscAuthShape = yield* OfscAuth
    const provided = yield* HttpClient.HttpClient
    // our own span per call replaces the client's (and with it the trace propagation headers)
    const client = provided.pipe(HttpClient.withTracerDisabledWhen(() => true))
    const permits = new Permits(config.concurrency)
    const timeoutMillis = Duration.toMillis(config.attemptTimeout)
    // OfscHttpClient's own clients keep the deadline with a timer; any other gets a fiber per attempt
    const executeWithin = nativeDeadlineOf(provided)
    const sendWithin: SendWithin =
      executeWithin === undefined
        ? (request, read, onTimeout) =>
            withDeadline(Effect.flatMap(client.execute(request), read), timeoutMillis, onTimeout)
        : (request, read) => Effect.flatMap(executeWithin(request, timeoutMillis), read)
    const templates = requestTemplates(config)
    const server = serverOf(config.baseUrl)
    const { traced } = makeCallTracing(config.baseUrl)
    // the token service retries on its own: its failures are not retried again by the call
    const authFailures = new WeakSet<object>()
    const fromAuth = <A>(effect: Effect.Effect<A, OfscError>) =>
      Effect.tapError(effect, (error) => Effect.sync(() => authFailures.add(error)))
    const credential = fromAuth(auth.authorization)
    const notFromAuth = Schedule.whileInput((error: OfscError) => !authFailures.has(error))
    const schedules = {
      idempotent: retrySchedule<OfscError>(config.retry, true).pipe(notFromAuth),
      other: retrySchedule<OfscError>(config.retry, false).pipe(notFromAuth)
    }

    /** One attempt with one credential: bounded, timed out, logged. */
    const attempt = (
      request: HttpClientRequest.HttpClientRequest,
      info: OfscRequestInfo,
      wantBytes: boolean,
      authorization: Redacted.Redacted<string>,
      attemptNo: number
    ): Effect.Effect<ReadResponse, OfscError> =>
      Effect.suspend(() => {
        const started = performance.now()
        const sent = sendWithin(
          HttpClientRequest.setHeader(request, "authorization", Redacted.value(authorization)),
          (response) => readResponse(response, wantBytes),
          () => new OfscTransportError({ ...info, server, reason: "Timeout" })
        )
        const checked = Effect.flatMap(
          Effect.mapError(sent, (e) => (e._tag === "OfscTransportError" ? e : errorFromTransport(info, server, e))),
          (read) =>
            read.status >= 200 && read.status < 300
              ? Effect.succeed(read)
              : Effect.flatMap(Clock.currentTimeMillis, (now) =>
                  Effect.fail(errorFromResponse(info, read.status, read.text, read.retryAfter, now))
                )
        )
        return logWhenDebug(checked, (exit) =>
          Effect.logDebug("ofsc request").pipe(
            Effect.annotateLogs({
              method: info.method,
              path: info.path,
              status:
                exit._tag === "Success"
                  ? exit.value.status
                  : exit.cause._tag === "Fail" && "status" in exit.cause.error
                    ? exit.cause.error.status
                    : "none",
              durationMs: Math.round((performance.now() - started) * 100) / 100,
              attempt: attemptNo
            })
          )
        )
      })

    /** The permits a call of `op` holds while it runs: its own OFS limit first, then the client's. */
    const operationPermits = new Map<string, Permits>()
    const bounded = (op: AnyOperation) => {
      const limit = config.operationConcurrency[op.id] ?? op.concurrencyLimit
      if (limit === undefined || limit >= config.concurrency) {
        return <A, E, R>(self: Effect.Effect<A, E, R>) => permits.withPermit(self)
      }
      let own = operationPermits.get(op.id)
      if (own === undefined) {
        own = new Permits(limit)
        operationPermits.set(op.id, own)
      }
      const operation = own
      return <A, E, R>(self: Effect.Effect<A, E, R>) => operation.withPermit(permits.withPermit(self))
    }

    const execute = (op: AnyOperation, wire: WireRequest): Effect.Effect<ReadResponse, OfscError> => {
      const info: OfscRequestInfo = { operation: op.id, method: op.method, path: wire.path }
      const request = toRequest(templates, config, op, wire)
      const wantBytes = op.success.kind === "bytes"
      const idempotent = isIdempotent(op)
      const schedule = idempotent ? schedules.idempotent : schedules.other
      const withPermit = bounded(op)
      const send = (request: HttpClientRequest.HttpClientRequest, record?: OutcomeRecorder<ReadResponse>) =>
        Effect.suspend(() => {
          let attempts = 0
          // the credential is taken once a permit is held, so a call queued behind others never
          // carries a token that expired while it waited; a 401 earns one refresh and one more try
          const once = withPermit(
            Effect.flatMap(credential, (authorization) =>
              attempt(request, info, wantBytes, authorization, ++attempts).pipe(
                Effect.catchTag("OfscAuthenticationError", (error) =>
                  Effect.flatMap(fromAuth(auth.refreshAfterRejection(authorization)), (refreshed) =>
                    refreshed
                      ? Effect.flatMap(credential, (fresh) => attempt(request, info, wantBytes, fresh, ++attempts))
                      : Effect.fail(error)
                  )
                )
              )
            )
          )
          // the retry machinery is entered only after a first failure that is worth retrying
          const retried = retriesNothing(config.retry)
            ? once
            : Effect.catchAll(once, (first) =>
                isRetryable(first, idempotent) && !authFailures.has(first)
                  ? Effect.retry(replayFirst(first, once), schedule)
                  : Effect.fail(first)
              )
          return record === undefined ? retried : Effect.onExit(retried, (exit) => record(exit, attempts))
        })
      // with Effect's built-in tracer nobody reads spans: no span, no trace header
      return Effect.tracerWith((tracer) =>
        isBuiltInTracer(tracer) ? send(request) : traced(op, wire.path, request, send)
      )
    }

    const decode = (op: AnyOperation, path: string, read: ReadResponse): Effect.Effect<unknown, OfscDecodeError> => {
      switch (op.success.kind) {
        case "empty":
          return Effect.void
        case "untyped":
          return decodeUntyped({ operation: op.id, method: op.method, path, status: read.status }, read.text)
        case "bytes":
          return Effect.succeed(read.bytes ?? new Uint8Array())
        case "json": {
          const compiled = op.success.decoder?.()
          if (compiled !== undefined) {
            const value = decodeCompiled(compiled, read.text)
            if (value !== invalidAnswer) return Effect.succeed(value)
          }
          const decoded = decodeWithSchema(op, path, read)
          return config.decodePolicy === "fail" ? decoded : Effect.catchAll(decoded, applyDecodePolicy("warn"))
        }
      }
    }

    const callAny = (op: AnyOperation, input: unknown): Effect.Effect<unknown, OfscError> =>
      Either.match(toWireRequest(op, input), {
        onLeft: Effect.fail,
        onRight: (wire) => Effect.flatMap(execute(op, wire), (read) => decode(op, wire.path, read))
      })

    const call = <P, Q, B, A>(op: Operation<P, Q, B, A>, ...args: OperationArgs<Operation<P, Q, B, A>>) =>
      callAny(op, args[0]) as Effect.Effect<A, OfscError>

    const raw = (method: HttpMethod, path: string, options?: RawCallOptions): Effect.Effect<unknown, OfscError> =>
      callAny(rawOperation(method, path, options?.body !== undefined, options?.retrySafe ?? false), {
        query: options?.query,
        body: options?.body
      })

    return { call, raw }
  }
)

/** Fails with `first` on its first run and runs `effect` after that, so a schedule sees the failure that started it. */
const replayFirst = <A, E, R>(first: E, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
  let replayed = false
  return Effect.suspend(() => {
    if (replayed) return effect
    replayed = true
    return Effect.fail(first)
  })
}

const RawQuery = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** A throwaway descriptor for the escape hatch; the path is used as given. */
const rawOperation = (method: HttpMethod, path: string, hasBody: boolean, retrySafe: boolean): AnyOperation =>
  makeOperation({
    id: "raw",
    method,
    path: path.startsWith("/") ? path : `/${path}`,
    query: RawQuery,
    body: hasBody ? { kind: "json", schema: Schema.Unknown } : { kind: "none" },
    success: { kind: "json", schema: Schema.Unknown },
    retrySafe
  })

/** The transport service. */
export class OfscTransport extends Context.Tag("@ofsc/core/OfscTransport")<OfscTransport, OfscTransportShape>() {
  /** The transport over the config, auth and HttpClient in the context. */
  static layer: Layer.Layer<OfscTransport, never, OfscConfig | OfscAuth | HttpClient.HttpClient> = Layer.effect(
    OfscTransport,
    make
  )
}
