/**
 * The "attempt" stage: one request sent with one credential, within the attempt's deadline, its
 * answer read in full and checked (a non-2xx fails with the error it maps to), and logged at Debug.
 * An HttpClient that keeps the deadline itself (`AttemptDeadline.KeptByClient`) is handed it as a
 * service; any other is timed out from outside, at the cost of a fiber per attempt.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import { within } from "../AttemptDeadline.js"
import { withDeadline } from "../internal/deadline.js"
import type { OfscConfigShape } from "../OfscConfig.js"
import { type OfscError, type OfscRequestInfo, OfscTransportError } from "../OfscError.js"
import { errorFromTransport, failUnlessOk, serverOf } from "./mapErrors.js"

/** What came back from one attempt, read in full. */
export interface ReadResponse {
  readonly status: number
  readonly text: string
  readonly bytes: Uint8Array | undefined
  readonly retryAfter: string | undefined
}

/** One attempt of a call: the request, and what its errors name. */
export type Attempt = (
  request: HttpClientRequest.HttpClientRequest,
  info: OfscRequestInfo,
  wantBytes: boolean,
  authorization: Redacted.Redacted<string>,
  attemptNo: number
) => Effect.Effect<ReadResponse, OfscError>

const readResponse = (
  response: HttpClientResponse.HttpClientResponse,
  wantBytes: boolean
): Effect.Effect<ReadResponse, HttpClientError.ResponseError> => {
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

/**
 * The attempt stage over `client`; `keptByClient` says the client keeps the attempt deadline
 * itself (it was provided with `AttemptDeadline.KeptByClient`).
 */
export const makeAttempt = (client: HttpClient.HttpClient, config: OfscConfigShape, keptByClient: boolean): Attempt => {
  const millis = Duration.toMillis(config.attemptTimeout)
  const server = serverOf(config.baseUrl)
  const onTimeout = (info: OfscRequestInfo) => () => new OfscTransportError({ ...info, server, reason: "Timeout" })
  const deadline = within(millis)
  // our own span per call replaces a generic client's (and with it its trace propagation headers)
  const generic = client.pipe(HttpClient.withTracerDisabledWhen(() => true))
  const sendWithin = keptByClient
    ? (request: HttpClientRequest.HttpClientRequest, wantBytes: boolean, _info: OfscRequestInfo) =>
        Effect.flatMap(deadline(client.execute(request)), (response) => readResponse(response, wantBytes))
    : (request: HttpClientRequest.HttpClientRequest, wantBytes: boolean, info: OfscRequestInfo) =>
        withDeadline(
          Effect.flatMap(generic.execute(request), (response) => readResponse(response, wantBytes)),
          millis,
          onTimeout(info)
        )

  return (request, info, wantBytes, authorization, attemptNo) =>
    Effect.suspend(() => {
      const started = performance.now()
      const sent = sendWithin(
        HttpClientRequest.setHeader(request, "authorization", Redacted.value(authorization)),
        wantBytes,
        info
      )
      const checked = Effect.matchEffect(sent, {
        onFailure: (e) => Effect.fail(e._tag === "OfscTransportError" ? e : errorFromTransport(info, server, e)),
        onSuccess: (read) => failUnlessOk(info, read)
      })
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
}
