/**
 * The events API as a Stream of events, for "show me what happened": the polls of EventPolls.ts
 * (without `follow`) flattened into their events, every event of every poll in order.
 *
 * The stream starts where the query says: at `page` (a cursor from an earlier poll, or the literal
 * `lastRequested`), at `since` (a UTC time `YYYY-MM-DD HH:MM:SS`; that first poll only positions the
 * cursor and brings no events), or, with neither, at the oldest events OFS still keeps. It follows
 * `nextPage` from poll to poll and ends at the first poll that brings no events: the subscription
 * is caught up. An expired or deleted subscription fails it with `OfscSubscriptionExpired`.
 *
 * A consumer that must not lose or repeat work uses `events.polls` instead: `onCursor` here runs
 * once a poll's events have been pulled, which is not the same as applied by whoever pulled them.
 */
import type * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { type EventOf, type EventsAnswer, type EventsQuery, pollEvents } from "./EventPolls.js"
import type { OfscError, OfscSubscriptionExpired } from "./OfscError.js"
import type { OfscTransportShape } from "./OfscTransport.js"
import type { Operation } from "./Operation.js"

/** How to follow the cursor. */
export interface EventStreamOptions {
  /**
   * Runs with each poll's `nextPage` once the events of that poll have been pulled downstream, so a
   * caller can note where to resume (the last one it sees is where a new stream should start).
   */
  readonly onCursor?: ((nextPage: string) => Effect.Effect<void>) | undefined
}

/** Streams a subscription's events, polling until a poll brings none (see the module comment). */
export const streamEvents = <Q extends EventsQuery, A extends EventsAnswer<unknown>>(
  transport: OfscTransportShape,
  op: Operation<void, Q, void, A>,
  query: Q,
  options: EventStreamOptions = {}
): Stream.Stream<EventOf<A>, OfscError | OfscSubscriptionExpired> => {
  const polls = pollEvents(transport, op, query.subscriptionId, {
    from: query.page,
    since: query.since,
    limit: query.limit
  })
  const onCursor = options.onCursor
  return Stream.flatMap(polls, (poll) => {
    const events = Stream.fromIterable(poll.items)
    return onCursor === undefined ? events : Stream.concat(events, Stream.execute(onCursor(poll.nextPage)))
  })
}
