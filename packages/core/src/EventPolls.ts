/**
 * The events API poll by poll, for a consumer that must neither lose nor repeat work. Each element
 * is one poll of `GET /rest/ofscCore/v1/events`: the cursor it read from (`page`), the events it
 * brought (`items`) and the cursor after them (`nextPage`).
 *
 * The contract: apply a poll's `items`, then store its `nextPage`, in that order (in one
 * transaction where you can). A crash between the two leaves the older cursor stored, so the
 * restarted consumer reads that poll again: every event is applied at least once, and an
 * idempotent apply (an upsert by key) makes that exactly once in effect. Start again with
 * `from: storedCursor`.
 *
 * Every poll is emitted, the empty ones too: an empty poll may still move the cursor (past events
 * the subscription does not want), and storing it keeps a restart short. Without `follow` the
 * stream ends after the first poll that brings no events (caught up); with `follow` it never ends:
 * after a full page it polls again at once, otherwise it waits `pollInterval` (10 seconds by
 * default, as OFS suggests for busy subscriptions; a few minutes suit quiet ones).
 *
 * Use `events.stream` instead to just look at what happened: it flattens these polls into events.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import {
  OfscDecodeError,
  type OfscError,
  OfscInvalidInput,
  type OfscRequestInfo,
  OfscSubscriptionExpired
} from "./OfscError.js"
import type { OfscTransportShape } from "./OfscTransport.js"
import type { Operation } from "./Operation.js"

/** One poll of a subscription's events. */
export interface EventPoll<E> {
  /**
   * The cursor this poll read from: store it to read the same poll again. `undefined` for a poll
   * from the oldest events OFS keeps and for the poll that positions the cursor at `since`.
   */
  readonly page: string | undefined
  /** The events of the poll, oldest first; empty when the subscription is caught up. */
  readonly items: ReadonlyArray<E>
  /** The cursor after this poll: store it once `items` are applied, and start there next time. */
  readonly nextPage: string
  /** Whether OFS said it found events (`found` in its answer). */
  readonly found: boolean
}

/** Where the polls start, how big they are, and whether they go on once caught up. */
export interface EventPollsOptions {
  /** A stored `nextPage` to continue from, or `"lastRequested"` (OFS's record of the last poll). */
  readonly from?: string | undefined
  /**
   * Start at the first event at or after this UTC time, `YYYY-MM-DD HH:MM:SS`: the first poll only
   * positions the cursor (OFS answers it without events). Not together with `from`.
   */
  readonly since?: string | undefined
  /** Events per poll: 1000 by default, OFS's maximum (a larger value, or 0, asks for 1000). */
  readonly limit?: number | undefined
  /** Keep polling once caught up; the stream then never ends. */
  readonly follow?: boolean | undefined
  /** With `follow`, the wait after a poll that was not full: 10 seconds by default. */
  readonly pollInterval?: Duration.DurationInput | undefined
}

/** The query fields a poll sets. */
export interface EventsQuery {
  readonly subscriptionId: string
  readonly page?: string | undefined
  readonly since?: string | undefined
  readonly limit?: number | undefined
}

/** The fields of a poll's answer that are read. */
export interface EventsAnswer<I> {
  readonly nextPage?: string | undefined
  readonly found?: boolean | undefined
  readonly items?: ReadonlyArray<I> | undefined
}

/** The event type of a poll's answer. */
export type EventOf<A> = A extends EventsAnswer<infer I> ? I : never

/** OFS's largest page of events. */
export const maxEventsLimit = 1000

/** The wait between polls in follow mode when nothing says otherwise. */
export const defaultPollInterval: Duration.Duration = Duration.seconds(10)

/**
 * When to poll again, as a Schedule over the polls: following, at once after a full page and after
 * `interval` otherwise; not following, at once while polls bring events, and never after one that
 * brings none.
 */
const pollPacing = <E>(limit: number, follow: boolean, interval: Duration.DurationInput) =>
  follow
    ? Schedule.identity<EventPoll<E>>().pipe(
        Schedule.addDelay((poll) => (poll.items.length >= limit ? Duration.zero : interval))
      )
    : Schedule.recurWhile<EventPoll<E>>((poll) => poll.items.length > 0)

/** Streams a subscription's polls (see the module comment). */
export const pollEvents = <Q extends EventsQuery, A extends EventsAnswer<unknown>>(
  transport: OfscTransportShape,
  op: Operation<void, Q, void, A>,
  subscriptionId: string,
  options: EventPollsOptions = {}
): Stream.Stream<EventPoll<EventOf<A>>, OfscError | OfscSubscriptionExpired> => {
  type E = EventOf<A>
  if (options.from !== undefined && options.since !== undefined) {
    const issue = { path: ["since"], message: "`from` and `since` cannot be used together" }
    return Stream.fail(new OfscInvalidInput({ operation: op.id, issues: [issue] }))
  }
  const asked = options.limit ?? maxEventsLimit
  const limit = asked === 0 || asked > maxEventsLimit ? maxEventsLimit : asked
  const read = (at: { readonly page?: string; readonly since?: string }) =>
    transport
      .call(op as unknown as Operation<void, EventsQuery, void, EventsAnswer<E>>, {
        query: { subscriptionId, limit, ...at }
      })
      .pipe(
        Effect.catchTag("OfscNotFound", (e) =>
          Effect.fail(
            new OfscSubscriptionExpired({
              subscriptionId,
              operation: e.operation,
              method: e.method,
              path: e.path,
              status: e.status,
              type: e.type,
              title: e.title,
              detail: e.detail
            })
          )
        ),
        Effect.flatMap((answer) => toPoll({ operation: op.id, method: op.method, path: op.path }, at.page, answer))
      )

  return Stream.unwrap(
    Effect.map(Ref.make(options.from), (cursor) => {
      // each poll reads where the previous one ended
      const next = Effect.flatMap(Ref.get(cursor), (page) =>
        Effect.tap(read(page === undefined ? {} : { page }), (poll) => Ref.set(cursor, poll.nextPage))
      )
      const walk = Stream.repeatEffectWithSchedule(
        next,
        pollPacing<E>(limit, options.follow === true, options.pollInterval ?? defaultPollInterval)
      )
      if (options.since === undefined) return walk
      // the positioning poll never ends the walk nor makes it wait
      const positioned = Effect.tap(read({ since: options.since }), (poll) => Ref.set(cursor, poll.nextPage))
      return Stream.concat(Stream.fromEffect(positioned), walk)
    })
  )
}

/** A poll from OFS's answer; an answer without the cursor after it cannot be followed. */
const toPoll = <E>(
  request: OfscRequestInfo,
  page: string | undefined,
  answer: EventsAnswer<E>
): Effect.Effect<EventPoll<E>, OfscDecodeError> =>
  answer.nextPage === undefined
    ? Effect.fail(
        new OfscDecodeError({
          ...request,
          status: 200,
          issues: [{ path: ["nextPage"], message: "is missing: the events cannot be followed" }]
        })
      )
    : Effect.succeed({
        page,
        items: answer.items ?? [],
        nextPage: answer.nextPage,
        found: answer.found ?? (answer.items ?? []).length > 0
      })
