/** Builds a transport against a test server, with the undici HttpClient @ofsc/core ships. */
import { Effect, Layer, Redacted } from "effect"
import { OfscClient, type OfscConfigOptions, OfscHttpClient, OfscTransport } from "../../src/index.js"

/** Options for tests: Basic credentials for instance `test`, fast retries. */
export const testOptions = (url: string, overrides: Partial<OfscConfigOptions> = {}): OfscConfigOptions => ({
  baseUrl: url,
  instance: "test",
  credentials: { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret-basic") },
  retry: { maxRetries: 3, baseDelay: "5 millis", maxDelay: "50 millis" },
  timeout: "2 seconds",
  ...overrides
})

/** The client layer, over undici. */
export const clientLayer = (options: OfscConfigOptions) =>
  OfscClient.layer(options).pipe(Layer.provide(OfscHttpClient.layerUndici))

/** Runs `f` with a transport built from `options`. */
export const withTransport = <A, E>(
  options: OfscConfigOptions,
  f: (transport: OfscTransport["Type"]) => Effect.Effect<A, E>
) => Effect.flatMap(OfscTransport, f).pipe(Effect.provide(clientLayer(options)))
