/** Turns a non-2xx OFS answer, or a failure to get one, into the tagged errors of OfscError.ts. */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
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
import { isDeadlineExceeded } from "./attemptDeadline.js"

const text = (u: unknown): string | undefined => (typeof u === "string" && u.length > 0 ? u : undefined)

/** Reads `type`, `title` and `detail` from an OFS error body; a non-JSON body yields its first line as title. */
export const parseErrorBody = (
  body: string
): {
  readonly type?: string | undefined
  readonly title?: string | undefined
  readonly detail?: string | undefined
} => {
  try {
    const json: unknown = JSON.parse(body)
    if (json !== null && typeof json === "object") {
      const o = json as Record<string, unknown>
      return { type: text(o.type), title: text(o.title), detail: text(o.detail) }
    }
  } catch {
    // not JSON: an HTML gateway page or plain text
  }
  const firstLine = body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200)
  return { title: text(firstLine) }
}

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
  const fields = { ...info, status, ...parseErrorBody(body) }
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
  if (isDeadlineExceeded(error.cause)) return new OfscTransportError({ ...info, server, reason: "Timeout" })
  const code = errorCode(error.cause)
  return new OfscTransportError({
    ...info,
    server,
    reason: code !== undefined && connectCodes.has(code) ? "Connect" : "Network",
    cause: [code, errorMessage(error.cause)].filter((part) => part !== undefined).join(" ") || error.reason
  })
}
