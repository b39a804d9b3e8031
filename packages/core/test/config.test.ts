import { it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
import { OfscConfig, OfscConfigError, type OfscConfigOptions, resolveFromEnv } from "../src/index.js"

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
      expect(Duration.toMinutes(config.retry.rateLimitWait)).toBe(5)
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

describe("the 429 budget (retry.rateLimitWait)", () => {
  const base = { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "s" }
  const resolved = (options: Partial<OfscConfigOptions>) =>
    Effect.provide(OfscConfig, OfscConfig.layer({ instance: "acme", credentials: basic, ...options }))

  it.live("is an option; retry: false turns it off with the fault retries", () =>
    Effect.gen(function* () {
      const set = yield* resolved({ retry: { rateLimitWait: "90 seconds" } })
      expect([set.retry.maxRetries, Duration.toSeconds(set.retry.rateLimitWait)]).toEqual([3, 90])
      const off = yield* resolved({ retry: false })
      expect([off.retry.maxRetries, Duration.toMillis(off.retry.rateLimitWait)]).toEqual([0, 0])
      const faultsOff = yield* resolved({ retry: { maxRetries: 0 } })
      expect(Duration.toMinutes(faultsOff.retry.rateLimitWait)).toBe(5)
    })
  )

  it.live("is read from OFSC_RATE_LIMIT_WAIT_MS, which a bad value names", () =>
    Effect.gen(function* () {
      const config = yield* Effect.provide(OfscConfig, fromEnv({ ...base, OFSC_RATE_LIMIT_WAIT_MS: "60000" }))
      expect([config.retry.maxRetries, Duration.toMillis(config.retry.rateLimitWait)]).toEqual([3, 60_000])
      const error = yield* failureOf(fromEnv({ ...base, OFSC_RATE_LIMIT_WAIT_MS: "soon" }))
      expect(error.key).toBe("OFSC_RATE_LIMIT_WAIT_MS")
    })
  )

  it.live("an override of one retry setting keeps the environment's others", () =>
    Effect.gen(function* () {
      const env = { ...base, OFSC_RATE_LIMIT_WAIT_MS: "1000", OFSC_MAX_RETRIES: "1" }
      const config = yield* Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))(
        resolveFromEnv({ retry: { maxRetries: 5, rateLimitWait: undefined } })
      )
      expect([config.retry.maxRetries, Duration.toMillis(config.retry.rateLimitWait)]).toEqual([5, 1000])
    })
  )

  it.live("fails on a value that is not a duration", () =>
    Effect.gen(function* () {
      const error = yield* build({
        instance: "acme",
        credentials: basic,
        retry: { rateLimitWait: "soon" as "1 second" }
      })
      expect(error.key).toBe("retry.rateLimitWait")
    })
  )
})

describe("timeout names", () => {
  const base = { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "s" }
  const attemptMs = (entries: Record<string, string>) =>
    Effect.map(Effect.provide(OfscConfig, fromEnv({ ...base, ...entries })), (c) => [
      Duration.toMillis(c.attemptTimeout),
      Duration.toMillis(c.timeout)
    ])

  it.live("OFSC_ATTEMPT_TIMEOUT_MS sets the attempt timeout; the deprecated OFSC_TIMEOUT_MS still does", () =>
    Effect.gen(function* () {
      expect(yield* attemptMs({ OFSC_ATTEMPT_TIMEOUT_MS: "1500" })).toEqual([1500, 1500])
      expect(yield* attemptMs({ OFSC_TIMEOUT_MS: "2500" })).toEqual([2500, 2500])
      expect(yield* attemptMs({ OFSC_ATTEMPT_TIMEOUT_MS: "1500", OFSC_TIMEOUT_MS: "2500" })).toEqual([1500, 1500])
      expect(yield* attemptMs({})).toEqual([30_000, 30_000])
    })
  )

  it.live("a bad attempt timeout names the variable it was read from", () =>
    Effect.gen(function* () {
      const viaNew = yield* failureOf(fromEnv({ ...base, OFSC_ATTEMPT_TIMEOUT_MS: "0" }))
      expect(viaNew.key).toBe("OFSC_ATTEMPT_TIMEOUT_MS")
      const viaOld = yield* failureOf(fromEnv({ ...base, OFSC_TIMEOUT_MS: "-5" }))
      expect(viaOld.key).toBe("OFSC_TIMEOUT_MS")
    })
  )

  it.live("attemptTimeout and the deprecated timeout option set the same thing; attemptTimeout wins", () =>
    Effect.gen(function* () {
      const ms = (options: Partial<OfscConfigOptions>) =>
        Effect.map(
          Effect.provide(OfscConfig, OfscConfig.layer({ instance: "acme", credentials: basic, ...options })),
          (c) => Duration.toMillis(c.attemptTimeout)
        )
      expect(yield* ms({ attemptTimeout: "3 seconds" })).toBe(3000)
      expect(yield* ms({ timeout: "4 seconds" })).toBe(4000)
      expect(yield* ms({ attemptTimeout: "3 seconds", timeout: "4 seconds" })).toBe(3000)
      expect((yield* build({ instance: "acme", credentials: basic, attemptTimeout: 0 })).key).toBe("attemptTimeout")
    })
  )
})

describe("secrets and the User-Agent", () => {
  it.live("an empty client secret fails the config, naming clientSecret (or OFSC_CLIENT_SECRET)", () =>
    Effect.gen(function* () {
      const error = yield* build({
        instance: "acme",
        credentials: { _tag: "ClientCredentials", clientId: "app", clientSecret: Redacted.make("") }
      })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "clientSecret" })
      const fromEnvError = yield* failureOf(
        fromEnv({ OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "" })
      )
      expect(fromEnvError.key).toBe("OFSC_CLIENT_SECRET")
      const bearer = yield* failureOf(fromEnv({ OFSC_INSTANCE: "acme", OFSC_AUTH: "bearer", OFSC_ACCESS_TOKEN: " " }))
      expect(bearer.key).toBe("OFSC_ACCESS_TOKEN")
      const jwt = yield* build({
        instance: "acme",
        credentials: { _tag: "JwtBearer", clientId: "app", applicationId: "", privateKey: Redacted.make("k") }
      })
      expect(jwt.key).toBe("applicationId")
    })
  )

  it.live("the User-Agent defaults to the package and version, and OFSC_USER_AGENT or userAgent replace it", () =>
    Effect.gen(function* () {
      const env = { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "s" }
      expect((yield* Effect.provide(OfscConfig, fromEnv(env))).userAgent).toMatch(/^@ofsc\/core\/\d+\.\d+\.\d+/)
      const named = yield* Effect.provide(OfscConfig, fromEnv({ ...env, OFSC_USER_AGENT: "nightly-export/1.0" }))
      expect(named.userAgent).toBe("nightly-export/1.0")
      const bad = yield* build({ instance: "acme", credentials: basic, userAgent: "two\r\nlines" })
      expect(bad.key).toBe("userAgent")
    })
  )
})

describe("resolveFromEnv", () => {
  const provider = (entries: Record<string, string>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))
  const env = { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "s", OFSC_ATTEMPT_TIMEOUT_MS: "1000" }

  it.live("overrides win over the environment, under either timeout name", () =>
    Effect.gen(function* () {
      const config = yield* provider(env)(resolveFromEnv({ attemptTimeout: "7 seconds", concurrency: 2 }))
      expect([Duration.toMillis(config.attemptTimeout), config.concurrency]).toEqual([7000, 2])
      const legacy = yield* provider(env)(resolveFromEnv({ timeout: "6 seconds" }))
      expect(Duration.toMillis(legacy.attemptTimeout)).toBe(6000)
      const none = yield* provider(env)(resolveFromEnv({ attemptTimeout: undefined }))
      expect(Duration.toMillis(none.attemptTimeout)).toBe(1000)
    })
  )

  it.live("a bad override is named as the option, a bad variable as the variable", () =>
    Effect.gen(function* () {
      const option = yield* Effect.flip(provider(env)(resolveFromEnv({ concurrency: 0 })))
      expect(option.key).toBe("concurrency")
      const variable = yield* Effect.flip(provider({ ...env, OFSC_CONCURRENCY: "0" })(resolveFromEnv({})))
      expect(variable.key).toBe("OFSC_CONCURRENCY")
    })
  )
})
