/**
 * The closed set of errors an OFS call can fail with. Each is a tagged class, so callers can
 * `Effect.catchTag("OfscNotFound", ...)` or test `instanceof`. None of them carries a secret.
 */
import * as Data from "effect/Data"
import type * as Duration from "effect/Duration"
import type * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"

/** Where a failed call was going: enough to find it in logs, never the credentials. */
export interface OfscRequestInfo {
  /** The operation id from the table, or `raw` for the escape hatch. */
  readonly operation: string
  readonly method: string
  /** The request path with its parameters filled in, without the query string. */
  readonly path: string
}

/** Where a failed stream stopped. Set only on the error a `stream(...)` fails with. */
export interface OfscStreamPosition {
  /**
   * The list offset of the first item the stream did not emit: pass it as the stream's `from`
   * option to continue exactly there, with nothing lost and nothing repeated.
   */
  readonly resumeFrom?: number | undefined
}

/** What OFS said in its error body, plus the status it answered with. */
export interface OfscResponseInfo extends OfscRequestInfo, OfscStreamPosition {
  readonly status: number
  /** The `type` URI of the OFS error body, when there was one. */
  readonly type?: string | undefined
  /** The `title` of the OFS error body, or the start of a non-JSON body. */
  readonly title?: string | undefined
  /** The `detail` of the OFS error body. */
  readonly detail?: string | undefined
}

const describe = (e: OfscResponseInfo): string =>
  `${e.method} ${e.path} answered ${e.status}${e.title ? `: ${e.title}` : ""}${e.detail ? ` (${e.detail})` : ""}`

/** 400 and the other 4xx answers without a class of their own: OFS refused the request as written. */
export class OfscBadRequest extends Data.TaggedError("OfscBadRequest")<OfscResponseInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** 401 (or a 400 from the token service): the credentials were missing, wrong or expired, even after one token refresh where that applies. */
export class OfscAuthenticationError extends Data.TaggedError("OfscAuthenticationError")<OfscResponseInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** 403: the credentials are valid but the application may not do this. */
export class OfscAuthorizationError extends Data.TaggedError("OfscAuthorizationError")<OfscResponseInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** 404: the entity or path does not exist. */
export class OfscNotFound extends Data.TaggedError("OfscNotFound")<OfscResponseInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** 409: the change conflicts with the current state (for example a shift still in use). */
export class OfscConflict extends Data.TaggedError("OfscConflict")<OfscResponseInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** What a 429 or 5xx answer adds: the wait its `Retry-After` header asked for, if any. */
export interface OfscRetryAfterInfo extends OfscResponseInfo {
  readonly retryAfter: Option.Option<Duration.Duration>
}

/** 429: too many requests. */
export class OfscRateLimited extends Data.TaggedError("OfscRateLimited")<OfscRetryAfterInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** 5xx: OFS or a gateway in front of it failed. */
export class OfscServerError extends Data.TaggedError("OfscServerError")<OfscRetryAfterInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return describe(this)
  }
}

/** Why no HTTP answer arrived: the connection never opened, broke, or the per-request timeout fired. */
export type OfscTransportReason = "Connect" | "Network" | "Timeout"

/** No HTTP answer: connection refused or dropped, or the request timed out. */
export class OfscTransportError extends Data.TaggedError("OfscTransportError")<
  OfscRequestInfo &
    OfscStreamPosition & {
      readonly reason: OfscTransportReason
      /** The host the request went to, with the port unless it is the scheme's default (`127.0.0.1:8080`). */
      readonly server?: string | undefined
      readonly cause?: unknown
    }
> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `${this.method} ${this.path}${this.server === undefined ? "" : ` to ${this.server}`} failed: ${this.reason}`
  }
}

/** One problem found by a schema: where (a path of keys and indexes) and what. */
export interface OfscSchemaIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** The answer did not match the operation's success schema. */
export class OfscDecodeError extends Data.TaggedError("OfscDecodeError")<
  OfscRequestInfo &
    OfscStreamPosition & {
      readonly status: number
      readonly issues: ReadonlyArray<OfscSchemaIssue>
      /**
       * The answer as OFS sent it: its parsed JSON (nulls included), or its text when it is not
       * JSON. Absent for the token service, whose answers carry credentials.
       */
      readonly body?: unknown
    }
> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `${this.method} ${this.path}: the answer did not match ${this.operation}: ${formatIssues(this.issues)}`
  }
}

/** The caller's input did not match the operation's schemas; nothing was sent. */
export class OfscInvalidInput extends Data.TaggedError("OfscInvalidInput")<
  OfscStreamPosition & {
    readonly operation: string
    readonly issues: ReadonlyArray<OfscSchemaIssue>
  }
> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `invalid input for ${this.operation}: ${formatIssues(this.issues)}`
  }
}

/** Configuration that is missing or malformed; `key` names the setting (or environment variable). */
export class OfscConfigError extends Data.TaggedError("OfscConfigError")<{
  readonly key: string
  readonly reason: string
}> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `OFS configuration ${this.key}: ${this.reason}`
  }
}

/** What {@link OfscSubscriptionExpired} carries: the subscription, and OFS's 404 answer for its events. */
export interface OfscSubscriptionExpiredInfo extends OfscResponseInfo {
  readonly subscriptionId: string
}

/**
 * 404 for the events of a subscription: OFS expired it (nobody read it for 36 hours) or it was
 * deleted. The events it would have delivered are out of reach, so a consumer must not carry on as
 * if nothing was missed: create a new subscription and reload what it keeps (a fresh first load).
 * Only the events polls and stream fail with it; it stays beside the `OfscError` union, not in it.
 *
 * @example
 * core.events.polls(id, { from }).pipe(Stream.catchTag("OfscSubscriptionExpired", () => freshLoad))
 */
export class OfscSubscriptionExpired extends Data.TaggedError("OfscSubscriptionExpired")<OfscSubscriptionExpiredInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `subscription ${this.subscriptionId} has expired or was deleted (${describe(this)}): create a new one and reload`
  }
}

/** What {@link OfscIdempotencyConflict} carries: the key, the field it was looked up in, and what matched. */
export interface OfscIdempotencyConflictInfo {
  /** The operation whose resend was being decided (`core.activities.create`). */
  readonly operation: string
  readonly idempotencyKey: string
  /** The field the key was written to and searched in (`apptNumber` by default). */
  readonly keyField: string
  /** The ids of the activities that carry the key. */
  readonly matches: ReadonlyArray<number>
}

/**
 * A create's answer was lost, and its idempotency key matches more than one activity: the client
 * cannot tell which one (if any) it made, so it neither guesses nor sends again. Make keys unique.
 * Stays beside the `OfscError` union, like {@link OfscSubscriptionExpired}.
 */
export class OfscIdempotencyConflict extends Data.TaggedError("OfscIdempotencyConflict")<OfscIdempotencyConflictInfo> {
  /** One line naming what failed, built from the fields (never a secret). */
  override get message() {
    return `${this.operation}: idempotency key '${this.idempotencyKey}' in ${this.keyField} matches ${this.matches.length} activities (${this.matches.join(", ")}); not sent again`
  }
}

/** Every error an OFS call can fail with. */
export type OfscError =
  | OfscBadRequest
  | OfscAuthenticationError
  | OfscAuthorizationError
  | OfscNotFound
  | OfscConflict
  | OfscRateLimited
  | OfscServerError
  | OfscTransportError
  | OfscDecodeError
  | OfscInvalidInput

/** The errors that come from an HTTP answer (as opposed to transport, decoding or input). */
export type OfscHttpError =
  | OfscBadRequest
  | OfscAuthenticationError
  | OfscAuthorizationError
  | OfscNotFound
  | OfscConflict
  | OfscRateLimited
  | OfscServerError

const errorTags: ReadonlySet<string> = new Set([
  "OfscBadRequest",
  "OfscAuthenticationError",
  "OfscAuthorizationError",
  "OfscNotFound",
  "OfscConflict",
  "OfscRateLimited",
  "OfscServerError",
  "OfscTransportError",
  "OfscDecodeError",
  "OfscInvalidInput"
])

/** True for any of the errors in {@link OfscError}. */
export const isOfscError = (u: unknown): u is OfscError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && errorTags.has(u._tag)

/** Renders schema issues as `a.b: message; c: message`. */
export const formatIssues = (issues: ReadonlyArray<OfscSchemaIssue>): string =>
  issues.map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`).join("; ")
