/**
 * The events API as a Stream. OFS hands out events by cursor: each poll of
 * `GET /rest/ofscCore/v1/events` answers a batch and a `nextPage` cursor for the next poll.
 *
 * The stream starts where the query says: at `page` (a cursor from an earlier poll, or the literal
 * `lastRequested`), at `since` (a UTC time `YYYY-MM-DD HH:MM:SS`; that first poll only positions the
 * cursor and brings no events), or, with neither, at the oldest events OFS still keeps. It follows
 * `nextPage` from poll to poll and ends at the first poll that brings no events: the subscription
 * is caught up. To keep listening, start again later from the last cursor (see `onCursor`).
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { OfscError } from "./OfscError.js"
import type { OfscTransportShape } from "./OfscTransport.js"
import type { Operation } from "./Operation.js"

/** How to follow the cursor. */
export interface EventStreamOptions {
  /**
   * Runs with each poll's `nextPage` once the events of that poll have been pulled downstream, so a
   * caller can store where to resume (the last one it sees is where a new stream should start).
   */
  readonly onCursor?: ((nextPage: string) => Effect.Effect<void>) | undefined
}

/** The query fields the cursor walk reads and sets. */
export interface EventsQuery {
  readonly subscriptionId: string
  readonly page?: string | undefined
  readonly since?: string | undefined
  readonly limit?: number | undefined
}

/** The fields of a poll's answer the walk reads. */
export interface EventsAnswer<I> {
  readonly nextPage?: string | undefined
  readonly items?: ReadonlyArray<I> | undefined
}

/** The event type of a poll's answer. */
export type EventOf<A> = A extends EventsAnswer<infer I> ? I : never

/** One poll: its events and the cursor it handed out. */
interface Poll<I> {
  readonly items: ReadonlyArray<I>
  readonly nextPage: string | undefined
}

/** Streams a subscription's events, polling until a poll brings none (see the module comment). */
export const streamEvents = <Q extends EventsQuery, A extends EventsAnswer<unknown>>(
  transport: OfscTransportShape,
  op: Operation<void, Q, void, A>,
  query: Q,
  options: EventStreamOptions = {}
): Stream.Stream<EventOf<A>, OfscError> => {
  type I = EventOf<A>
  const poll = (q: Q): Effect.Effect<Poll<I>, OfscError> =>
    Effect.map(
      transport.call(op as unknown as Operation<void, Q, void, EventsAnswer<I>>, ...([{ query: q }] as never)),
      (answer) => ({ items: answer.items ?? [], nextPage: answer.nextPage ?? undefined })
    )
  // the next poll asks for the cursor's page, never `since` again
  const following = (nextPage: string): Q => {
    const { since: _since, page: _page, ...rest } = query
    return { ...rest, page: nextPage } as unknown as Q
  }
  const positioning = query.since !== undefined && query.page === undefined

  const polls: Stream.Stream<Poll<I>, OfscError> = Stream.paginateChunkEffect(
    { q: query, first: true },
    ({ q, first }) =>
      Effect.map(poll(q), (p) => {
        // a `since` poll brings only a cursor: it never ends the walk by itself
        const caughtUp = p.items.length === 0 && !(first && positioning)
        const next =
          caughtUp || p.nextPage === undefined ? Option.none() : Option.some({ q: following(p.nextPage), first: false })
        return [Chunk.of(p), next] as const
      })
  )

  const onCursor = options.onCursor
  return Stream.flatMap(polls, (p) => {
    const events = Stream.fromIterable(p.items)
    return onCursor === undefined || p.nextPage === undefined
      ? events
      : Stream.concat(events, Stream.execute(onCursor(p.nextPage)))
  })
}
