/** The plain options a script passes, and their translation to @ofsc/core's configuration. */
import type { OfscConfigOptions } from "@ofsc/core"
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
  /** How long one HTTP attempt may take (ms). */
  readonly requestTimeoutMs?: number | undefined
  readonly maxRetries?: number | undefined
  readonly concurrency?: number | undefined
  /** How long a blocking call may wait in all, retries included (ms); 60,000 by default. */
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

/** The stream bounds the worker applies, with their defaults. */
export const streamLimits = (options: SyncOptions) => ({
  idleMs: options.streamIdleMs ?? 300_000,
  maxOpen: Math.max(1, options.maxOpenStreams ?? 64)
})

const redacted = (value: string | undefined) => Redacted.make(value ?? "")

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
  return {
    instance: options.instance,
    baseUrl: options.baseUrl,
    credentials,
    timeout: options.requestTimeoutMs === undefined ? undefined : `${options.requestTimeoutMs} millis`,
    retry: options.maxRetries === undefined ? undefined : { maxRetries: options.maxRetries },
    concurrency: options.concurrency
  }
}
