/**
 * The "authorise" stage: each attempt carries the credential current when it starts (taken once a
 * permit is held, so a call queued behind others never sends a token that expired while it waited),
 * and a 401 earns one refresh and one more try. Failures of the token service itself are marked:
 * it retries on its own, so the call does not retry them again.
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { OfscAuthShape } from "../OfscAuth.js"
import type { OfscError } from "../OfscError.js"

/** Runs an attempt with the current credential, and once more with a fresh one after a 401. */
export type Authorised = <A>(
  attempt: (authorization: Redacted.Redacted<string>) => Effect.Effect<A, OfscError>
) => Effect.Effect<A, OfscError>

/** The authorise stage over `auth`, and the test for errors that came from the token service. */
export const makeAuthorise = (
  auth: OfscAuthShape
): { readonly authorised: Authorised; readonly isAuthFailure: (error: OfscError) => boolean } => {
  const authFailures = new WeakSet<object>()
  const fromAuth = <A>(effect: Effect.Effect<A, OfscError>) =>
    Effect.tapError(effect, (error) => Effect.sync(() => authFailures.add(error)))
  const credential = fromAuth(auth.authorization)
  const authorised: Authorised = (attempt) =>
    Effect.flatMap(credential, (authorization) =>
      Effect.catchTag(attempt(authorization), "OfscAuthenticationError", (error) =>
        Effect.flatMap(fromAuth(auth.refreshAfterRejection(authorization)), (refreshed) =>
          refreshed ? Effect.flatMap(credential, attempt) : Effect.fail(error)
        )
      )
    )
  return { authorised, isAuthFailure: (error) => authFailures.has(error) }
}
