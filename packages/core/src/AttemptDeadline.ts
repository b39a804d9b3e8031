/**
 * The per-attempt timeout, handed to the HttpClient as a service rather than as a mark on the client
 * object (which any `mapRequest` wrapper drops). The transport sets {@link currentMillis} around
 * each attempt; an HttpClient that can abort its own requests (OfscHttpClient's undici client)
 * reads it, keeps the deadline with one timer, and says so by providing {@link KeptByClient} beside
 * itself. The transport then forks no fiber per attempt to time it out from outside, which measured
 * as the largest single cost of a GET (tooling/bench, "Per GET"). Wrappers made with `mapRequest`,
 * `tapRequest`, `transformResponse`, ... run in the caller's fiber, so they keep the deadline.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"
import * as Layer from "effect/Layer"

/** What a request is aborted with when its attempt runs out of time: the cause of the client's error. */
export class AttemptDeadlineExceeded extends Error {
  override readonly name = "AttemptDeadlineExceeded"
  constructor(readonly millis: number) {
    super(`the attempt took longer than ${millis} ms`)
  }
}

/** Whether a client error's cause is an attempt that ran out of time (the transport maps it to `Timeout`). */
export const isExceeded = (cause: unknown): cause is AttemptDeadlineExceeded => cause instanceof AttemptDeadlineExceeded

/**
 * The deadline of the attempt under way, in milliseconds from when the request is sent until its
 * body is read; 0 (the default) for none. Set by the transport only while an attempt is sent.
 */
export const currentMillis: FiberRef.FiberRef<number> = globalValue(
  Symbol.for("@ofsc/core/AttemptDeadline/currentMillis"),
  () => FiberRef.unsafeMake(0)
)

/**
 * Runs `self` (the sending of one request) under a deadline of `millis`: the value is set for the
 * fiber and put back when `self` ends. `Effect.locally` does the same through acquire/use/release,
 * about 2 µs more per call (tooling/bench `bench:work`); an interrupted fiber skips the putting back,
 * but it is ending anyway.
 *
 * @example
 * client.execute(request).pipe(AttemptDeadline.within(5_000))
 */
export const within =
  (millis: number) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.flatMap(FiberRef.getAndSet(currentMillis, millis), (previous) =>
      Effect.matchCauseEffect(self, {
        onFailure: (cause) => Effect.zipRight(FiberRef.set(currentMillis, previous), Effect.failCause(cause)),
        onSuccess: (value) => Effect.as(FiberRef.set(currentMillis, previous), value)
      })
    )

/**
 * Provided beside an HttpClient that keeps {@link currentMillis} itself, failing a late attempt with
 * {@link AttemptDeadlineExceeded} as cause. Without it the transport times attempts out from outside.
 */
export class KeptByClient extends Context.Tag("@ofsc/core/AttemptDeadline/KeptByClient")<
  KeptByClient,
  { readonly keptByClient: true }
>() {}

/** Says that the HttpClient provided beside it keeps the attempt deadline itself. */
export const layerKeptByClient: Layer.Layer<KeptByClient> = Layer.succeed(KeptByClient, { keptByClient: true })
