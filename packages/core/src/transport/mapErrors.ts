/**
 * The "map errors" stage: a non-2xx OFS answer, or a failure to get one, becomes one of the tagged
 * errors of OfscError.ts. The error body is read with `readErrorBody` (@ofsc/models).
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import { readErrorBody } from "@ofsc/models"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { isExceeded } from "../AttemptDeadline.js"
import {
  OfscAuthenticationError,
  OfscAuthorizationError,
  OfscBadRequest,
  OfscConflict,
  type OfscHttpError,
  OfscNotFound,
  OfscRateLimited,
  type OfscRequestInfo,
  OfscServerError,
  OfscTransportError
} from "../OfscError.js"

/** `Retry-After` as seconds or an HTTP date, relative to `now` (ms since the epoch). */
export const parseRetryAfter = (header: string | undefined, now: number): Option.Option<Duration.Duration> => {
  if (header === undefined || header.trim() === "") return Option.none()
  const value = header.trim()
  if (/^\d+(\.\d+)?$/.test(value)) return Option.some(Duration.seconds(Number(value)))
  const at = Date.parse(value)
  return Number.isNaN(at) ? Option.none() : Option.some(Duration.millis(Math.max(0, at - now)))
}

/** Maps a status and body to the error class a caller can catch by tag. */
export const errorFromResponse = (
  info: OfscRequestInfo,
  status: number,
  body: string,
  retryAfterHeader: string | undefined,
  now: number
): OfscHttpError => {
  const fields = { ...info, status, ...readErrorBody(body) }
  switch (status) {
    case 401:
      return new OfscAuthenticationError(fields)
    case 403:
      return new OfscAuthorizationError(fields)
    case 404:
      return new OfscNotFound(fields)
    case 409:
      return new OfscConflict(fields)
    case 429:
      return new OfscRateLimited({ ...fields, retryAfter: parseRetryAfter(retryAfterHeader, now) })
  }
  return status >= 500
    ? new OfscServerError({ ...fields, retryAfter: parseRetryAfter(retryAfterHeader, now) })
    : new OfscBadRequest(fields)
}

/** An answer read in full: itself when its status is 2xx, else the error its status and body map to. */
export const failUnlessOk = <
  A extends { readonly status: number; readonly text: string; readonly retryAfter?: string | undefined }
>(
  info: OfscRequestInfo,
  read: A
): Effect.Effect<A, OfscHttpError> =>
  read.status >= 200 && read.status < 300
    ? Effect.succeed(read)
    : Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.fail(errorFromResponse(info, read.status, read.text, read.retryAfter, now))
      )

/**
 * Where a base URL points, as a transport error names it: the host, and the port unless it is the
 * scheme's default. Never user info, path or query (the config keeps only origin and path anyway).
 */
export const serverOf = (baseUrl: string): string => new URL(baseUrl).host

const connectCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"])

/** The first error code (ECONNREFUSED, UND_ERR_SOCKET, ...) down a chain of causes. */
const errorCode = (cause: unknown): string | undefined => {
  let current = cause
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === "string") return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** The underlying message, without the request object (whose headers carry credentials). */
const errorMessage = (cause: unknown): string | undefined =>
  cause instanceof Error ? `${cause.name}: ${cause.message}` : undefined

/**
 * A transport failure. `Connect` means the request never left this machine, so any method may be
 * retried; `Network` means it may have reached OFS; `Timeout` that the attempt ran out of time (a
 * client that keeps the deadline itself fails with AttemptDeadlineExceeded as cause).
 */
export const errorFromTransport = (
  info: OfscRequestInfo,
  server: string,
  error: HttpClientError.HttpClientError
): OfscTransportError => {
  if (isExceeded(error.cause)) return new OfscTransportError({ ...info, server, reason: "Timeout" })
  const code = errorCode(error.cause)
  return new OfscTransportError({
    ...info,
    server,
    reason: code !== undefined && connectCodes.has(code) ? "Connect" : "Network",
    cause: [code, errorMessage(error.cause)].filter((part) => part !== undefined).join(" ") || error.reason
  })
}
