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
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
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

// The rules, one per setting. Each is a Schema whose message never quotes a secret, and both ways
// in use them: `resolve` checks the options with them, the environment path checks each variable.

/** A setting's rule: accepts what `is` accepts, and otherwise says `message` about the value. */
const rule = <A>(is: (u: unknown) => u is A, message: (actual: unknown) => string) =>
  Schema.declare(is, { message: (issue) => message(issue.actual) })

const isString = (u: unknown): u is string => typeof u === "string"

/** A value a message may name (never a secret): a string quoted and cut short, else its type. */
const shown = (u: unknown): string =>
  isString(u) ? JSON.stringify(u.length > 60 ? `${u.slice(0, 60)}…` : u) : u === null ? "null" : typeof u

const httpUrl = (text: string): URL | undefined => {
  const parsed = Either.try(() => new URL(text))
  return Either.isRight(parsed) && /^https?:$/.test(parsed.right.protocol) ? parsed.right : undefined
}

/** A duration as Effect reads one (`"30 seconds"`, millis, a Duration), or undefined for anything else. */
const durationOf = (u: unknown): Duration.Duration | undefined =>
  Either.getOrUndefined(Either.try(() => Option.getOrUndefined(Duration.decodeUnknown(u))))

/** The text inside a Redacted, or undefined when `u` is not a Redacted string. */
const secretText = (u: unknown): string | undefined => {
  if (!Redacted.isRedacted(u)) return undefined
  const value = Either.getOrUndefined(Either.try(() => Redacted.value(u)))
  return isString(value) ? value : undefined
}

/** A secret's rule: a Redacted string `accepts` takes; the message is `reason`'s, which never quotes it. */
const secret = (accepts: (text: string) => boolean, reason: (text: string) => string) =>
  rule(
    (u): u is Redacted.Redacted<string> => {
      const text = secretText(u)
      return text !== undefined && accepts(text)
    },
    (u) => {
      const text = secretText(u)
      return text === undefined ? "must be a Redacted string (Redacted.make), never a plain value" : reason(text)
    }
  )

const InstanceName = rule(
  (u): u is string => isString(u) && instancePattern.test(u),
  (u) => `${shown(u)} is not an OFS environment name (letters, digits and dashes)`
)
const HttpUrl = rule(
  (u): u is string => isString(u) && httpUrl(u) !== undefined,
  (u) => `${shown(u)} is not an http(s) URL`
)
const NonBlank = rule(
  (u): u is string => isString(u) && u.trim() !== "",
  (u) => (isString(u) ? "must not be empty" : "must be a string")
)
const OptionalText = rule(isString, () => "must be a string")
// an empty secret would only fail later, as a 401 from OFS
const ClientSecret = secret(
  (text) => text !== "",
  () => "must not be empty"
)
const Token = secret(
  (text) => text.trim() !== "",
  () => "must not be empty"
)
// parsed now, so a bad key fails the configuration rather than the first call
const PrivateKey = secret(
  (text) => Either.isRight(readRsaPrivateKey(text)),
  (text) => Either.match(readRsaPrivateKey(text), { onLeft: (reason) => reason, onRight: () => "is invalid" })
)
const AnySecret = secret(
  () => true,
  () => "is invalid"
)
const PositiveDuration = rule(
  (u): u is Duration.DurationInput => {
    const d = durationOf(u)
    return d !== undefined && Duration.greaterThan(d, Duration.zero)
  },
  () => "must be a positive duration"
)
const Wait = rule(
  (u): u is Duration.DurationInput => durationOf(u) !== undefined,
  () => "must be a duration, 0 or more"
)
const wholeAtLeast = (min: number) =>
  rule(
    (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= min,
    () => `must be a whole number, ${min} or more`
  )
// it becomes a header: no line breaks or other control characters, and plain ASCII to be safe
const UserAgent = rule(
  (u): u is string => isString(u) && u.trim() !== "" && /^[ -~]+$/.test(u),
  () => "must be non-empty printable ASCII text"
)
const DecodePolicy = rule(
  (u): u is OfscDecodePolicy => u === "fail" || u === "warn",
  (u) => `must be "fail" or "warn", not ${shown(u)}`
)

/** The credentials, one shape per kind. */
const Credentials = Schema.Union(
  Schema.TaggedStruct("Basic", { clientId: NonBlank, clientSecret: ClientSecret }),
  Schema.TaggedStruct("ClientCredentials", { clientId: NonBlank, clientSecret: ClientSecret }),
  Schema.TaggedStruct("JwtBearer", {
    clientId: NonBlank,
    applicationId: NonBlank,
    privateKey: PrivateKey,
    subject: Schema.optional(OptionalText),
    keyId: Schema.optional(OptionalText),
    clientSecret: Schema.optional(AnySecret)
  }),
  Schema.TaggedStruct("Bearer", { token: Token }),
  Schema.TaggedStruct("Custom", {})
)

const RetryOptions = Schema.Struct({
  maxRetries: Schema.optional(wholeAtLeast(0)),
  baseDelay: Schema.optional(Wait),
  maxDelay: Schema.optional(Wait),
  rateLimitWait: Schema.optional(Wait)
}).annotations({ message: () => "must be false or { maxRetries, baseDelay, maxDelay, rateLimitWait }" })

/** The instance a configuration names, or the one its Oracle base URL shows. */
const instanceOf = (options: { readonly instance?: string | undefined; readonly baseUrl?: string | undefined }) =>
  options.instance ??
  (options.baseUrl === undefined ? undefined : oracleHost.exec(httpUrl(options.baseUrl)?.hostname ?? "")?.[1])

/**
 * The client options as one Schema: every setting's rule, then what needs two settings at once.
 * `retry: false` and the deprecated `timeout` are folded in before it (see {@link resolve}).
 */
const Options = Schema.Struct({
  instance: Schema.optional(InstanceName),
  baseUrl: Schema.optional(HttpUrl),
  credentials: Credentials,
  attemptTimeout: Schema.optional(PositiveDuration),
  userAgent: Schema.optional(UserAgent),
  retry: Schema.optional(RetryOptions),
  concurrency: Schema.optional(wholeAtLeast(1)),
  operationConcurrency: Schema.optional(
    Schema.Record({ key: Schema.String, value: wholeAtLeast(1) }).annotations({
      message: () => "must be an object of operation ids and whole numbers, 1 or more"
    })
  ),
  decodePolicy: Schema.optional(DecodePolicy)
}).pipe(
  Schema.filter((options) => {
    if (options.instance === undefined && options.baseUrl === undefined) {
      return { path: ["instance"], message: "either an instance name or a baseUrl is required" }
    }
    const kind = options.credentials._tag
    if ((kind === "Basic" || kind === "JwtBearer") && instanceOf(options) === undefined) {
      return {
        path: ["instance"],
        message: `${kind} authentication needs the instance name, and the baseUrl does not show it`
      }
    }
    return undefined
  })
)

/** The options with the deprecated spellings folded into the current ones. */
const current = (options: unknown): unknown => {
  if (!Predicate.isRecord(options)) return options
  const { timeout, ...rest } = options
  const retry = rest.retry === false ? { maxRetries: 0, rateLimitWait: Duration.zero } : rest.retry
  return { ...rest, attemptTimeout: rest.attemptTimeout ?? timeout, retry }
}

const credentialKinds = "must be Basic, ClientCredentials, JwtBearer, Bearer or Custom credentials"

/**
 * The first problem the schema found, as the one error the caller gets: the setting by its path
 * (the credentials' own fields by their bare names, as before), and a message of its rule.
 */
const configErrorOf = (error: ParseResult.ParseError): OfscConfigError => {
  const [first] = ParseResult.ArrayFormatter.formatErrorSync(error)
  const keys = (first?.path ?? []).map(String)
  const reason = first?.message ?? "is invalid"
  if (keys.length === 0) return new OfscConfigError({ key: "options", reason: "must be an object of client options" })
  if (keys[0] !== "credentials") return new OfscConfigError({ key: keys.join("."), reason })
  // a wrong or missing _tag: say what the kinds are, not what was passed (it may hold the secret)
  return keys.length === 1 || keys[1] === "_tag"
    ? new OfscConfigError({ key: "credentials", reason: credentialKinds })
    : new OfscConfigError({ key: keys.slice(1).join("."), reason })
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
