/**
 * An undici answer seen as an @effect/platform HttpClientResponse. The body is read at most once:
 * `text`, `json`, `arrayBuffer` and `formData` share one read (as text or as bytes, whichever is
 * asked first; bytes asked after text are the text re-encoded, so a body that was not valid UTF-8
 * comes back with U+FFFD where it was broken); `stream` hands out the raw body instead.
 */

import { StringDecoder } from "node:string_decoder"
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { Dispatcher } from "undici"

/**
 * The body decoded as UTF-8 chunk by chunk (a character split across chunks stays whole). No buffer
 * the size of the body is made: with undici's `arrayBuffer()` that buffer per answer grew the
 * external memory of a 100,000-activity stream by 20-40 MB before a full GC freed them, the largest
 * part of its peak RSS above the heap (tooling/bench/README.md, "Stream memory").
 */
const readUtf8 = async (body: AsyncIterable<Buffer>): Promise<string> => {
  const decoder = new StringDecoder("utf8")
  let text = ""
  for await (const chunk of body) text += decoder.write(chunk)
  return text + decoder.end()
}

/** A response from undici's `request`, with a lazily buffered body. */
export class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  /** The body as first read: text for `text` and `json`, bytes for `arrayBuffer` and `formData`. */
  private read: Promise<Buffer | string> | undefined
  private parsedHeaders: Headers.Headers | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: Dispatcher.ResponseData,
    /** Called once the body has been read (or failed to be): the end of the attempt's deadline. */
    private readonly bodySettled?: (() => void) | undefined
  ) {
    super()
    // a body nobody reads must not crash the process when its socket fails
    source.body.on("error", () => {})
  }

  get status(): number {
    return this.source.statusCode
  }

  get headers(): Headers.Headers {
    this.parsedHeaders ??= Headers.fromInput(this.source.headers as Record<string, string | ReadonlyArray<string>>)
    return this.parsedHeaders
  }

  get cookies(): Cookies.Cookies {
    const setCookie = this.source.headers["set-cookie"]
    if (setCookie === undefined) return Cookies.empty
    return Cookies.fromSetCookie(Array.isArray(setCookie) ? setCookie : [setCookie])
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  private decodeError(cause: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  private readOnce(as: "text" | "bytes"): Promise<Buffer | string> {
    if (this.read === undefined) {
      const body = this.source.body
      const read = as === "text" ? readUtf8(body) : body.arrayBuffer().then((ab) => Buffer.from(ab))
      this.read = this.bodySettled === undefined ? read : read.finally(this.bodySettled)
    }
    return this.read
  }

  private readAll(): Promise<Buffer> {
    return this.readOnce("bytes").then((body) => (typeof body === "string" ? Buffer.from(body, "utf8") : body))
  }

  private readText(): Promise<string> {
    return this.readOnce("text").then((body) => (typeof body === "string" ? body : body.toString("utf8")))
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => this.readAll().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => this.readText(),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({ try: () => (text === "" ? null : (JSON.parse(text) as unknown)), catch: (c) => this.decodeError(c) })
    )
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.map(this.text, (text) => UrlParams.fromInput(new URLSearchParams(text)))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () =>
        this.readAll().then((b) =>
          new Response(b, { headers: { "content-type": String(this.source.headers["content-type"] ?? "") } }).formData()
        ),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    const stream = Stream.fromAsyncIterable(this.source.body as AsyncIterable<Uint8Array>, (cause) =>
      this.decodeError(cause)
    )
    return this.bodySettled === undefined ? stream : Stream.ensuring(stream, Effect.sync(this.bodySettled))
  }

  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", request: this.request.toJSON(), status: this.status }
  }
}
