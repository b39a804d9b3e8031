/**
 * The closed set of errors an OFS call can fail with. Each error is defined once, as a
 * `Schema.TaggedError` class: callers `Effect.catchTag("OfscNotFound", ...)` or test `instanceof`,
 * and the union, its tag set and the encoding that carries an error across a thread follow from the
 * classes. None of them carries a secret.
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/** What every failed call says about where it was going: enough to find it in logs, never the credentials. */
const requestFields = {
  /** The operation id from the table, or `raw` for the escape hatch. */
  operation: Schema.String,
  method: Schema.String,
  /** The request path with its parameters filled in, without the query string. */
  path: Schema.String
}

/** Where a failed stream stopped, set only on the error a `stream(...)` fails with. */
const streamPositionFields = {
  /**
   * The list offset of the first item the stream did not emit: pass it as the stream's `from`
   * option to continue exactly there, with nothing lost and nothing repeated.
   */
  resumeFrom: Schema.optional(Schema.Number)
}

/** What OFS said in its error body, plus the status it answered with. */
const responseFields = {
  ...requestFields,
  ...streamPositionFields,
  status: Schema.Number,
  /** The `type` URI of the OFS error body, when there was one. */
  type: Schema.optional(Schema.String),
  /** The `title` of the OFS error body, or the start of a non-JSON body. */
  title: Schema.optional(Schema.String),
  /** The `detail` of the OFS error body. */
  detail: Schema.optional(Schema.String)
}

/** What a 429 or 5xx answer adds: the wait its `Retry-After` header asked for, if any. */
const retryAfterFields = { ...responseFields, retryAfter: Schema.Option(Schema.Duration) }

/** Where a failed call was going: enough to find it in logs, never the credentials. */
export interface OfscRequestInfo extends Schema.Struct.Type<typeof requestFields> {}

/** Where a failed stream stopped. Set only on the error a `stream(...)` fails with. */
export interface OfscStreamPosition extends Schema.Struct.Type<typeof streamPositionFields> {}

/** What OFS said in its error body, plus the status it answered with. */
export interface OfscResponseInfo extends Schema.Struct.Type<typeof responseFields> {}

/** What a 429 or 5xx answer adds: the wait its `Retry-After` header asked for, if any. */
export interface OfscRetryAfterInfo extends Schema.Struct.Type<typeof retryAfterFields> {}

/** An error class whose `message` is rendered from its fields by `render` (one rule, never a secret). */
const withMessage = <C extends abstract new (...args: never) => Error>(
  Base: C,
  render: (error: InstanceType<C>) => string
): C => {
  Object.defineProperty(Base.prototype, "message", {
    get(this: InstanceType<C>) {
      return render(this)
    },
    enumerable: false,
    configurable: true
  })
  return Base
}

/** The message of every error that comes from an HTTP answer: the call, the status, what OFS said. */
const describeAnswer = (e: OfscResponseInfo): string =>
  `${e.method} ${e.path} answered ${e.status}${e.title ? `: ${e.title}` : ""}${e.detail ? ` (${e.detail})` : ""}`

/** An error class for an HTTP answer: the response fields, and the message {@link describeAnswer} writes. */
const answerError =
  <Self>() =>
  <Tag extends string, Fields extends typeof responseFields>(tag: Tag, fields: Fields) =>
    withMessage(
      Schema.TaggedError<Self>()(tag, fields) as unknown as Schema.TaggedErrorClass<
        Self,
        Tag,
        { readonly _tag: Schema.tag<Tag> } & Fields
      >,
      // Fields extends the response fields, which TypeScript cannot see through the generic
      (e) => describeAnswer(e as unknown as OfscResponseInfo)
    )

/** 400 and the other 4xx answers without a class of their own: OFS refused the request as written. */
export class OfscBadRequest extends answerError<OfscBadRequest>()("OfscBadRequest", responseFields) {}

/** 401 (or a 400 from the token service): the credentials were missing, wrong or expired, even after one token refresh where that applies. */
export class OfscAuthenticationError extends answerError<OfscAuthenticationError>()(
  "OfscAuthenticationError",
  responseFields
) {}

/** 403: the credentials are valid but the application may not do this. */
export class OfscAuthorizationError extends answerError<OfscAuthorizationError>()(
  "OfscAuthorizationError",
  responseFields
) {}

/** 404: the entity or path does not exist. */
export class OfscNotFound extends answerError<OfscNotFound>()("OfscNotFound", responseFields) {}

/** 409: the change conflicts with the current state (for example a shift still in use). */
export class OfscConflict extends answerError<OfscConflict>()("OfscConflict", responseFields) {}

/** 429: too many requests; `retryAfter` is the wait OFS asked for. */
export class OfscRateLimited extends answerError<OfscRateLimited>()("OfscRateLimited", retryAfterFields) {}

/** 5xx: OFS or a gateway in front of it failed; `retryAfter` is the wait it asked for, if any. */
export class OfscServerError extends answerError<OfscServerError>()("OfscServerError", retryAfterFields) {}

/** The reasons no HTTP answer arrived: the connection never opened, broke, or the per-request timeout fired. */
const TransportReason = Schema.Literal("Connect", "Network", "Timeout")

/** Why no HTTP answer arrived: the connection never opened, broke, or the per-request timeout fired. */
export type OfscTransportReason = typeof TransportReason.Type

/** No HTTP answer: connection refused or dropped, or the request timed out. */
export class OfscTransportError extends withMessage(
  Schema.TaggedError<OfscTransportError>()("OfscTransportError", {
    ...requestFields,
    ...streamPositionFields,
    reason: TransportReason,
    /** The host the request went to, with the port unless it is the scheme's default (`127.0.0.1:8080`). */
    server: Schema.optional(Schema.String),
    /** What the HTTP client said (an error code and message), never the request with its headers. */
    cause: Schema.optional(Schema.Unknown)
  }),
  (e) => `${e.method} ${e.path}${e.server === undefined ? "" : ` to ${e.server}`} failed: ${e.reason}`
) {}

/** One problem found by a schema: where (a path of keys and indexes) and what. */
const SchemaIssue = Schema.Struct({ path: Schema.Array(Schema.PropertyKey), message: Schema.String })

/** One problem found by a schema: where (a path of keys and indexes) and what. */
export interface OfscSchemaIssue extends Schema.Schema.Type<typeof SchemaIssue> {}

/** Renders schema issues as `a.b: message; c: message`. */
export const formatIssues = (issues: ReadonlyArray<OfscSchemaIssue>): string =>
  issues.map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`).join("; ")

/** The answer did not match the operation's success schema. */
export class OfscDecodeError extends withMessage(
  Schema.TaggedError<OfscDecodeError>()("OfscDecodeError", {
    ...requestFields,
    ...streamPositionFields,
    status: Schema.Number,
    issues: Schema.Array(SchemaIssue),
    /**
     * The answer as OFS sent it: its parsed JSON (nulls included), or its text when it is not
     * JSON. Absent for the token service, whose answers carry credentials.
     */
    body: Schema.optional(Schema.Unknown)
  }),
  (e) => `${e.method} ${e.path}: the answer did not match ${e.operation}: ${formatIssues(e.issues)}`
) {}

/** The caller's input did not match the operation's schemas; nothing was sent. */
export class OfscInvalidInput extends withMessage(
  Schema.TaggedError<OfscInvalidInput>()("OfscInvalidInput", {
    ...streamPositionFields,
    operation: Schema.String,
    issues: Schema.Array(SchemaIssue)
  }),
  (e) => `invalid input for ${e.operation}: ${formatIssues(e.issues)}`
) {}

/** Configuration that is missing or malformed; `key` names the setting (or environment variable). */
export class OfscConfigError extends withMessage(
  Schema.TaggedError<OfscConfigError>()("OfscConfigError", { key: Schema.String, reason: Schema.String }),
  (e) => `OFS configuration ${e.key}: ${e.reason}`
) {}

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
export class OfscSubscriptionExpired extends withMessage(
  Schema.TaggedError<OfscSubscriptionExpired>()("OfscSubscriptionExpired", {
    ...responseFields,
    subscriptionId: Schema.String
  }),
  (e) =>
    `subscription ${e.subscriptionId} has expired or was deleted (${describeAnswer(e)}): create a new one and reload`
) {}

/** What {@link OfscIdempotencyConflict} carries: the key, the field it was looked up in, and what matched. */
const idempotencyConflictFields = {
  /** The operation whose resend was being decided (`core.activities.create`). */
  operation: Schema.String,
  idempotencyKey: Schema.String,
  /** The field the key was written to and searched in (`apptNumber` by default). */
  keyField: Schema.String,
  /** The ids of the activities that carry the key. */
  matches: Schema.Array(Schema.Number)
}

/** What {@link OfscIdempotencyConflict} carries: the key, the field it was looked up in, and what matched. */
export interface OfscIdempotencyConflictInfo extends Schema.Struct.Type<typeof idempotencyConflictFields> {}

/**
 * A create's answer was lost, and its idempotency key matches more than one activity: the client
 * cannot tell which one (if any) it made, so it neither guesses nor sends again. Make keys unique.
 * Stays beside the `OfscError` union, like {@link OfscSubscriptionExpired}.
 */
export class OfscIdempotencyConflict extends withMessage(
  Schema.TaggedError<OfscIdempotencyConflict>()("OfscIdempotencyConflict", idempotencyConflictFields),
  (e) =>
    `${e.operation}: idempotency key '${e.idempotencyKey}' in ${e.keyField} matches ${e.matches.length} activities (${e.matches.join(", ")}); not sent again`
) {}

/**
 * The errors that come from an HTTP answer (as opposed to transport, decoding or input), as one
 * Schema: `Schema.encode(OfscHttpError)` turns one into plain data and `Schema.decode` back.
 */
export const OfscHttpError = Schema.Union(
  OfscBadRequest,
  OfscAuthenticationError,
  OfscAuthorizationError,
  OfscNotFound,
  OfscConflict,
  OfscRateLimited,
  OfscServerError
)

/** The errors that come from an HTTP answer (as opposed to transport, decoding or input). */
export type OfscHttpError = typeof OfscHttpError.Type

/**
 * Every error an OFS call can fail with, as one Schema: its type is the union a caller can
 * `catchTags` over, and encoding it gives plain data that crosses threads and wires.
 */
export const OfscError = Schema.Union(...OfscHttpError.members, OfscTransportError, OfscDecodeError, OfscInvalidInput)

/** Every error an OFS call can fail with. */
export type OfscError = typeof OfscError.Type

/**
 * Every error class of `@ofsc/core`: the {@link OfscError} union and the ones beside it
 * (configuration, an expired subscription, an idempotency conflict), as one Schema.
 */
export const OfscAnyError = Schema.Union(
  ...OfscError.members,
  OfscConfigError,
  OfscSubscriptionExpired,
  OfscIdempotencyConflict
)

/** Any error class of `@ofsc/core`. */
export type OfscAnyError = typeof OfscAnyError.Type

const errorTags: ReadonlySet<string> = new Set(OfscError.members.map((member) => member._tag))

/** True for any of the errors in {@link OfscError}. */
export const isOfscError = (u: unknown): u is OfscError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && errorTags.has(u._tag)
