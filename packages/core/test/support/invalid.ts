/** Runs a call that must be refused before sending, and answers the OfscInvalidInput it failed with. */
import { Cause, Effect, Exit } from "effect"
import { expect } from "vitest"
import { type OfscError, OfscInvalidInput } from "../../src/index.js"

/** The call's exit must be a plain failure with OfscInvalidInput: no defect, no other error. */
export const invalidInputOf = <A>(call: Effect.Effect<A, OfscError>): Effect.Effect<OfscInvalidInput> =>
  Effect.map(Effect.exit(call), (exit) => {
    if (Exit.isSuccess(exit)) throw new Error("expected OfscInvalidInput, the call succeeded")
    expect(Cause.isDie(exit.cause)).toBe(false)
    const error = Cause.failureOption(exit.cause)
    if (error._tag === "None" || !(error.value instanceof OfscInvalidInput)) {
      throw new Error(`expected OfscInvalidInput, got ${Cause.pretty(exit.cause)}`)
    }
    return error.value
  })

/** The issue paths of an error, each joined with dots. */
export const issuePaths = (error: OfscInvalidInput): ReadonlyArray<string> =>
  error.issues.map((i) => i.path.map(String).join("."))
