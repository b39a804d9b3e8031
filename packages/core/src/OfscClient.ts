/**
 * One layer for the common case: configuration, authentication and transport together, over the
 * HttpClient you provide (see docs/http-client.md for which one to pick), optionally transformed.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { OfscAuth } from "./OfscAuth.js"
import { OfscConfig, type OfscConfigOptions } from "./OfscConfig.js"
import type { OfscConfigError } from "./OfscError.js"
import { OfscTransport } from "./OfscTransport.js"

/**
 * A function over the HttpClient every request goes through, token requests included: add headers,
 * a proxy, your own instrumentation. Derive the client from the one given (`mapRequest`,
 * `tapRequest`, `transformResponse`, ...): the attempt deadline stays with it.
 *
 * @example
 * const transformClient: TransformClient = HttpClient.mapRequest(HttpClientRequest.setHeader("x-tenant", "acme"))
 */
export type TransformClient = (client: HttpClient.HttpClient) => HttpClient.HttpClient

/** What the client takes besides its configuration. */
export interface OfscClientExtras {
  /** Applied once to the HttpClient provided, before auth and transport use it. */
  readonly transformClient?: TransformClient | undefined
}

/** The options of `layer`: the configuration (OfscConfigOptions) and the client's extras. */
export type OfscClientOptions = OfscConfigOptions & OfscClientExtras

/**
 * The HttpClient in the context, transformed by `f`, for layers composed by hand.
 *
 * @example
 * OfscTransport.layer.pipe(Layer.provide(OfscClient.transformedClient(HttpClient.tapRequest(Effect.logDebug))))
 */
export const transformedClient = (
  f: TransformClient
): Layer.Layer<HttpClient.HttpClient, never, HttpClient.HttpClient> =>
  Layer.effect(HttpClient.HttpClient, Effect.map(HttpClient.HttpClient, f))

/** Auth and transport over a config layer of your own (and the HttpClient transformed, when asked). */
export const fromConfig = <E, R>(
  config: Layer.Layer<OfscConfig, E, R>,
  extras: OfscClientExtras = {}
): Layer.Layer<OfscTransport | OfscConfig | OfscAuth, E | OfscConfigError, R | HttpClient.HttpClient> => {
  const auth = Layer.provideMerge(OfscAuth.layer, config)
  const client = Layer.provideMerge(OfscTransport.layer, auth)
  return extras.transformClient === undefined
    ? client
    : Layer.provide(client, transformedClient(extras.transformClient))
}

/** Config, auth and transport from explicit options. */
export const layer = (
  options: OfscClientOptions
): Layer.Layer<OfscTransport | OfscConfig | OfscAuth, OfscConfigError, HttpClient.HttpClient> => {
  const { transformClient, ...config } = options
  return fromConfig(OfscConfig.layer(config), { transformClient })
}

/** Config, auth and transport from the `OFSC_*` environment variables. */
export const layerFromEnv: Layer.Layer<OfscTransport | OfscConfig | OfscAuth, OfscConfigError, HttpClient.HttpClient> =
  fromConfig(OfscConfig.layerFromEnv)
