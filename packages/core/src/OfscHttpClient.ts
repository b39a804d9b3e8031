/**
 * An @effect/platform `HttpClient` on undici, the fastest way to reach OFS from Node that we measured
 * (see docs/http-client.md). It needs only `undici`, not `@effect/platform-node` and the cluster, rpc
 * and sql packages that come with it. Any other HttpClient (fetch, node:http) works with the
 * transport too. undici itself is loaded when a layer here is built, not at import: a program that
 * uses another client never evaluates it, and a bundle of such a program leaves it out.
 *
 * `layer` is the default: the runtime's own `fetch`, with no dependency, so a program bundled the
 * ordinary way (esbuild, no externals) starts and stays small; `layerUndici` is the fast option
 * for bulk jobs on Node (docs/http-client.md has the figures and how to bundle it).
 */
import { Readable } from "node:stream"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import type { Agent, Dispatcher } from "undici"
import { AttemptDeadlineExceeded, currentMillis, type KeptByClient, layerKeptByClient } from "./AttemptDeadline.js"
import { AbortHandle } from "./internal/abortHandle.js"
import { UndiciResponse } from "./internal/undiciResponse.js"

/** What undici takes as a request body. */
type UndiciBody = Exclude<Dispatcher.RequestOptions["body"], undefined>

/** The body for undici, and the content type it implies when the request does not carry one. */
const requestBody = (
  body: HttpBody.HttpBody
): Effect.Effect<{ readonly body: UndiciBody; readonly contentType?: string | undefined }> => {
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ body: null })
    case "Uint8Array":
      return Effect.succeed({ body: body.body })
    case "Raw":
      return Effect.succeed({ body: body.body as UndiciBody })
    case "FormData":
      // undici's FormData class is not Node's global one: serialise it through the web Response
      return Effect.promise(async () => {
        const encoded = new Response(body.formData)
        return {
          body: new Uint8Array(await encoded.arrayBuffer()),
          contentType: encoded.headers.get("content-type") ?? undefined
        }
      })
    case "Stream":
      return Effect.succeed({ body: Readable.from(Stream.toAsyncIterable(Stream.orDie(body.stream))) })
  }
}

/**
 * Sends one request through `dispatcher`. With `deadlineMillis` above 0, one timer aborts the request
 * (and the reading of its body) when the time is up, failing with AttemptDeadlineExceeded as cause.
 */
const send = (
  dispatcher: Dispatcher,
  request: HttpClientRequest.HttpClientRequest,
  deadlineMillis: number
): Effect.Effect<UndiciResponse, HttpClientError.HttpClientError> => {
  const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
  if (url._tag === "Left") {
    return Effect.fail(new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: url.left }))
  }
  return Effect.flatMap(requestBody(request.body), ({ body, contentType }) =>
    Effect.async<UndiciResponse, HttpClientError.RequestError>((resume) => {
      // the handle aborts the request when the fiber is interrupted or the deadline passes
      const signal = new AbortHandle()
      const timer =
        deadlineMillis > 0
          ? setTimeout(() => signal.abort(new AttemptDeadlineExceeded(deadlineMillis)), deadlineMillis)
          : undefined
      const settled = timer === undefined ? undefined : () => clearTimeout(timer)
      dispatcher
        .request({
          origin: url.right.origin,
          path: url.right.pathname + url.right.search,
          method: request.method,
          headers: contentType === undefined ? request.headers : { ...request.headers, "content-type": contentType },
          body,
          signal
        })
        .then(
          (source) => resume(Effect.succeed(new UndiciResponse(request, source, settled))),
          (cause) => {
            settled?.()
            resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
          }
        )
      return Effect.sync(() => {
        settled?.()
        signal.abort(new Error("the request was interrupted"))
      })
    })
  )
}

/**
 * An HttpClient that sends every request through `dispatcher` (an undici Agent or Pool). It keeps
 * the transport's per-attempt deadline itself (`AttemptDeadline.currentMillis`: a timer and the
 * request's abort handle) rather than costing a fiber per attempt; provide
 * `AttemptDeadline.layerKeptByClient` beside it so the transport knows (the layers here do).
 */
export const make = (dispatcher: Dispatcher): HttpClient.HttpClient =>
  HttpClient.makeWith(
    (prepared: Effect.Effect<HttpClientRequest.HttpClientRequest>) =>
      Effect.flatMap(prepared, (request) =>
        Effect.withFiberRuntime<UndiciResponse, HttpClientError.HttpClientError>((fiber) =>
          send(dispatcher, request, fiber.getFiberRef(currentMillis))
        )
      ),
    Effect.succeed<HttpClientRequest.HttpClientRequest>
  )

/**
 * undici's module name, where bundlers do not read it: a bundled program leaves undici to
 * node_modules (it is CommonJS, which cannot `require` Node's modules inside an ESM bundle), and a
 * program that never builds `layerUndici` does not carry its 525 KB (bench:bundle).
 */
const undiciModule: string = "undici"

/**
 * The undici client with connection options of your own (keep-alive, pipelining, TLS), and the
 * `AttemptDeadline.KeptByClient` service that says it keeps the attempt deadline itself.
 */
export const layerUndiciWith = (options: Agent.Options): Layer.Layer<HttpClient.HttpClient | KeptByClient> =>
  Layer.merge(
    Layer.scoped(
      HttpClient.HttpClient,
      Effect.map(
        Effect.acquireRelease(
          Effect.promise(() => import(undiciModule) as Promise<typeof import("undici")>).pipe(
            Effect.map((undici) => new undici.Agent(options))
          ),
          (agent) => Effect.promise(() => agent.destroy())
        ),
        make
      )
    ),
    layerKeptByClient
  )

/** The undici client over its own connection pool, closed when the layer's scope ends. */
export const layerUndici: Layer.Layer<HttpClient.HttpClient | KeptByClient> = /* @__PURE__ */ layerUndiciWith({})

/**
 * The default client: the runtime's own `fetch` (@effect/platform's FetchHttpClient). Works on every
 * runtime and in any bundle; `layerUndici` is about twice as fast per call on Node, for bulk jobs.
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
