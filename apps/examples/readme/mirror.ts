// Keeps a SQLite file current with an OFS instance: the first load, then the events until caught
// up (without `follow: false`, `run` keeps following until interrupted), then what the file holds.
import { tmpdir } from "node:os"
import { join } from "node:path"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Mirror } from "@ofsc/mirror"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const mirror = yield* Mirror
  yield* mirror.run({ follow: false })
  const status = yield* mirror.status
  for (const { table, live } of status.tables) yield* Console.log(`${table}: ${live} rows`)
  yield* Console.log(`run ${status.runId} (${status.phase}), ${status.eventsApplied} events applied`)
})

const mirror = Mirror.layer({
  database: join(tmpdir(), `ofsc-mirror-${process.pid}.db`), // or "postgres://user:pass@host/db"
  window: { from: "2026-11-01", to: "2026-11-05" } // the activity dates kept
})
const ofs = Layer.merge(OfscClient.layerFromEnv.pipe(Layer.provide(OfscHttpClient.layer)), OfscHttpClient.layer)
Effect.runPromise(program.pipe(Effect.provide(mirror.pipe(Layer.provide(ofs)))))
