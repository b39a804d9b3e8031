/**
 * The plain options a script passes, and how they become @ofsc/core's configuration: from the
 * options when they say where and how to connect, else from the `OFSC_*` environment variables as
 * `OfscConfig.layerFromEnv` reads them. Both the calling thread (to throw configuration errors from
 * `createOfscSync` itself) and the worker (to build its client) resolve the same settings this way.
 */
import {
  type OfscConfigOptions,
  type OfscConfigShape,
  type OfscEnvOverrides,
  resolve,
  resolveFromEnv
} from "@ofsc/core/config"
import { OfscConfigError } from "@ofsc/core/errors"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

/** How to reach OFS and authenticate, as plain values (they are handed to the worker thread). */
export interface SyncOptions {
  /** The OFS environment name; the base URL becomes `https://{instance}.fs.ocs.oraclecloud.com`. */
  readonly instance?: string | undefined
  /** An explicit origin (a proxy, the simulator). */
  readonly baseUrl?: string | undefined
  readonly clientId?: string | undefined
  readonly clientSecret?: string | undefined
  /** `basic` (the default), `client_credentials`, `jwt` or `bearer`. */
  readonly auth?: "basic" | "client_credentials" | "jwt" | "bearer" | undefined
  /** For `bearer`: a token obtained elsewhere. */
  readonly accessToken?: string | undefined
  /** For `jwt`: the application id, the PEM private key, and optionally a user login to act as. */
  readonly applicationId?: string | undefined
  readonly privateKey?: string | undefined
  readonly subject?: string | undefined
  /** How long one HTTP attempt may take (ms; 30,000 by default). A timed-out attempt is retried like a broken connection. */
  readonly attemptTimeoutMs?: number | undefined
  /** @deprecated Use `attemptTimeoutMs` (the same setting under a name that says what it bounds). */
  readonly requestTimeoutMs?: number | undefined
  /** Faults (5xx, broken connections, timeouts) one call retries; 3 by default. 429s do not count. */
  readonly maxRetries?: number | undefined
  /** How long one call may wait on 429s in all (ms; 300,000 by default); 0 retries no 429. */
  readonly rateLimitWaitMs?: number | undefined
  readonly concurrency?: number | undefined
  /** The `User-Agent` header; `@ofsc/core/<version>` by default. */
  readonly userAgent?: string | undefined
  /** `"warn"` returns answers that do not match their model as sent, with a logged warning; `"fail"` (default) throws OfscDecodeError. */
  readonly decodePolicy?: "fail" | "warn" | undefined
  /** How long one blocking call may wait in all, attempts and retries included (ms); 60,000 by default. */
  readonly callTimeoutMs?: number | undefined
  /** @deprecated Use `callTimeoutMs` (the same setting under a name that says what it bounds). */
  readonly timeoutMs?: number | undefined
  /** How long a new worker may take to start (ms); 30,000 by default. */
  readonly bootTimeoutMs?: number | undefined
  /**
   * How long the worker keeps a stream that is not read (ms): 300,000 (5 minutes) by default,
   * `Infinity` for ever. A stream held open holds its last page; reading it later throws
   * `OfscStreamReleased`.
   */
  readonly streamIdleMs?: number | undefined
  /**
   * How many streams the worker keeps open at once: 64 by default, `Infinity` for no cap. Opening
   * one more (its first `next()`) releases the least recently read; reading that one later throws
   * `OfscStreamReleased`. This bounds a script that drops streams unfinished and never lets the
   * event loop run (so the iterators it dropped are never finalized).
   */
  readonly maxOpenStreams?: number | undefined
}

/**
 * What a worker is started with: the script's options and, when they name no connection, the
 * `OFSC_*` variables as they were when the client was made (so the worker, which may start much
 * later, connects exactly as the settings checked then say).
 */
export interface SyncSettings {
  readonly options: SyncOptions
  readonly env: Readonly<Record<string, string>> | undefined
}

/** The options that say where and how to connect; with none of them given, the environment does. */
const connectionKeys = [
  "instance",
  "baseUrl",
  "clientId",
  "clientSecret",
  "auth",
  "accessToken",
  "applicationId",
  "privateKey",
  "subject"
] as const satisfies ReadonlyArray<keyof SyncOptions>

/** The settings of a client made with `options`, reading the environment now if they need it. */
export const settingsFor = (options: SyncOptions): SyncSettings => {
  if (connectionKeys.some((key) => options[key] !== undefined)) return { options, env: undefined }
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("OFSC_") && value !== undefined) env[key] = value
  }
  return { options, env }
}

/** The deadline of one blocking call, under its current name or the deprecated one. */
export const callTimeoutOf = (options: {
  readonly callTimeoutMs?: number | undefined
  readonly timeoutMs?: number | undefined
}): number | undefined => options.callTimeoutMs ?? options.timeoutMs

/** The stream bounds the worker applies, with their defaults. */
export const streamLimits = (options: SyncOptions) => ({
  idleMs: options.streamIdleMs ?? 300_000,
  maxOpen: Math.max(1, options.maxOpenStreams ?? 64)
})

const redacted = (value: string | undefined) => Redacted.make(value ?? "")

/** The tuning options, as core reads them (over the environment or not). */
const tuning = (options: SyncOptions): OfscEnvOverrides => {
  const attemptMs = options.attemptTimeoutMs ?? options.requestTimeoutMs
  return {
    attemptTimeout: attemptMs === undefined ? undefined : `${attemptMs} millis`,
    retry:
      options.maxRetries === undefined && options.rateLimitWaitMs === undefined
        ? undefined
        : {
            maxRetries: options.maxRetries,
            rateLimitWait: options.rateLimitWaitMs === undefined ? undefined : `${options.rateLimitWaitMs} millis`
          },
    concurrency: options.concurrency,
    userAgent: options.userAgent,
    decodePolicy: options.decodePolicy
  }
}

/** Translates the plain options into the configuration the transport reads. */
export const toConfigOptions = (options: SyncOptions): OfscConfigOptions => {
  const clientId = options.clientId ?? ""
  const credentials: OfscConfigOptions["credentials"] =
    options.auth === "bearer"
      ? { _tag: "Bearer", token: redacted(options.accessToken) }
      : options.auth === "jwt"
        ? {
            _tag: "JwtBearer",
            clientId,
            applicationId: options.applicationId ?? "",
            privateKey: redacted(options.privateKey),
            subject: options.subject,
            clientSecret: options.clientSecret === undefined ? undefined : redacted(options.clientSecret)
          }
        : {
            _tag: options.auth === "client_credentials" ? "ClientCredentials" : "Basic",
            clientId,
            clientSecret: redacted(options.clientSecret)
          }
  return { instance: options.instance, baseUrl: options.baseUrl, credentials, ...tuning(options) }
}

/** Core's name of a setting, as this package's options call it. */
const optionNames: Record<string, string> = {
  token: "accessToken",
  attemptTimeout: "attemptTimeoutMs",
  "retry.maxRetries": "maxRetries",
  "retry.rateLimitWait": "rateLimitWaitMs"
}

const inOurNames = (error: OfscConfigError): OfscConfigError => {
  const key = optionNames[error.key]
  return key === undefined ? error : new OfscConfigError({ key, reason: error.reason })
}

/**
 * Checks the settings and answers the configuration the client runs with. Errors name the option
 * (`clientSecret`, `attemptTimeoutMs`) or the environment variable (`OFSC_CLIENT_SECRET`) to fix.
 */
export const resolveSettings = (settings: SyncSettings): Effect.Effect<OfscConfigShape, OfscConfigError> =>
  settings.env === undefined
    ? Effect.mapError(resolve(toConfigOptions(settings.options)), inOurNames)
    : resolveFromEnv(tuning(settings.options)).pipe(
        Effect.mapError(inOurNames),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(settings.env))))
      )
