// Creates or replaces a shift, reads it back and counts the shifts by type.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Console, Effect, Layer, Stream } from "effect"

const program = Effect.gen(function* () {
  const metadata = yield* OfscMetadata
  yield* metadata.shifts.put("early", {
    name: "Early shift",
    active: true,
    type: "regular",
    workTimeStart: "06:00:00",
    workTimeEnd: "14:00:00"
  })
  const early = yield* metadata.shifts.get("early")
  const byType = yield* metadata.shifts.stream().pipe(
    Stream.runFold({} as Record<string, number>, (counts, shift) => ({
      ...counts,
      [shift.type]: (counts[shift.type] ?? 0) + 1
    }))
  )
  yield* Console.log(`${early.label}: ${early.workTimeStart}-${early.workTimeEnd}`, byType)
})

const services = OfscMetadata.layer.pipe(Layer.provide(OfscClient.layerFromEnv), Layer.provide(OfscHttpClient.layer))
Effect.runPromise(program.pipe(Effect.provide(services)))
