// Reads the shifts and work skills of an instance as a snapshot and plans what applying that
// snapshot back would change: nothing, since source and target are the same.
import { planChanges, readInstance, renderPlan } from "@ofsc/config-as-code"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const snapshot = yield* readInstance({ only: ["shifts", "workSkills"] })
  const plan = planChanges(snapshot, snapshot)
  yield* Console.log(`${plan.entries.length} changes to apply`)
  yield* Console.log(renderPlan(plan))
})

const client = OfscClient.layerFromEnv.pipe(Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(client)))
