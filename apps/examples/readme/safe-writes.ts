// Creates an activity and starts it so that a lost answer can be sent again without doing it twice:
// the key goes into apptNumber, and after a 5xx or a dropped connection OFS is read before resending.
import { OfscClient, OfscCore, OfscHttpClient, SafeWrites } from "@ofsc/core"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const core = yield* OfscCore
  const { activity, alreadyApplied } = yield* SafeWrites.createActivityOnce(
    core,
    { activityType: "install", resourceId: "TECH_00001", date: new Date().toISOString().slice(0, 10) },
    { idempotencyKey: `ORDER-${Date.now()}` }
  )
  const started = yield* SafeWrites.activityActionOnce(core, Number(activity.activityId), "start", {})
  yield* Console.log(
    `activity ${activity.activityId} ${alreadyApplied ? "was already there" : "created"}, ` +
      `start ${started.alreadyApplied ? "had already happened" : "sent"}`
  )
})

const services = OfscCore.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
