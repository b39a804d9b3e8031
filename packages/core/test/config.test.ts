import { it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
import { OfscConfig, OfscConfigError, type OfscConfigOptions } from "../src/index.js"

const basic = { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret") } as const

/** Builds the config layer and answers the error it fails with. */
const failureOf = <R>(layer: Layer.Layer<OfscConfig, OfscConfigError, R>) =>
  Effect.flip(Effect.provide(OfscConfig, layer))

const build = (options: OfscConfigOptions) => failureOf(OfscConfig.layer(options))

const fromEnv = (entries: Record<string, string>) =>
  OfscConfig.layerFromEnv.pipe(
    Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries)))))
  )

describe("OfscConfig.layer", () => {
  it.live("fills in the defaults and derives the URL from the instance", () =>
    Effect.gen(function* () {
      const config = yield* Effect.provide(OfscConfig, OfscConfig.layer({ instance: "acme-test", credentials: basic }))
      expect(config.baseUrl).toBe("https://acme-test.fs.ocs.oraclecloud.com")
      expect(config.instance).toBe("acme-test")
      expect(config.concurrency).toBe(8)
      expect(Duration.toMillis(config.timeout)).toBe(30_000)
      expect(config.retry.maxRetries).toBe(3)
      expect(config.decodePolicy).toBe("fail")
    })
  )

  it.live("fails without an instance or a base URL, naming instance", () =>
    Effect.gen(function* () {
      const error = yield* build({ credentials: basic })
      expect(error).toBeInstanceOf(OfscConfigError)
      expect(error.key).toBe("instance")
      expect(error.message).toContain("instance")
    })
  )

  it.effect.each(["not a url", "ftp://acme.example.com", "//missing-scheme"])(
    "fails on base URL %j, naming baseUrl",
    (baseUrl) =>
      Effect.gen(function* () {
        const error = yield* build({ baseUrl, instance: "acme", credentials: basic })
        expect(error).toMatchObject({ _tag: "OfscConfigError", key: "baseUrl" })
      })
  )

  it.effect.each([0, -1, 2.5])("fails on concurrency %d, naming concurrency", (concurrency) =>
    Effect.gen(function* () {
      const error = yield* build({ instance: "acme", credentials: basic, concurrency })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "concurrency" })
    })
  )

  it.live("fails on a JWT key that is not PEM, naming privateKey and not printing the key", () =>
    Effect.gen(function* () {
      const error = yield* build({
        instance: "acme",
        credentials: {
          _tag: "JwtBearer",
          clientId: "app",
          applicationId: "dispatch_app",
          privateKey: Redacted.make("not-a-key-but-secret-anyway")
        }
      })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "privateKey" })
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain("not-a-key-but-secret-anyway")
    })
  )

  it.live("fails on Basic against a base URL that does not show the instance", () =>
    Effect.gen(function* () {
      const error = yield* build({ baseUrl: "http://127.0.0.1:9", credentials: basic })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "instance" })
    })
  )
})

describe("OfscConfig.layerFromEnv", () => {
  it.live("fails when OFSC_CLIENT_SECRET is missing, naming it", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(
        fromEnv({ OFSC_INSTANCE: "acme-test", OFSC_CLIENT_ID: "app", OFSC_AUTH: "client_credentials" })
      )
      expect(error).toBeInstanceOf(OfscConfigError)
      expect(error.key).toBe("OFSC_CLIENT_SECRET")
      expect(error.message).toContain("OFSC_CLIENT_SECRET")
    })
  )

  it.live("fails on a bad OFSC_CONCURRENCY, naming the variable", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(
        fromEnv({ OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "x", OFSC_CONCURRENCY: "0" })
      )
      expect(error.key).toBe("OFSC_CONCURRENCY")
    })
  )

  it.live("reads OFSC_DECODE_POLICY, and fails on a value other than fail or warn, naming it", () =>
    Effect.gen(function* () {
      const env = { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "x" }
      const config = yield* Effect.provide(OfscConfig, fromEnv({ ...env, OFSC_DECODE_POLICY: "warn" }))
      expect(config.decodePolicy).toBe("warn")
      const error = yield* failureOf(fromEnv({ ...env, OFSC_DECODE_POLICY: "ignore" }))
      expect(error.key).toBe("OFSC_DECODE_POLICY")
    })
  )

  it.live("builds the whole config from a full set of variables", () =>
    Effect.gen(function* () {
      const config = yield* Effect.provide(
        OfscConfig,
        fromEnv({
          OFSC_INSTANCE: "acme-test",
          OFSC_CLIENT_ID: "integration-app",
          OFSC_CLIENT_SECRET: "env-s3cret",
          OFSC_AUTH: "client_credentials",
          OFSC_TIMEOUT_MS: "5000",
          OFSC_MAX_RETRIES: "1",
          OFSC_CONCURRENCY: "4"
        })
      )
      expect(config.baseUrl).toBe("https://acme-test.fs.ocs.oraclecloud.com")
      expect(config.instance).toBe("acme-test")
      expect(config.credentials._tag).toBe("ClientCredentials")
      if (config.credentials._tag !== "ClientCredentials") return
      expect(config.credentials.clientId).toBe("integration-app")
      expect(Redacted.isRedacted(config.credentials.clientSecret)).toBe(true)
      expect(Redacted.value(config.credentials.clientSecret)).toBe("env-s3cret")
      expect(Duration.toMillis(config.timeout)).toBe(5000)
      expect(config.retry.maxRetries).toBe(1)
      expect(config.concurrency).toBe(4)
      expect(JSON.stringify(config)).not.toContain("env-s3cret")
    })
  )

  it.live("takes the instance from an Oracle base URL and defaults to Basic", () =>
    Effect.gen(function* () {
      const config = yield* Effect.provide(
        OfscConfig,
        fromEnv({
          OFSC_BASE_URL: "https://acme-prod.fs.ocs.oraclecloud.com/",
          OFSC_CLIENT_ID: "app",
          OFSC_CLIENT_SECRET: "s"
        })
      )
      expect(config.baseUrl).toBe("https://acme-prod.fs.ocs.oraclecloud.com")
      expect(config.instance).toBe("acme-prod")
      expect(config.credentials._tag).toBe("Basic")
    })
  )
})
