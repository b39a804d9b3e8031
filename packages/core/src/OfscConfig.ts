/**
 * Where the OFS instance is, how to authenticate, and how patient and how parallel to be.
 * Built from explicit values (`OfscConfig.layer`) or from `OFSC_*` environment variables
 * (`OfscConfig.layerFromEnv`). Secrets are `Redacted` and never printed.
 */
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { readRsaPrivateKey } from "./internal/jwt.js"
import { defaultUserAgent } from "./internal/version.js"
import { OfscConfigError } from "./OfscError.js"

/** How requests are authenticated. `Custom` means an `OfscAuth` layer is supplied separately. */
export type OfscCredentials =
  | {
      /** HTTP Basic with `clientId@instance:clientSecret`. */
      readonly _tag: "Basic"
      readonly clientId: string
      readonly clientSecret: Redacted.Redacted<string>
    }
  | {
      /** OAuth2 client credentials against the OFS token service; the client itself logs in with Basic. */
      readonly _tag: "ClientCredentials"
      readonly clientId: string
      readonly clientSecret: Redacted.Redacted<string>
    }
  | {
      /** OAuth2 JWT bearer assertion signed RS256 with `privateKey` (PEM). */
      readonly _tag: "JwtBearer"
      readonly clientId: string
      /** The application id that ends the assertion audience `ofsc:<instance>:<applicationId>`. */
      readonly applicationId: string
      readonly privateKey: Redacted.Redacted<string>
      /** A user login to act as; by default the application acts as itself. */
      readonly subject?: string | undefined
      /** `kid` for the assertion header, when the application has several keys. */
      readonly keyId?: string | undefined
      /** Sent as Basic client authentication with the assertion, when given. */
      readonly clientSecret?: Redacted.Redacted<string> | undefined
    }
  | {
      /** A bearer token obtained elsewhere. It cannot be refreshed here. */
      readonly _tag: "Bearer"
      readonly token: Redacted.Redacted<string>
    }
  | { readonly _tag: "Custom" }

/**
 * How failed requests are retried, on two budgets: faults (5xx, broken connections, timeouts) count
 * against `maxRetries`; 429s, which OFS answers without acting, spend `rateLimitWait` instead.
 */
export interface OfscRetryPolicy {
  /** How many faults one call retries; `0` retries none (429s still wait within `rateLimitWait`). */
  readonly maxRetries: number
  /** The first backoff; each further one doubles, with jitter, up to `maxDelay`. */
  readonly baseDelay: Duration.Duration
  readonly maxDelay: Duration.Duration
  /**
   * How long one call may wait on 429s in all (each wait at least the Retry-After it got, else the
   * backoff); a 429 whose wait would pass it fails the call with that `OfscRateLimited`. Zero retries no 429.
   */
  readonly rateLimitWait: Duration.Duration
}

/**
 * What a call does with an answer its model refuses: `fail` with `OfscDecodeError` (the default),
 * or `warn` (log one warning naming the schema issues, and hand back the answer as OFS sent it).
 */
export type OfscDecodePolicy = "fail" | "warn"

/** The resolved configuration every other service reads. */
export interface OfscConfigShape {
  /** The origin requests go to, without a trailing slash. */
  readonly baseUrl: string
  /** The OFS environment name (used in Basic user names and JWT audiences), when known. */
  readonly instance: string | undefined
  readonly credentials: OfscCredentials
  /** How long one HTTP attempt may take before it fails with a timeout (each retry gets as long again). */
  readonly attemptTimeout: Duration.Duration
  /** @deprecated The same value as `attemptTimeout`; read that. Goes away in the next minor. */
  readonly timeout: Duration.Duration
  /** The `User-Agent` every request carries. */
  readonly userAgent: string
  readonly retry: OfscRetryPolicy
  /** How many requests one client may have in flight at once. */
  readonly concurrency: number
  /** Per-operation bounds (by operation id) that replace the limits OFS documents, under `concurrency`. */
  readonly operationConcurrency: Readonly<Record<string, number>>
  readonly decodePolicy: OfscDecodePolicy
}

/** The values `OfscConfig.layer` accepts; everything but the target and credentials has a default. */
export interface OfscConfigOptions {
  /** The OFS environment name; the base URL becomes `https://{instance}.fs.ocs.oraclecloud.com`. */
  readonly instance?: string | undefined
  /** An explicit origin (a proxy, a test server); wins over the URL derived from `instance`. */
  readonly baseUrl?: string | undefined
  readonly credentials: OfscCredentials
  /** How long one HTTP attempt may take (30 s by default); each retry gets as long again. */
  readonly attemptTimeout?: Duration.DurationInput | undefined
  /** @deprecated Use `attemptTimeout` (the same setting under a name that says what it bounds). */
  readonly timeout?: Duration.DurationInput | undefined
  /** The `User-Agent` header; `@ofsc/core/<version>` by default. */
  readonly userAgent?: string | undefined
  /** `false` turns retries off, of faults and of 429s. */
  readonly retry?:
    | {
        /** Faults retried per call (3 by default); 429s do not count. */
        readonly maxRetries?: number | undefined
        readonly baseDelay?: Duration.DurationInput | undefined
        readonly maxDelay?: Duration.DurationInput | undefined
        /** How long one call may wait on 429s in all (5 minutes by default); `0` retries no 429. */
        readonly rateLimitWait?: Duration.DurationInput | undefined
      }
    | false
    | undefined
  readonly concurrency?: number | undefined
  /**
   * Bounds for single operations, by operation id (`{ "core.activities.list": 2 }`), replacing the
   * limit OFS documents for it (GET activities: 3 at once per instance). Lower them when other
   * clients share the instance's limit.
   */
  readonly operationConcurrency?: Readonly<Record<string, number>> | undefined
  /** `"warn"` hands back answers that do not match their model (parsed JSON) with a warning; default `"fail"`. */
  readonly decodePolicy?: OfscDecodePolicy | undefined
}

/**
 * The defaults: 30 s per attempt, 3 fault retries from 200 ms up to 10 s, up to 5 minutes waiting on
 * 429s per call, 8 requests in flight.
 */
export const defaults = {
  attemptTimeout: Duration.seconds(30),
  /** @deprecated Use `attemptTimeout`. */
  timeout: Duration.seconds(30),
  userAgent: defaultUserAgent,
  retry: {
    maxRetries: 3,
    baseDelay: Duration.millis(200),
    maxDelay: Duration.seconds(10),
    rateLimitWait: Duration.minutes(5)
  } as OfscRetryPolicy,
  concurrency: 8,
  decodePolicy: "fail" as OfscDecodePolicy
}

const instancePattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/
const oracleHost = /^([A-Za-z0-9][A-Za-z0-9-]*)\.fs\.ocs\.oraclecloud\.com$/

const fail = (key: string, reason: string) => Effect.fail(new OfscConfigError({ key, reason }))

/** Checks the options and fills in defaults. */
export const resolve = (options: OfscConfigOptions): Effect.Effect<OfscConfigShape, OfscConfigError> =>
  Effect.gen(function* () {
    const { instance } = options
    if (instance !== undefined && !instancePattern.test(instance)) {
      return yield* fail("instance", `"${instance}" is not an OFS environment name (letters, digits and dashes)`)
    }
    let baseUrl: string
    if (options.baseUrl !== undefined) {
      const parsed = Either.try(() => new URL(options.baseUrl as string))
      if (Either.isLeft(parsed) || !/^https?:$/.test(parsed.right.protocol)) {
        return yield* fail("baseUrl", `"${options.baseUrl}" is not an http(s) URL`)
      }
      baseUrl = parsed.right.origin + parsed.right.pathname.replace(/\/+$/, "")
    } else if (instance !== undefined) {
      baseUrl = `https://${instance}.fs.ocs.oraclecloud.com`
    } else {
      return yield* fail("instance", "either an instance name or a baseUrl is required")
    }
    const resolvedInstance = instance ?? oracleHost.exec(new URL(baseUrl).hostname)?.[1]
    const creds = options.credentials
    if ("clientId" in creds && creds.clientId.trim() === "") {
      return yield* fail("clientId", "must not be empty")
    }
    // an empty secret would only fail later, as a 401 from OFS
    if ((creds._tag === "Basic" || creds._tag === "ClientCredentials") && Redacted.value(creds.clientSecret) === "") {
      return yield* fail("clientSecret", "must not be empty")
    }
    if (creds._tag === "Bearer" && Redacted.value(creds.token).trim() === "") {
      return yield* fail("token", "must not be empty")
    }
    if (creds._tag === "JwtBearer" && creds.applicationId.trim() === "") {
      return yield* fail("applicationId", "must not be empty")
    }
    if ((creds._tag === "Basic" || creds._tag === "JwtBearer") && resolvedInstance === undefined) {
      return yield* fail(
        "instance",
        `${creds._tag} authentication needs the instance name, and the baseUrl does not show it`
      )
    }
    if (creds._tag === "JwtBearer") {
      // parsed now, so a bad key fails the layer rather than the first call
      const key = readRsaPrivateKey(Redacted.value(creds.privateKey))
      if (Either.isLeft(key)) return yield* fail("privateKey", key.left)
    }
    const timeout = Duration.decodeUnknown(options.attemptTimeout ?? options.timeout ?? defaults.attemptTimeout)
    if (Option.isNone(timeout) || !Duration.greaterThan(timeout.value, Duration.zero)) {
      return yield* fail("attemptTimeout", "must be a positive duration")
    }
    const userAgent = options.userAgent ?? defaults.userAgent
    // it becomes a header: no line breaks or other control characters, and plain ASCII to be safe
    if (userAgent.trim() === "" || !/^[ -~]+$/.test(userAgent)) {
      return yield* fail("userAgent", "must be non-empty printable ASCII text")
    }
    const retryOptions =
      options.retry === false ? { maxRetries: 0, rateLimitWait: Duration.zero } : (options.retry ?? {})
    const rateLimitWait = Duration.decodeUnknown(retryOptions.rateLimitWait ?? defaults.retry.rateLimitWait)
    if (Option.isNone(rateLimitWait)) {
      return yield* fail("retry.rateLimitWait", "must be a duration, 0 or more")
    }
    const retry: OfscRetryPolicy = {
      maxRetries: retryOptions.maxRetries ?? defaults.retry.maxRetries,
      baseDelay: Duration.decode(retryOptions.baseDelay ?? defaults.retry.baseDelay),
      maxDelay: Duration.decode(retryOptions.maxDelay ?? defaults.retry.maxDelay),
      rateLimitWait: rateLimitWait.value
    }
    if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
      return yield* fail("retry.maxRetries", "must be a whole number, 0 or more")
    }
    const concurrency = options.concurrency ?? defaults.concurrency
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      return yield* fail("concurrency", "must be a whole number, 1 or more")
    }
    const operationConcurrency = options.operationConcurrency ?? {}
    for (const [id, bound] of Object.entries(operationConcurrency)) {
      if (!Number.isInteger(bound) || bound < 1) {
        return yield* fail(`operationConcurrency.${id}`, "must be a whole number, 1 or more")
      }
    }
    const decodePolicy = options.decodePolicy ?? defaults.decodePolicy
    if (decodePolicy !== "fail" && decodePolicy !== "warn") {
      return yield* fail("decodePolicy", `must be "fail" or "warn", not "${String(decodePolicy)}"`)
    }
    return {
      baseUrl,
      instance: resolvedInstance,
      credentials: creds,
      attemptTimeout: timeout.value,
      timeout: timeout.value,
      userAgent,
      retry,
      concurrency,
      operationConcurrency,
      decodePolicy
    }
  })

/** The environment variables `layerFromEnv` reads. */
export const envKeys = {
  instance: "OFSC_INSTANCE",
  baseUrl: "OFSC_BASE_URL",
  auth: "OFSC_AUTH",
  clientId: "OFSC_CLIENT_ID",
  clientSecret: "OFSC_CLIENT_SECRET",
  accessToken: "OFSC_ACCESS_TOKEN",
  jwtPrivateKey: "OFSC_JWT_PRIVATE_KEY",
  jwtApplicationId: "OFSC_JWT_APPLICATION_ID",
  jwtSubject: "OFSC_JWT_SUBJECT",
  jwtKeyId: "OFSC_JWT_KEY_ID",
  attemptTimeoutMs: "OFSC_ATTEMPT_TIMEOUT_MS",
  /** @deprecated Read as `OFSC_ATTEMPT_TIMEOUT_MS` when that is not set; goes away in the next minor. */
  timeoutMs: "OFSC_TIMEOUT_MS",
  userAgent: "OFSC_USER_AGENT",
  maxRetries: "OFSC_MAX_RETRIES",
  rateLimitWaitMs: "OFSC_RATE_LIMIT_WAIT_MS",
  concurrency: "OFSC_CONCURRENCY",
  decodePolicy: "OFSC_DECODE_POLICY"
} as const

/** Which variable a setting came from, so env errors name the variable the user must fix. */
const envKeyFor: Record<string, string> = {
  instance: `${envKeys.instance} (or ${envKeys.baseUrl})`,
  baseUrl: envKeys.baseUrl,
  clientId: envKeys.clientId,
  clientSecret: envKeys.clientSecret,
  token: envKeys.accessToken,
  privateKey: envKeys.jwtPrivateKey,
  applicationId: envKeys.jwtApplicationId,
  attemptTimeout: envKeys.attemptTimeoutMs,
  userAgent: envKeys.userAgent,
  "retry.maxRetries": envKeys.maxRetries,
  "retry.rateLimitWait": envKeys.rateLimitWaitMs,
  concurrency: envKeys.concurrency,
  decodePolicy: envKeys.decodePolicy
}

/** The option each error key belongs to: an error about an option the caller passed is not the environment's. */
const optionOfKey = (key: string): string => key.split(".")[0] ?? key

const optional = <A>(config: Config.Config<A>) => Config.map(Config.option(config), Option.getOrUndefined)

const credentialsConfig: Effect.Effect<OfscCredentials, ConfigError.ConfigError> = Effect.gen(function* () {
  const mode = yield* Config.literal(
    "basic",
    "client_credentials",
    "jwt",
    "bearer"
  )(envKeys.auth).pipe(Config.withDefault("basic" as const))
  switch (mode) {
    case "basic":
    case "client_credentials": {
      const clientId = yield* Config.string(envKeys.clientId)
      const clientSecret = yield* Config.redacted(envKeys.clientSecret)
      return { _tag: mode === "basic" ? "Basic" : "ClientCredentials", clientId, clientSecret }
    }
    case "jwt":
      return {
        _tag: "JwtBearer",
        clientId: yield* Config.string(envKeys.clientId),
        applicationId: yield* Config.string(envKeys.jwtApplicationId),
        privateKey: yield* Config.redacted(envKeys.jwtPrivateKey),
        subject: yield* optional(Config.string(envKeys.jwtSubject)),
        keyId: yield* optional(Config.string(envKeys.jwtKeyId)),
        clientSecret: yield* optional(Config.redacted(envKeys.clientSecret))
      }
    case "bearer":
      return { _tag: "Bearer", token: yield* Config.redacted(envKeys.accessToken) }
  }
})

/** The retry options the environment sets, if it sets any. */
const retryFromEnv = (maxRetries: number | undefined, rateLimitWaitMs: number | undefined) =>
  maxRetries === undefined && rateLimitWaitMs === undefined
    ? undefined
    : { maxRetries, rateLimitWait: rateLimitWaitMs === undefined ? undefined : Duration.millis(rateLimitWaitMs) }

/** The options the environment describes, and which variable the attempt timeout came from. */
const fromEnvironment: Effect.Effect<
  { readonly options: OfscConfigOptions; readonly attemptTimeoutKey: string },
  ConfigError.ConfigError
> = Effect.gen(function* () {
  // the old name is read only when the new one is not set
  const attemptMs = yield* optional(Config.integer(envKeys.attemptTimeoutMs))
  const legacyMs = attemptMs === undefined ? yield* optional(Config.integer(envKeys.timeoutMs)) : undefined
  const timeoutMs = attemptMs ?? legacyMs
  const maxRetries = yield* optional(Config.integer(envKeys.maxRetries))
  const rateLimitWaitMs = yield* optional(Config.integer(envKeys.rateLimitWaitMs))
  return {
    attemptTimeoutKey: legacyMs === undefined ? envKeys.attemptTimeoutMs : envKeys.timeoutMs,
    options: {
      instance: yield* optional(Config.string(envKeys.instance)),
      baseUrl: yield* optional(Config.string(envKeys.baseUrl)),
      credentials: yield* credentialsConfig,
      attemptTimeout: timeoutMs === undefined ? undefined : Duration.millis(timeoutMs),
      retry: retryFromEnv(maxRetries, rateLimitWaitMs),
      concurrency: yield* optional(Config.integer(envKeys.concurrency)),
      userAgent: yield* optional(Config.string(envKeys.userAgent)),
      decodePolicy: yield* optional(Config.literal("fail", "warn")(envKeys.decodePolicy))
    }
  }
})

/** Retry settings a caller gives, each over the environment's (an override of one keeps the others). */
const overRetry = (
  fromEnv: OfscConfigOptions["retry"],
  given: OfscConfigOptions["retry"]
): OfscConfigOptions["retry"] =>
  given === undefined || given === false || fromEnv === undefined || fromEnv === false
    ? (given ?? fromEnv)
    : { ...fromEnv, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }

/** Turns Effect's config error into one `OfscConfigError` naming the first key at fault. */
const configErrorFrom = (error: ConfigError.ConfigError): OfscConfigError => {
  let leaf: ConfigError.ConfigError = error
  while (leaf._op === "And" || leaf._op === "Or") leaf = leaf.left
  const key = "path" in leaf && leaf.path.length > 0 ? leaf.path.join(".") : "environment"
  const reason = leaf._op === "MissingData" ? "is not set" : "message" in leaf ? leaf.message : "is invalid"
  return new OfscConfigError({ key, reason })
}

/** Tuning a caller may set over what the environment says (the blocking client's options, say). */
export type OfscEnvOverrides = Partial<Omit<OfscConfigOptions, "instance" | "baseUrl" | "credentials">>

/**
 * Reads and checks the `OFSC_*` environment variables (through Effect's `ConfigProvider`), with
 * `overrides` winning over them. An error names the variable to fix, or the override at fault.
 *
 * @example
 * const config = Effect.runSync(resolveFromEnv({ userAgent: "my-job/1.2" }))
 */
export const resolveFromEnv = (overrides: OfscEnvOverrides = {}): Effect.Effect<OfscConfigShape, OfscConfigError> =>
  Effect.flatMap(Effect.mapError(fromEnvironment, configErrorFrom), ({ options, attemptTimeoutKey }) => {
    const given: OfscEnvOverrides = Object.fromEntries(
      Object.entries(overrides).filter(([, value]) => value !== undefined)
    )
    // an override under either timeout name replaces the environment's attempt timeout
    const merged: OfscConfigOptions = {
      ...options,
      ...(given.timeout === undefined ? {} : { attemptTimeout: undefined }),
      ...given,
      retry: overRetry(options.retry, given.retry)
    }
    return Effect.mapError(resolve(merged), (e) => {
      const overridden = optionOfKey(e.key) in given || (e.key === "attemptTimeout" && given.timeout !== undefined)
      if (overridden) return e
      const key = e.key === "attemptTimeout" ? attemptTimeoutKey : (envKeyFor[e.key] ?? e.key)
      return new OfscConfigError({ key, reason: e.reason })
    })
  })

/** The OFS configuration service. */
export class OfscConfig extends Context.Tag("@ofsc/core/OfscConfig")<OfscConfig, OfscConfigShape>() {
  /** A layer from explicit values, checked when the layer is built. */
  static layer = (options: OfscConfigOptions): Layer.Layer<OfscConfig, OfscConfigError> =>
    Layer.effect(OfscConfig, resolve(options))

  /** A layer from the `OFSC_*` environment variables (through Effect's `ConfigProvider`). */
  static layerFromEnv: Layer.Layer<OfscConfig, OfscConfigError> = Layer.effect(OfscConfig, resolveFromEnv())
}
