/**
 * An OFS operation described as a value: method, path template, schemas for its path, query and
 * body, what a success looks like, and how it pages. The transport, paging, the sync wrapper and the
 * coverage check all read these descriptors; the API packages hold one per OFS operation.
 */
import type { AnswerSpec } from "@ofsc/models"
import type * as Schema from "effect/Schema"

/** The HTTP methods OFS uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD"

/** How a list operation pages: by `offset`/`limit`, by an opaque cursor, or not at all. */
export type PagingKind = "none" | "offset-limit" | "cursor"

/** Bytes sent or received as they are, with the media type and file name OFS keeps for them. */
export interface BinaryContent {
  readonly data: Uint8Array
  readonly contentType?: string | undefined
  readonly filename?: string | undefined
}

/**
 * What reading OFS back proves that a write took effect, so that a verified resend knows what to
 * look at after an ambiguous failure (the request may or may not have reached OFS):
 * - `activity.byKey`: an activity with the body's `apptNumber` exists on the body's resource and
 *   date (activity create; without an `apptNumber` in the body nothing proves it, so do not resend);
 * - `activity.status`: the activity's status is the one the action moves it to;
 * - `activity.endTime`: the activity's end time is the one the delay asks for (`delayUntilTime`, or
 *   the end time read before the first send plus `delayMinutes`);
 * - `activity.placement`: the activity is on the resource and date (and in the position) asked for;
 * - `activity.copy`: the activity the action creates from this one exists (the suspended, reopened
 *   or prework copy);
 * - `activity.link`: the activity's links hold one of the body's type to the body's other activity;
 * - `subscription.sameConfig`: OFS answers a create with an existing subscription's config with that
 *   subscription, so the resend itself tells which one was made;
 * - `route.activation`: the resource's route for the date is activated (or deactivated) as asked;
 * - `user.collaborationGroups`: the user's collaboration groups hold the ones sent;
 * - `metadata.byLabel`: the configuration item named by the label in the path or body exists;
 * - `chat.membership`: the chat's participants hold (invite) or no longer hold (leave) the user.
 */
export type WriteProof =
  | "activity.byKey"
  | "activity.status"
  | "activity.endTime"
  | "activity.placement"
  | "activity.copy"
  | "activity.link"
  | "subscription.sameConfig"
  | "route.activation"
  | "user.collaborationGroups"
  | "metadata.byLabel"
  | "chat.membership"

/**
 * Whether a write may be sent again after a failure that leaves unknown whether OFS acted on it
 * (a 5xx, a broken connection, a timeout):
 * - `idempotent`: sending it twice has the effect of sending it once, so it is retried freely;
 * - `verifiable`: a resend is safe only after reading back, as `proof` says, that the first did not
 *   take effect;
 * - `unsafe`: nothing read back tells whether it took effect and a second send may duplicate it, so
 *   it is never resent after an ambiguous failure.
 * `reason` says why in one sentence (for `verifiable`, what the check reads).
 */
export type WriteSafety =
  | { readonly kind: "idempotent"; readonly reason: string }
  | { readonly kind: "verifiable"; readonly proof: WriteProof; readonly reason: string }
  | { readonly kind: "unsafe"; readonly reason: string }

/** The kinds of {@link WriteSafety}. */
export type WriteSafetyKind = WriteSafety["kind"]

/** A value for a multipart form field: text, or a file. */
export type MultipartValue = string | BinaryContent

/** How the request body is sent. The schema checks (and encodes) the caller's value first. */
export type RequestBodySpec<B> =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly schema: Schema.Schema<B, unknown> }
  | { readonly kind: "form"; readonly schema: Schema.Schema<B, unknown> }
  | { readonly kind: "octet-stream" }
  | { readonly kind: "multipart"; readonly schema: Schema.Schema<B, unknown> }

/**
 * What a successful answer carries: JSON checked against a schema, nothing, JSON the spec leaves
 * untyped (handed back parsed, `undefined` when the answer is empty), or bytes.
 */
export type ResponseBodySpec<A> =
  | {
      readonly kind: "json"
      readonly schema: Schema.Schema<A, unknown>
      /**
       * The schema's only transformations turn `null` in optional fields into absent ones (as the
       * lenient generated models do): the transport may then drop nulls while parsing and check
       * the type side alone, which decodes large lists about twice as fast.
       */
      readonly nullsAsAbsent?: boolean | undefined
      /**
       * The schema's compiled decoder (generated beside the lenient models), named lazily: a
       * function over parsed JSON that answers what the schema's decode answers, or
       * `Symbol.for("@ofsc/models/invalid")` where it fails. The transport then decodes with the
       * schema only to say why.
       */
      readonly decoder?: (() => (json: unknown) => unknown) | undefined
    }
  | { readonly kind: "empty" }
  | { readonly kind: "untyped" }
  | { readonly kind: "bytes" }

/**
 * One OFS operation. `P`, `Q` and `B` are the caller's path, query and body types (`void` where the
 * operation has none); `A` is the decoded success value.
 */
export interface Operation<P, Q, B, A> {
  /** A stable id, unique across the API (for example `metadata.shifts.get`). */
  readonly id: string
  readonly method: HttpMethod
  /** The path template with `{name}` placeholders, for example `/rest/ofscMetadata/v1/shifts/{label}`. */
  readonly path: string
  readonly pathParams: Schema.Schema<P, unknown> | undefined
  readonly query: Schema.Schema<Q, unknown> | undefined
  readonly body: RequestBodySpec<B>
  readonly success: ResponseBodySpec<A>
  readonly paging: PagingKind
  /**
   * A POST or PATCH that OFS treats as idempotent, so the transport may retry it: always the same as
   * `write.kind === "idempotent"` for those methods.
   */
  readonly retrySafe: boolean
  /**
   * Whether the request may be sent again after an ambiguous failure, and what proves it took
   * effect; `undefined` for reads (GET, HEAD). PUT and DELETE are idempotent unless said otherwise.
   */
  readonly write: WriteSafety | undefined
  /**
   * How many calls of this operation OFS runs at once per instance, when it documents a limit
   * (GET activities: 3). The transport keeps the client's calls of it within that bound.
   */
  readonly concurrencyLimit: number | undefined
}

/** Any operation, whatever its types. */
// biome-ignore lint/suspicious/noExplicitAny: the existential "some operation" needs open type parameters
export type AnyOperation = Operation<any, any, any, any>

type PathPart<P> = [P] extends [void] ? unknown : { readonly path: P }
type QueryPart<Q> = [Q] extends [void]
  ? unknown
  : Record<string, never> extends Q
    ? { readonly query?: Q | undefined }
    : { readonly query: Q }
type BodyPart<B> = [B] extends [void] ? unknown : { readonly body: B }

/** What `call` takes for an operation: `path`, `query` and `body`, each only where the operation has it. */
export type OperationInput<Op> =
  Op extends Operation<infer P, infer Q, infer B, infer _A> ? PathPart<P> & QueryPart<Q> & BodyPart<B> : never

/** The decoded success value of an operation. */
export type OperationOutput<Op> = Op extends Operation<infer _P, infer _Q, infer _B, infer A> ? A : never

/** The argument list of `call` for an operation: the input may be left out when nothing in it is required. */
export type OperationArgs<Op> =
  Record<string, never> extends OperationInput<Op> ? [input?: OperationInput<Op>] : [input: OperationInput<Op>]

/** What a schema decodes to, as an operation type parameter (`void` when there is no schema). */
type TypeOf<S> = S extends Schema.Schema<infer T, infer _I, never> ? T : void

/** The description `make` takes; schemas may have any encoded form. */
export interface OperationSpec<
  PS extends Schema.Schema.AnyNoContext | undefined,
  QS extends Schema.Schema.AnyNoContext | undefined,
  BS extends BodySpecInput,
  RS extends ResponseSpecInput
> {
  readonly id: string
  readonly method: HttpMethod
  readonly path: string
  readonly pathParams?: PS
  readonly query?: QS
  readonly body?: BS
  readonly success?: RS
  readonly paging?: PagingKind
  /** Shorthand for `write: { kind: "idempotent" }` on a POST or PATCH; `write` wins when both are given. */
  readonly retrySafe?: boolean
  readonly write?: WriteSafety
  readonly concurrencyLimit?: number
}

/** The request body as `make` takes it. */
export type BodySpecInput =
  | { readonly kind: "none" }
  | { readonly kind: "json" | "form" | "multipart"; readonly schema: Schema.Schema.AnyNoContext }
  | { readonly kind: "octet-stream" }

/** The success body as `make` takes it: what `decodeAnswer` (@ofsc/models) reads an answer by. */
export type ResponseSpecInput = AnswerSpec

type BodyOf<BS> = BS extends { readonly schema: infer S }
  ? TypeOf<S>
  : BS extends { readonly kind: "octet-stream" }
    ? BinaryContent
    : void
type SuccessOf<RS> = RS extends { readonly schema: infer S }
  ? TypeOf<S>
  : RS extends { readonly kind: "bytes" }
    ? Uint8Array
    : RS extends { readonly kind: "untyped" }
      ? unknown
      : void

/** Describes an operation; the types of its input and output follow from the schemas given. */
export const make = <
  PS extends Schema.Schema.AnyNoContext | undefined = undefined,
  QS extends Schema.Schema.AnyNoContext | undefined = undefined,
  BS extends BodySpecInput = { readonly kind: "none" },
  RS extends ResponseSpecInput = { readonly kind: "empty" }
>(
  spec: OperationSpec<PS, QS, BS, RS>
): Operation<TypeOf<PS>, TypeOf<QS>, BodyOf<BS>, SuccessOf<RS>> =>
  ({
    id: spec.id,
    method: spec.method,
    path: spec.path,
    pathParams: spec.pathParams,
    query: spec.query,
    body: spec.body ?? { kind: "none" },
    success: spec.success ?? { kind: "empty" },
    paging: spec.paging ?? "none",
    retrySafe: isWrite(spec.method) ? writeSafetyOf(spec)?.kind === "idempotent" : (spec.retrySafe ?? false),
    write: writeSafetyOf(spec),
    concurrencyLimit: spec.concurrencyLimit
  }) as Operation<TypeOf<PS>, TypeOf<QS>, BodyOf<BS>, SuccessOf<RS>>

const isWrite = (method: HttpMethod): boolean => method === "POST" || method === "PATCH"

const byHttpSemantics: WriteSafety = { kind: "idempotent", reason: "PUT and DELETE are idempotent by HTTP semantics." }
const notClassified: WriteSafety = {
  kind: "unsafe",
  reason: "Not classified: a POST or PATCH is never resent after an ambiguous failure unless said otherwise."
}
const saidRetrySafe: WriteSafety = { kind: "idempotent", reason: "Described as retrySafe." }

/** A descriptor's write safety: as given, else by method (`retrySafe` marks a POST/PATCH idempotent). */
const writeSafetyOf = (spec: Pick<OperationSpec<never, never, never, never>, "method" | "retrySafe" | "write">) =>
  spec.write ??
  (isWrite(spec.method)
    ? spec.retrySafe
      ? saidRetrySafe
      : notClassified
    : spec.method === "PUT" || spec.method === "DELETE"
      ? byHttpSemantics
      : undefined)

/** Requests that can be sent twice with the same effect, and so may be retried. */
export const isIdempotent = (
  op: Pick<AnyOperation, "method" | "retrySafe"> & { readonly write?: WriteSafety | undefined }
): boolean =>
  op.method === "GET" ||
  op.method === "HEAD" ||
  (op.write === undefined
    ? op.retrySafe || op.method === "PUT" || op.method === "DELETE"
    : op.write.kind === "idempotent")
