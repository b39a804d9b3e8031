/**
 * An undici answer seen as an @effect/platform HttpClientResponse. The body is read at most once:
 * `text`, `json` and `arrayBuffer` share one buffered read; `stream` hands out the raw body instead.
 */
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

/** A response from undici's `request`, with a lazily buffered body. */
export class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  private buffered: Promise<Buffer> | undefined
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

  private readAll(): Promise<Buffer> {
    if (this.buffered === undefined) {
      const read = this.source.body.arrayBuffer().then((ab) => Buffer.from(ab))
      this.buffered = this.bodySettled === undefined ? read : read.finally(this.bodySettled)
    }
    return this.buffered
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => this.readAll().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => this.readAll().then((b) => b.toString("utf8")),
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
