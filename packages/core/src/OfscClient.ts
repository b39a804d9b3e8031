/**
 * One layer for the common case: configuration, authentication and transport together, over the
 * HttpClient you provide (see docs/http-client.md for which one to pick).
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Layer from "effect/Layer"
import { OfscAuth } from "./OfscAuth.js"
import { OfscConfig, type OfscConfigOptions } from "./OfscConfig.js"
import type { OfscConfigError } from "./OfscError.js"
import { OfscTransport } from "./OfscTransport.js"

/** Auth and transport over a config layer of your own. */
export const fromConfig = <E, R>(
  config: Layer.Layer<OfscConfig, E, R>
): Layer.Layer<OfscTransport | OfscConfig | OfscAuth, E | OfscConfigError, R | HttpClient.HttpClient> => {
  const auth = Layer.provideMerge(OfscAuth.layer, config)
  return Layer.provideMerge(OfscTransport.layer, auth)
}

/** Config, auth and transport from explicit options. */
export const layer = (
  options: OfscConfigOptions
): Layer.Layer<OfscTransport | OfscConfig | OfscAuth, OfscConfigError, HttpClient.HttpClient> =>
  fromConfig(OfscConfig.layer(options))

/** Config, auth and transport from the `OFSC_*` environment variables. */
export const layerFromEnv: Layer.Layer<OfscTransport | OfscConfig | OfscAuth, OfscConfigError, HttpClient.HttpClient> =
  fromConfig(OfscConfig.layerFromEnv)
