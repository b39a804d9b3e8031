/**
 * Where the OFS instance is, how to authenticate, and how patient and how parallel to be.
 * Built from explicit values (`OfscConfig.layer`) or from `OFSC_*` environment variables
 * (`OfscConfig.layerFromEnv`). Secrets are `Redacted` and never printed.
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import {
  ClientSecret,
  configErrorOf,
  current,
  DecodePolicy,
  HttpUrl,
  httpUrl,
  InstanceName,
  instanceOf,
  NonBlank,
  Options,
  PositiveDuration,
  PrivateKey,
  Token,
  UserAgent,
  Wait,
  wholeAtLeast
} from "./internal/configRules.js"
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

const decodeOptions = Schema.decodeUnknownEither(Options)

/** The configuration the checked options describe, the defaults filled in. */
const shapeOf = (options: typeof Options.Type): OfscConfigShape => {
  const url = options.baseUrl === undefined ? undefined : (httpUrl(options.baseUrl) as URL)
  const attemptTimeout = Duration.decode(options.attemptTimeout ?? defaults.attemptTimeout)
  const retry = options.retry ?? {}
  return {
    baseUrl:
      url === undefined
        ? `https://${options.instance}.fs.ocs.oraclecloud.com`
        : url.origin + url.pathname.replace(/\/+$/, ""),
    instance: instanceOf(options),
    credentials: options.credentials,
    attemptTimeout,
    timeout: attemptTimeout,
    userAgent: options.userAgent ?? defaults.userAgent,
    retry: {
      maxRetries: retry.maxRetries ?? defaults.retry.maxRetries,
      baseDelay: Duration.decode(retry.baseDelay ?? defaults.retry.baseDelay),
      maxDelay: Duration.decode(retry.maxDelay ?? defaults.retry.maxDelay),
      rateLimitWait: Duration.decode(retry.rateLimitWait ?? defaults.retry.rateLimitWait)
    },
    concurrency: options.concurrency ?? defaults.concurrency,
    operationConcurrency: options.operationConcurrency ?? {},
    decodePolicy: options.decodePolicy ?? defaults.decodePolicy
  }
}

/**
 * Checks the options and fills in defaults. Never throws: anything wrong, whatever the caller
 * passed, is an `OfscConfigError` naming the setting, its message never quoting a secret.
 *
 * @example
 * const config = Effect.runSync(resolve({ instance: "acme", credentials }))
 */
export const resolve = (options: OfscConfigOptions): Effect.Effect<OfscConfigShape, OfscConfigError> =>
  Either.match(decodeOptions(current(options)), {
    onLeft: (error) => Effect.fail(configErrorOf(error)),
    onRight: (checked) => Effect.succeed(shapeOf(checked))
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

/** The ways `OFSC_AUTH` may name the credentials. */
export const authModes = ["basic", "client_credentials", "jwt", "bearer"] as const

/** One of {@link authModes}. */
export type OfscAuthMode = (typeof authModes)[number]

/** The variable that holds the secret of each `OFSC_AUTH` mode. */
export const secretEnvKeys: Readonly<Record<OfscAuthMode, string>> = {
  basic: envKeys.clientSecret,
  client_credentials: envKeys.clientSecret,
  jwt: envKeys.jwtPrivateKey,
  bearer: envKeys.accessToken
}

/** The variable `key`, read by `read` and checked by a setting's rule, so a bad value is named by its variable. */
const checked = <A>(key: string, read: (key: string) => Config.Config<unknown>, schema: Schema.Schema<A>) => {
  const decode = Schema.decodeUnknownEither(schema)
  return Config.mapOrFail(read(key), (value) =>
    Either.mapLeft(decode(value), (error) => ConfigError.InvalidData([key], configErrorOf(error).reason))
  )
}

/** How an error about where to connect names the variables. */
const targetKey = `${envKeys.instance} (or ${envKeys.baseUrl})`

const optional = <A>(config: Config.Config<A>) => Config.map(Config.option(config), Option.getOrUndefined)

/** A duration in whole milliseconds. */
const millis = (key: string) => Config.map(Config.integer(key), Duration.millis)

const credentialsConfig: Effect.Effect<OfscCredentials, ConfigError.ConfigError> = Effect.gen(function* () {
  const mode = yield* Config.literal(...authModes)(envKeys.auth).pipe(Config.withDefault("basic" as const))
  switch (mode) {
    case "basic":
    case "client_credentials":
      return {
        _tag: mode === "basic" ? "Basic" : "ClientCredentials",
        clientId: yield* checked(envKeys.clientId, Config.string, NonBlank),
        clientSecret: yield* checked(envKeys.clientSecret, Config.redacted, ClientSecret)
      }
    case "jwt":
      return {
        _tag: "JwtBearer",
        clientId: yield* checked(envKeys.clientId, Config.string, NonBlank),
        applicationId: yield* checked(envKeys.jwtApplicationId, Config.string, NonBlank),
        privateKey: yield* checked(envKeys.jwtPrivateKey, Config.redacted, PrivateKey),
        subject: yield* optional(Config.string(envKeys.jwtSubject)),
        keyId: yield* optional(Config.string(envKeys.jwtKeyId)),
        clientSecret: yield* optional(Config.redacted(envKeys.clientSecret))
      }
    case "bearer":
      return { _tag: "Bearer", token: yield* checked(envKeys.accessToken, Config.redacted, Token) }
  }
})

/**
 * The options the `OFSC_*` variables describe, through Effect's `ConfigProvider`: each variable is
 * checked by its setting's rule as it is read, so an error names the variable to fix.
 */
const envOptions: Effect.Effect<OfscConfigOptions, ConfigError.ConfigError> = Effect.gen(function* () {
  // the old name is read only when the new one is not set
  const attemptTimeout =
    (yield* optional(checked(envKeys.attemptTimeoutMs, millis, PositiveDuration))) ??
    (yield* optional(checked(envKeys.timeoutMs, millis, PositiveDuration)))
  const maxRetries = yield* optional(checked(envKeys.maxRetries, Config.integer, wholeAtLeast(0)))
  const rateLimitWait = yield* optional(checked(envKeys.rateLimitWaitMs, millis, Wait))
  const instance = yield* optional(checked(envKeys.instance, Config.string, InstanceName))
  const baseUrl = yield* optional(checked(envKeys.baseUrl, Config.string, HttpUrl))
  // where to connect is said before how to authenticate there
  if (instance === undefined && baseUrl === undefined) {
    return yield* Effect.fail(ConfigError.MissingData([targetKey], "where to connect is not set"))
  }
  return {
    instance,
    baseUrl,
    credentials: yield* credentialsConfig,
    attemptTimeout,
    retry: maxRetries === undefined && rateLimitWait === undefined ? undefined : { maxRetries, rateLimitWait },
    concurrency: yield* optional(checked(envKeys.concurrency, Config.integer, wholeAtLeast(1))),
    userAgent: yield* optional(checked(envKeys.userAgent, Config.string, UserAgent)),
    decodePolicy: yield* optional(checked(envKeys.decodePolicy, Config.string, DecodePolicy))
  }
})

/** Turns Effect's config error into one `OfscConfigError` naming the variable at fault (a bad value before a missing one). */
const configErrorFrom = (error: ConfigError.ConfigError): OfscConfigError => {
  const leaves: Array<ConfigError.ConfigError> = []
  const walk = (e: ConfigError.ConfigError): void => {
    if (e._op === "And" || e._op === "Or") {
      walk(e.left)
      walk(e.right)
    } else leaves.push(e)
  }
  walk(error)
  const leaf = leaves.find((e) => e._op !== "MissingData") ?? leaves[0] ?? error
  // variables are flat keys; Effect prefixes some errors with the key again, so the last one names it
  const key = ("path" in leaf ? leaf.path.at(-1) : undefined) ?? "environment"
  const reason = leaf._op === "MissingData" ? "is not set" : "message" in leaf ? leaf.message : "is invalid"
  return new OfscConfigError({ key, reason })
}

/** Retry settings a caller gives, each over the environment's (an override of one keeps the others). */
const overRetry = (
  fromEnv: OfscConfigOptions["retry"],
  given: OfscConfigOptions["retry"]
): OfscConfigOptions["retry"] =>
  given === undefined || given === false || fromEnv === undefined || fromEnv === false
    ? (given ?? fromEnv)
    : { ...fromEnv, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }

/** Tuning a caller may set over what the environment says (the blocking client's options, say). */
export type OfscEnvOverrides = Partial<Omit<OfscConfigOptions, "instance" | "baseUrl" | "credentials">>

/**
 * Reads and checks the `OFSC_*` variables from the current `ConfigProvider` (the environment by
 * default; `ConfigProvider.orElse` chains others, as the CLI does with its flags and profiles), with
 * `overrides` winning over them, and resolves them as {@link resolve} does. An error names the
 * variable to fix, or the override at fault.
 *
 * @example
 * const config = Effect.runSync(resolveFromEnv({ userAgent: "my-job/1.2" }))
 */
export const resolveFromEnv = (overrides: OfscEnvOverrides = {}): Effect.Effect<OfscConfigShape, OfscConfigError> =>
  Effect.flatMap(Effect.mapError(envOptions, configErrorFrom), (options) => {
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
    // every variable was checked as it was read: what fails now is an override, or where to connect
    return Effect.mapError(resolve(merged), (e) =>
      e.key === "instance" ? new OfscConfigError({ key: targetKey, reason: e.reason }) : e
    )
  })

/** The OFS configuration service. */
export class OfscConfig extends Context.Tag("@ofsc/core/OfscConfig")<OfscConfig, OfscConfigShape>() {
  /** A layer from explicit values, checked when the layer is built. */
  static layer = (options: OfscConfigOptions): Layer.Layer<OfscConfig, OfscConfigError> =>
    Layer.effect(OfscConfig, resolve(options))

  /** A layer from the `OFSC_*` environment variables (through Effect's `ConfigProvider`). */
  static layerFromEnv: Layer.Layer<OfscConfig, OfscConfigError> = Layer.effect(OfscConfig, resolveFromEnv())
}
