/**
 * Writes that are safe to send again. OFS has no idempotency-key header, so after an answer that
 * may hide an effect (a 5xx, a timeout, a connection dropped once the request was written) the
 * client reads OFS before it decides:
 *
 * - `createActivityOnce`: the idempotency key is written into a field OFS can search (the appointment
 *   number by default); after an ambiguous failure the activity is looked up by it on its date. One
 *   match: the create happened, its activity is the answer. None: sent again. More than one:
 *   `OfscIdempotencyConflict`, never a guess.
 * - `activityActionOnce`: a lifecycle action is checked by what proves it took effect, as its
 *   descriptor's `write.proof` names it (one table for the transport, the CLI and this module:
 *   docs/writes.md); if OFS already shows the effect, the action is not sent again.
 *
 * A failure that cannot have acted (400, 404, 409, a connection that never opened) is answered at
 * once; 429s and connect failures are already retried by the transport. Every look-up is an
 * ordinary GET with the transport's retries, within the same concurrency bounds.
 */
import * as Effect from "effect/Effect"
import * as Ops from "./generated/operations.js"
import type { OfscCoreApi } from "./OfscCore.js"
import { type OfscError, OfscIdempotencyConflict, OfscInvalidInput } from "./OfscError.js"
import type { AnyOperation } from "./Operation.js"

/** What a safe write did: whether it found its effect already there, and how many times it was sent again. */
export interface SafeWriteOutcome {
  /** True when a lost answer had hidden a write that did happen: nothing was sent again for it. */
  readonly alreadyApplied: boolean
  /** How many times the write was sent again after a failure that had not acted. */
  readonly resends: number
}

/** How a safe write behaves. */
export interface SafeWriteOptions {
  /** How many times a write found not to have happened is sent again (3 by default). */
  readonly maxResends?: number | undefined
}

/** What a keyed create calls: the plain create and the search (any ofscCore API has both). */
export interface ActivityCreator {
  readonly activities: {
    /** The plain create, sent as it is. */
    readonly create: (body: CreateBody) => Effect.Effect<Activity, OfscError | OfscIdempotencyConflict>
    /** The activity search, to look the key up. */
    readonly search: OfscCoreApi["activities"]["search"]
  }
}

/** A create's idempotency key and where it goes. */
export interface IdempotentCreateOptions extends SafeWriteOptions {
  /** A key unique to this create: the same key for every try of the same intended activity. */
  readonly idempotencyKey: string
  /** The searchable field the key is written to and looked up in (`apptNumber` by default). */
  readonly keyField?: string | undefined
}

/** Whether a failure may hide a write that happened: OFS (or a gateway) answered 5xx, or the answer was lost. */
export const mayHaveActed = (error: OfscError): boolean =>
  error._tag === "OfscServerError" || (error._tag === "OfscTransportError" && error.reason !== "Connect")

/** The body of an activity create. */
export type CreateBody = Parameters<OfscCoreApi["activities"]["create"]>[0]
/** An activity as `core.activities.get` answers it. */
export type Activity = Effect.Effect.Success<ReturnType<OfscCoreApi["activities"]["get"]>>

const defaultResends = 3

/** Sends `send`; after a failure that may have acted, `settled` says whether the write is already done. */
const sendOnce = <A, E>(
  send: Effect.Effect<A, OfscError | E>,
  settled: (error: OfscError) => Effect.Effect<A | undefined, OfscError | E>,
  maxResends: number
): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> => {
  const attempt = (resends: number): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> =>
    Effect.catchAll(
      Effect.map(send, (value) => ({ value, alreadyApplied: false, resends })),
      (error): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> =>
        !mayHaveActed(error as OfscError)
          ? Effect.fail(error)
          : Effect.flatMap(settled(error as OfscError), (found) =>
              found !== undefined
                ? Effect.succeed({ value: found, alreadyApplied: true, resends })
                : resends < maxResends
                  ? attempt(resends + 1)
                  : Effect.fail(error)
            )
    )
  return attempt(0)
}

/**
 * Creates an activity at most once for its idempotency key (see the module comment). Answers the
 * activity, created now or found from an earlier try whose answer was lost.
 */
export const createActivityOnce = (
  core: ActivityCreator,
  body: CreateBody,
  options: IdempotentCreateOptions
): Effect.Effect<{ readonly activity: Activity } & SafeWriteOutcome, OfscError | OfscIdempotencyConflict> => {
  const operation = "core.activities.create"
  const keyField = options.keyField ?? "apptNumber"
  const key = options.idempotencyKey
  const present = (body as Record<string, unknown>)[keyField]
  if (key.length === 0 || (present !== undefined && present !== key)) {
    const message =
      key.length === 0 ? "the idempotency key is empty" : `the body's ${keyField} differs from the idempotency key`
    return Effect.fail(new OfscInvalidInput({ operation, issues: [{ path: [keyField], message }] }))
  }
  const keyed = { ...body, [keyField]: key } as CreateBody
  const date = (body as { readonly date?: string | undefined }).date
  const lookUp = Effect.flatMap(
    core.activities.search({
      searchInField: keyField,
      searchForValue: key,
      ...(date === undefined ? { includeNonScheduled: "true" as const } : { dateFrom: date, dateTo: date })
    }),
    (found): Effect.Effect<Activity | undefined, OfscIdempotencyConflict> => {
      const matches = (found.items ?? []).filter((a) => (a as Record<string, unknown>)[keyField] === key)
      if (matches.length <= 1) return Effect.succeed(matches[0] as Activity | undefined)
      const ids = matches.map((a) => Number(a.activityId))
      return Effect.fail(new OfscIdempotencyConflict({ operation, idempotencyKey: key, keyField, matches: ids }))
    }
  )
  return Effect.map(
    sendOnce(core.activities.create(keyed), () => lookUp, options.maxResends ?? defaultResends),
    ({ value, ...outcome }) => ({ activity: value, ...outcome })
  )
}

/** The lifecycle actions `activityActionOnce` can verify: every custom action of an activity. */
export type VerifiableAction =
  | "start"
  | "enroute"
  | "stopTravel"
  | "complete"
  | "notDone"
  | "cancel"
  | "suspend"
  | "delay"
  | "move"
  | "reopen"
  | "startPrework"

/** What an action answers when it is sent (the generated method's success). */
export type ActionAnswer<K extends VerifiableAction> = Effect.Effect.Success<ReturnType<OfscCoreApi["activities"][K]>>

/** An action's body, as the generated method takes it. */
export type ActionBody<K extends VerifiableAction> = Parameters<OfscCoreApi["activities"][K]>[1]

/** The descriptors of the actions: their `write` field says what proves each took effect (docs/writes.md). */
const actionOperations: Readonly<Record<VerifiableAction, AnyOperation>> = {
  start: Ops.activitiesStart,
  enroute: Ops.activitiesEnroute,
  stopTravel: Ops.activitiesStopTravel,
  complete: Ops.activitiesComplete,
  notDone: Ops.activitiesNotDone,
  cancel: Ops.activitiesCancel,
  suspend: Ops.activitiesSuspend,
  delay: Ops.activitiesDelay,
  move: Ops.activitiesMove,
  reopen: Ops.activitiesReopen,
  startPrework: Ops.activitiesStartPrework
}

/** Every action `activityActionOnce` takes, for callers that pick one by name (the CLI). */
export const verifiableActions: ReadonlyArray<VerifiableAction> = Object.keys(
  actionOperations
) as Array<VerifiableAction>

/** The status an `activity.status` action leaves the activity in. */
const statusAfter: Partial<Record<VerifiableAction, string>> = {
  start: "started",
  enroute: "enroute",
  stopTravel: "pending",
  complete: "completed",
  notDone: "notdone",
  cancel: "cancelled",
  suspend: "pending"
}

/** The record type of the copy an `activity.copy` action makes. */
const copyKind: Partial<Record<VerifiableAction, string>> = {
  suspend: "suspended",
  reopen: "reopened",
  startPrework: "prework"
}

/** What is read before the first send, for the proofs that compare with it. */
interface Before {
  readonly activity: Activity | undefined
  /** The ids of the activity's copies (same appointment number and date) before the first send. */
  readonly copies: ReadonlySet<number> | undefined
}

/**
 * Runs a lifecycle action at most once and answers what the action answered (or, when a lost
 * answer had hidden its effect, the activity as read). After a failure that may have acted, it reads OFS by the
 * proof the action's descriptor names (`write.proof`, the table in docs/writes.md) and answers
 * without sending again when the effect is there:
 *
 * - `activity.status`: the activity has the status the action leads to;
 * - `activity.endTime` (delay): the activity's end or duration differs from before the first send;
 * - `activity.placement` (move): the activity is on the resource and date the body names;
 * - `activity.copy` (suspend, reopen, startPrework): a copy of the activity with the action's record
 *   status or type appeared that was not there before the first send (suspend also counts the
 *   activity back in `pending`).
 *
 * The proofs that compare with "before" read it first: one GET (delay), one search (the copies).
 */
export const activityActionOnce = <K extends VerifiableAction>(
  core: OfscCoreApi,
  activityId: number,
  action: K,
  body: ActionBody<K>,
  options: SafeWriteOptions = {}
): Effect.Effect<{ readonly answer: ActionAnswer<K> | Activity } & SafeWriteOutcome, OfscError> =>
  Effect.gen(function* () {
    const write = actionOperations[action].write
    const proof = write?.kind === "verifiable" ? write.proof : undefined
    const copiesOf = (activity: Activity) =>
      Effect.map(
        core.activities.search({
          searchInField: "apptNumber",
          searchForValue: String(activity.apptNumber ?? ""),
          ...(activity.date === undefined
            ? { includeNonScheduled: "true" as const }
            : { dateFrom: activity.date, dateTo: activity.date })
        }),
        (found) =>
          (found.items ?? []).filter(
            (a) =>
              Number(a.activityId) !== activityId &&
              (a.recordType === copyKind[action] || a.status === copyKind[action])
          )
      )
    const needsBefore = proof === "activity.endTime" || proof === "activity.copy"
    const original = needsBefore ? yield* core.activities.get(activityId) : undefined
    const before: Before = {
      activity: original,
      copies:
        proof === "activity.copy" && original?.apptNumber !== undefined
          ? new Set((yield* copiesOf(original)).map((a) => Number(a.activityId)))
          : undefined
    }
    const fields = (body ?? {}) as Record<string, unknown>
    const tookEffect = (after: Activity): Effect.Effect<boolean, OfscError> => {
      switch (proof) {
        case "activity.status":
          return Effect.succeed(after.status === statusAfter[action])
        case "activity.endTime":
          return Effect.succeed(
            before.activity !== undefined &&
              (after.endTime !== before.activity.endTime || after.duration !== before.activity.duration)
          )
        case "activity.placement": {
          const resourceId = (fields.setResource as { readonly resourceId?: unknown } | undefined)?.resourceId
          const date = (fields.setDate as { readonly date?: unknown } | undefined)?.date
          return Effect.succeed(
            (resourceId === undefined || after.resourceId === resourceId) && (date === undefined || after.date === date)
          )
        }
        case "activity.copy":
          if (action === "suspend" && after.status === "pending") return Effect.succeed(true)
          if (before.copies === undefined) return Effect.succeed(false)
          return Effect.map(copiesOf(after), (copies) => copies.some((c) => !before.copies?.has(Number(c.activityId))))
        default:
          return Effect.succeed(false)
      }
    }
    const send = core.activities[action](activityId, body as never) as Effect.Effect<
      ActionAnswer<K> | Activity,
      OfscError
    >
    // an action whose descriptor names no proof is never sent again after an ambiguous failure
    const settled = () =>
      proof === undefined
        ? Effect.succeed(undefined)
        : Effect.flatMap(core.activities.get(activityId), (after) =>
            Effect.map(tookEffect(after), (done) => (done ? after : undefined))
          )
    const { value, ...outcome } = yield* sendOnce(
      send,
      settled,
      proof === undefined ? 0 : (options.maxResends ?? defaultResends)
    )
    // sent: the action's own answer; found already done: the activity as read
    return { answer: value, ...outcome }
  })

/** The safe writes bound to one ofscCore API: what `@ofsc/sync` offers as `ofs.safeWrites`. */
export interface SafeWritesApi {
  /** `createActivityOnce` on this API. */
  readonly createActivityOnce: (
    body: CreateBody,
    options: IdempotentCreateOptions
  ) => Effect.Effect<{ readonly activity: Activity } & SafeWriteOutcome, OfscError | OfscIdempotencyConflict>
  /** `activityActionOnce` on this API. */
  readonly activityActionOnce: <K extends VerifiableAction>(
    activityId: number,
    action: K,
    body: ActionBody<K>,
    options?: SafeWriteOptions
  ) => Effect.Effect<{ readonly answer: ActionAnswer<K> | Activity } & SafeWriteOutcome, OfscError>
}

/** The safe writes bound to `core`. */
export const bindTo = (core: OfscCoreApi): SafeWritesApi => ({
  createActivityOnce: (body, options) => createActivityOnce(core, body, options),
  activityActionOnce: (activityId, action, body, options) => activityActionOnce(core, activityId, action, body, options)
})
