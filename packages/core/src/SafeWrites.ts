/**
 * Writes that are safe to send again. OFS has no idempotency-key header, so after an answer that
 * may hide an effect (a 5xx, a timeout, a connection dropped once the request was written) the
 * client reads OFS before it decides:
 *
 * - `createActivityOnce`: the idempotency key is written into a field OFS can search (the appointment
 *   number by default); after an ambiguous failure the activity is looked up by it on its date. One
 *   match: the create happened, its activity is the answer. None: sent again. More than one:
 *   `OfscIdempotencyConflict`, never a guess.
 * - `activityActionOnce`: a lifecycle action is checked by what proves it took effect (the table
 *   `actionProofs`); if the activity already shows it, the action is not sent again.
 *
 * A failure that cannot have acted (400, 404, 409, a connection that never opened) is answered at
 * once; 429s and connect failures are already retried by the transport. Every look-up is an
 * ordinary GET with the transport's retries, within the same concurrency bounds.
 */
import * as Effect from "effect/Effect"
import type { OfscCoreApi } from "./OfscCore.js"
import { type OfscError, OfscIdempotencyConflict, OfscInvalidInput } from "./OfscError.js"

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

type CreateBody = Parameters<OfscCoreApi["activities"]["create"]>[0]
/** An activity as `core.activities.get` answers it. */
export type Activity = Effect.Effect.Success<ReturnType<OfscCoreApi["activities"]["get"]>>

const defaultResends = 3

/** Sends `send`; after a failure that may have acted, `settled` says whether the write is already done. */
const sendOnce = <A, E>(
  send: Effect.Effect<A, OfscError>,
  settled: (error: OfscError) => Effect.Effect<A | undefined, OfscError | E>,
  maxResends: number
): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> => {
  const attempt = (resends: number): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> =>
    Effect.catchAll(
      Effect.map(send, (value) => ({ value, alreadyApplied: false, resends })),
      (error): Effect.Effect<{ readonly value: A } & SafeWriteOutcome, OfscError | E> =>
        !mayHaveActed(error)
          ? Effect.fail(error)
          : Effect.flatMap(settled(error), (found) =>
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
  core: OfscCoreApi,
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
    sendOnce(
      core.activities.create(keyed) as Effect.Effect<Activity, OfscError>,
      () => lookUp,
      options.maxResends ?? defaultResends
    ),
    ({ value, ...outcome }) => ({ activity: value, ...outcome })
  )
}

/** The lifecycle actions `activityActionOnce` can verify. */
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

/** An action's body: a move's target, the others' optional time and delay. */
export type ActionBody<K extends VerifiableAction> = Parameters<OfscCoreApi["activities"][K]>[1]

/**
 * What proves each action took effect, read from the activity after an ambiguous failure (the
 * activity as it was before is read first only for `delay`, whose effect is relative):
 *
 * | action | took effect when the activity |
 * | --- | --- |
 * | start | has status `started` |
 * | enroute | has status `enroute` |
 * | stopTravel | has status `pending` (the action runs from `enroute`) |
 * | complete | has status `completed` |
 * | notDone | has status `notdone` |
 * | cancel | has status `cancelled` |
 * | suspend | has status `pending` (suspend runs from `started`; the visit so far becomes a suspended copy) |
 * | delay | has a different `duration` than before the call |
 * | move | has the target `resourceId` and `date` the body names |
 *
 * reopen and startPrework make a new activity that OFS gives no way to find by the original, so
 * they are never sent again after an ambiguous failure (the error is answered).
 */
export const actionProofs: Readonly<
  Record<VerifiableAction, (after: Activity, before: Activity | undefined, body: Record<string, unknown>) => boolean>
> = {
  start: (a) => a.status === "started",
  enroute: (a) => a.status === "enroute",
  stopTravel: (a) => a.status === "pending",
  complete: (a) => a.status === "completed",
  notDone: (a) => a.status === "notdone",
  cancel: (a) => a.status === "cancelled",
  suspend: (a) => a.status === "pending",
  delay: (a, before) => before !== undefined && a.duration !== before.duration,
  move: (a, _before, body) => {
    const resourceId = (body.setResource as { readonly resourceId?: unknown } | undefined)?.resourceId
    const date = (body.setDate as { readonly date?: unknown } | undefined)?.date
    return (resourceId === undefined || a.resourceId === resourceId) && (date === undefined || a.date === date)
  }
}

/**
 * Runs a lifecycle action at most once: after a failure that may have acted, reads the activity and
 * answers without sending again when it shows the action's effect (`actionProofs`).
 */
export const activityActionOnce = <K extends VerifiableAction>(
  core: OfscCoreApi,
  activityId: number,
  action: K,
  body: ActionBody<K>,
  options: SafeWriteOptions = {}
): Effect.Effect<SafeWriteOutcome, OfscError> =>
  Effect.gen(function* () {
    const before = action === "delay" ? yield* core.activities.get(activityId) : undefined
    const fields = body as Record<string, unknown>
    const send = core.activities[action](activityId, body as never) as Effect.Effect<unknown, OfscError>
    const proof = actionProofs[action]
    const settled = () =>
      Effect.map(core.activities.get(activityId), (after) => (proof(after, before, fields) ? after : undefined))
    const { value: _value, ...outcome } = yield* sendOnce(send, settled, options.maxResends ?? defaultResends)
    return outcome
  })
