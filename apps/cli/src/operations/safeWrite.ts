/**
 * The writes the command sends through `SafeWrites`, so a lost answer is resolved by reading OFS
 * rather than by guessing: `core activities create` with `--idempotency-key`, and every activity
 * action whose descriptor is verifiable (start, complete, move, ...), always. A write that turned out
 * to be done already says so on stderr.
 */
import {
  type AnyOperation,
  OfscCore,
  type OfscError,
  type OfscIdempotencyConflict,
  type OfscTransport,
  SafeWrites
} from "@ofsc/core"
import { Effect } from "effect"
import { takesIdempotencyKey } from "./idempotencyKey.js"

/** What a safe write answered and whether it found its effect already there. */
export interface SafeAnswer {
  readonly answer: unknown
  readonly alreadyApplied: boolean
  readonly resends: number
}

const actionOf = (op: AnyOperation): SafeWrites.VerifiableAction | undefined => {
  const [area, group, action] = op.id.split(".")
  if (area !== "core" || group !== "activities" || op.write?.kind !== "verifiable") return undefined
  return SafeWrites.verifiableActions.find((a) => a === action)
}

const withCore = (
  run: (core: OfscCore["Type"]) => Effect.Effect<SafeAnswer, OfscError | OfscIdempotencyConflict>
): Effect.Effect<SafeAnswer, OfscError | OfscIdempotencyConflict, OfscTransport> =>
  Effect.provide(Effect.flatMap(OfscCore, run), OfscCore.layer)

/**
 * The safe way to send `op` with this input, or undefined when it has none (the plain call is
 * made): a keyed create, or a verified activity action.
 */
export const safeWrite = (
  op: AnyOperation,
  input: { readonly path?: Readonly<Record<string, unknown>>; readonly body?: unknown },
  idempotencyKey: string | undefined
): Effect.Effect<SafeAnswer, OfscError | OfscIdempotencyConflict, OfscTransport> | undefined => {
  if (takesIdempotencyKey(op) && idempotencyKey !== undefined)
    return withCore((core) =>
      Effect.map(
        SafeWrites.createActivityOnce(core, input.body as never, { idempotencyKey }),
        ({ activity, ...outcome }) => ({ answer: activity, ...outcome })
      )
    )
  const action = actionOf(op)
  if (action === undefined) return undefined
  return withCore((core) =>
    SafeWrites.activityActionOnce(core, Number(input.path?.activityId), action, input.body as never)
  )
}
