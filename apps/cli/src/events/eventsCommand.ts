/** `ofsc events tail`: live OFS events on stdout until Ctrl-C, which prints where to continue. */
import { Command, Options } from "@effect/cli"
import { Duration, Effect } from "effect"
import { connectionOptions, outputOptions } from "../app/globalOptions.js"
import { splitList } from "../output/rows.js"

const defaultEvents = "activityCreated,activityUpdated,activityMoved,activityDelayed,activityStarted,activityCompleted"

const tail = Command.make(
  "tail",
  {
    subscriptionId: Options.text("subscription-id").pipe(
      Options.withDescription("follow this subscription (default: reuse or create one of ofsc's own)"),
      Options.optional
    ),
    events: Options.text("events").pipe(
      Options.withDescription("comma-separated event types to subscribe to"),
      Options.withDefault(defaultEvents)
    ),
    since: Options.text("since").pipe(
      Options.withDescription("start from this UTC time, YYYY-MM-DD HH:MM:SS (default: now)"),
      Options.optional
    ),
    from: Options.text("from").pipe(
      Options.withDescription("start at this cursor: the one a stopped tail printed (not with --since)"),
      Options.optional
    ),
    pollSeconds: Options.float("poll-interval").pipe(
      Options.withDescription("seconds to wait after a poll that was not full (a full one is followed at once)"),
      Options.withDefault(2)
    ),
    connection: connectionOptions,
    output: outputOptions
  },
  ({ subscriptionId, events, since, from, pollSeconds, connection, output }) =>
    Effect.flatMap(
      Effect.promise(() => import("./tailEvents.js")),
      ({ tailEvents }) =>
        tailEvents(
          {
            subscriptionId,
            events: splitList(events),
            since,
            from,
            pollInterval: Duration.seconds(Math.max(0.1, pollSeconds))
          },
          connection,
          output
        )
    )
).pipe(
  Command.withDescription(
    "print events as they happen (ndjson when piped) until Ctrl-C, then the --from cursor to continue with"
  )
)

/** The `events` command. */
export const eventsCommand = Command.make("events").pipe(
  Command.withDescription("follow OFS events live"),
  Command.withSubcommands([tail])
)
