/**
 * The exit code for each kind of failure, so scripts can branch on what went wrong without
 * parsing messages. The README lists the same table.
 */
import type { OfscConfigError, OfscError, OfscIdempotencyConflict, OfscSubscriptionExpired } from "@ofsc/core"
import type { MirrorError } from "@ofsc/mirror"
import type { CliError } from "./CliError.js"

/** Exit codes by kind of failure. */
export const exitCodes = {
  ok: 0,
  /** Anything not listed below (a file that cannot be written, say). */
  failure: 1,
  /** The input did not match the operation (nothing was sent), or a flag or argument is wrong. */
  invalidInput: 2,
  /** OFS refused the request as written (400 and other 4xx without a code of their own). */
  badRequest: 3,
  /** Not found, an expired or deleted events subscription among them. */
  notFound: 4,
  /**
   * OFS answered 409, or an idempotency key matches more than one activity (nothing was sent), or
   * another mirror took over the database.
   */
  conflict: 5,
  authentication: 6,
  authorization: 7,
  rateLimited: 8,
  server: 9,
  /** No answer: connection refused or dropped, or a timeout. */
  network: 10,
  /** The answer did not match the operation's schema. */
  decode: 11,
  /** A missing or bad setting (instance, credentials, profile), or a mirror database that cannot be opened or used. */
  config: 12,
  /** Stopped by Ctrl-C (SIGINT), as shells expect. */
  interrupted: 130
} as const

/** Every failure a command can end with. */
export type CommandFailure =
  | OfscError
  | OfscSubscriptionExpired
  | OfscIdempotencyConflict
  | OfscConfigError
  | MirrorError
  | CliError

/** The exit code of a failure. */
export const exitCodeOf = (error: CommandFailure): number =>
  error._tag === "CliError"
    ? error.kind === "usage"
      ? exitCodes.invalidInput
      : error.kind === "config"
        ? exitCodes.config
        : exitCodes.failure
    : exitCodeOfTag(error._tag)

/** The exit code of an OFS or mirror error by its tag (1 for a tag that is not one of them). */
export const exitCodeOfTag = (tag: string): number => {
  switch (tag) {
    case "OfscInvalidInput":
      return exitCodes.invalidInput
    case "OfscBadRequest":
      return exitCodes.badRequest
    case "OfscNotFound":
    case "OfscSubscriptionExpired":
      return exitCodes.notFound
    case "OfscConflict":
    case "OfscIdempotencyConflict":
    case "MirrorBusy":
      return exitCodes.conflict
    case "OfscAuthenticationError":
      return exitCodes.authentication
    case "OfscAuthorizationError":
      return exitCodes.authorization
    case "OfscRateLimited":
      return exitCodes.rateLimited
    case "OfscServerError":
      return exitCodes.server
    case "OfscTransportError":
      return exitCodes.network
    case "OfscDecodeError":
      return exitCodes.decode
    case "OfscConfigError":
    case "MirrorDatabaseError":
    case "MirrorSchemaTooNew":
    case "MirrorOptionsError":
      return exitCodes.config
    default:
      return exitCodes.failure
  }
}
