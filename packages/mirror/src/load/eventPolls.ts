/**
 * The subscription's polls as the mirror reads them: core's poll-by-poll reader (EventPolls) over
 * GET /events answered as OFS sent it. The events are left undecoded, so a `null` in a changes
 * block (OFS's way to say a field was removed) reaches the mirror, and an event of an unexpected
 * shape is reported by the mirror instead of failing its whole poll.
 */
import {
  CoreOperations,
  type EventPoll,
  EventPolls,
  type EventPollsOptions,
  type OfscError,
  type OfscSubscriptionExpired,
  OfscTransport,
  Operation
} from "@ofsc/core"
import { Effect, Schema, Stream } from "effect"

/** An answer of GET /events with its events as JSON. */
const RawEventsAnswer = Schema.Struct({
  nextPage: Schema.optional(Schema.String),
  found: Schema.optional(Schema.Boolean),
  items: Schema.optional(Schema.Array(Schema.Unknown))
})

/** GET /events, the events undecoded (the same path, query and limits as the generated operation). */
const rawEventsList = Operation.make({
  id: CoreOperations.eventsList.id,
  method: "GET",
  path: CoreOperations.eventsList.path,
  query: Schema.Struct({
    subscriptionId: Schema.String,
    page: Schema.optional(Schema.String),
    since: Schema.optional(Schema.String),
    limit: Schema.optional(Schema.Int)
  }),
  success: { kind: "json", schema: RawEventsAnswer },
  paging: "cursor"
})

/** The polls of a subscription, each event as OFS sent it. */
export const rawEventPolls = (
  subscriptionId: string,
  options: EventPollsOptions
): Stream.Stream<EventPoll<unknown>, OfscError | OfscSubscriptionExpired, OfscTransport> =>
  Stream.unwrap(
    Effect.map(OfscTransport, (transport) => EventPolls.pollEvents(transport, rawEventsList, subscriptionId, options))
  )
