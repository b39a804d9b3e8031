/**
 * A per-attempt deadline an HttpClient can keep itself. The transport's generic deadline
 * (deadline.ts) forks a fiber per attempt to interrupt the call from outside, which measured as the
 * largest single cost of a GET (30-50 µs of 70 µs of transport work, tooling/bench scratch runs
 * with the network taken out). The undici client of OfscHttpClient keeps the deadline with one
 * timer and its abort handle instead; any other HttpClient gets the generic one.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Effect from "effect/Effect"

/** What a request is aborted with when its attempt runs out of time; the cause of the client's error. */
export class AttemptDeadlineExceeded extends Error {
  override readonly name = "AttemptDeadlineExceeded"
  constructor(readonly millis: number) {
    super(`the attempt took longer than ${millis} ms`)
  }
}

/** Whether a client error (or its cause) is an attempt that ran out of time. */
export const isDeadlineExceeded = (cause: unknown): cause is AttemptDeadlineExceeded =>
  cause instanceof AttemptDeadlineExceeded

/** Sends a request and reads nothing of the body yet; fails once `millis` pass before the body is read. */
export type ExecuteWithin = (
  request: HttpClientRequest.HttpClientRequest,
  millis: number
) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>

const executeWithinKey: unique symbol = Symbol.for("@ofsc/core/HttpClient/executeWithin")

/** Marks `client` as keeping deadlines itself with `executeWithin`; answers the client. */
export const withNativeDeadline = (
  client: HttpClient.HttpClient,
  executeWithin: ExecuteWithin
): HttpClient.HttpClient => Object.assign(client, { [executeWithinKey]: executeWithin })

/**
 * The client's own deadline-keeping send, when it has one. A client derived from it (mapRequest,
 * retry, ...) is a new object without the mark, and gets the generic deadline.
 */
export const nativeDeadlineOf = (client: HttpClient.HttpClient): ExecuteWithin | undefined =>
  (client as { readonly [executeWithinKey]?: ExecuteWithin })[executeWithinKey]
