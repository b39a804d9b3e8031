/**
 * A cached access token with single-flight refresh: however many fibers find it missing or stale at
 * once, one request goes to the token service and all of them wait for its answer.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"

/** A token and when it stops being usable (ms since the epoch). */
export interface CachedToken {
  readonly value: Redacted.Redacted<string>
  readonly expiresAt: number
}

/** How early to refresh: a tenth of the lifetime, at most a minute, so no request carries a dying token. */
const refreshMargin = (lifetimeMs: number): number => Math.min(60_000, lifetimeMs / 10)

/** The cache: `get` yields a fresh token; `refreshAfterRejection` replaces one the server refused. */
export interface TokenCache<E> {
  readonly get: Effect.Effect<Redacted.Redacted<string>, E>
  readonly refreshAfterRejection: (rejected: Redacted.Redacted<string>) => Effect.Effect<void, E>
}

/** Builds a cache around `fetchToken`, which answers a token and its lifetime in milliseconds. */
export const makeTokenCache = <E>(
  fetchToken: Effect.Effect<{ readonly value: Redacted.Redacted<string>; readonly lifetimeMs: number }, E>
): Effect.Effect<TokenCache<E>> =>
  Effect.gen(function* () {
    const current = yield* Ref.make(Option.none<CachedToken & { readonly refreshAt: number }>())
    const lock = yield* Effect.makeSemaphore(1)

    const fetchAndStore = Effect.gen(function* () {
      // the lifetime counts from when the token was asked for: OFS's clock started no later
      const now = yield* Clock.currentTimeMillis
      const { value, lifetimeMs } = yield* fetchToken
      yield* Ref.set(
        current,
        Option.some({ value, expiresAt: now + lifetimeMs, refreshAt: now + lifetimeMs - refreshMargin(lifetimeMs) })
      )
      return value
    })

    const fresh = Effect.map(Effect.zip(Ref.get(current), Clock.currentTimeMillis), ([token, now]) =>
      Option.filter(token, (t) => now < t.refreshAt)
    )

    const get = Effect.flatMap(fresh, (token) =>
      Option.isSome(token)
        ? Effect.succeed(token.value.value)
        : lock.withPermits(1)(
            // another fiber may have refreshed while this one waited for the lock
            Effect.flatMap(fresh, (again) => (Option.isSome(again) ? Effect.succeed(again.value.value) : fetchAndStore))
          )
    )

    const refreshAfterRejection = (rejected: Redacted.Redacted<string>) =>
      lock.withPermits(1)(
        Effect.flatMap(Ref.get(current), (token) =>
          Option.isSome(token) && token.value.value !== rejected ? Effect.void : Effect.asVoid(fetchAndStore)
        )
      )

    return { get, refreshAfterRejection }
  })
