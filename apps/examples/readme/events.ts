// Keeps a table of activities current from a subscription's events, exactly once across crashes:
// each poll's changes and its cursor are stored together, and a restart reads from the stored cursor.
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { Console, Effect, Layer, Stream } from "effect"

// stands in for your database: the rows and the cursor, written in one transaction
const db = { activities: new Map<number, unknown>(), cursor: undefined as string | undefined }

const program = Effect.gen(function* () {
  const core = yield* OfscCore
  const { subscriptionId, nextPage } = yield* core.events.subscriptions.create({
    subscriptionConfig: [{ events: ["activityCreated", "activityUpdated"] }]
  })
  db.cursor ??= nextPage
  yield* core.events.polls(subscriptionId ?? "", { from: db.cursor }).pipe(
    Stream.runForEach((poll) =>
      Effect.sync(() => {
        // an upsert by key: applying a poll twice (after a crash) changes nothing
        for (const event of poll.items) db.activities.set(Number(event.activityDetails?.activityId), event)
        db.cursor = poll.nextPage // only after its items are applied
      })
    )
  )
  yield* Console.log(`${db.activities.size} activities changed; continue from ${db.cursor}`)
}).pipe(Effect.catchTag("OfscSubscriptionExpired", (e) => Console.log(`${e.subscriptionId} is gone: reload`)))

const services = OfscCore.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
