// One GET through the Effect client, as a script that starts, calls once and ends (pnpm bench:start;
// pnpm bench:bundle bundles it: it calls only metadata.shifts.get, so the rest of the API should drop out).
// Plain JavaScript on purpose: the process's time and memory are the client's own, no TypeScript loader.
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

const [origin, label] = process.argv.slice(2)

const program = Effect.flatMap(OfscMetadata, (metadata) => metadata.shifts.get(label)).pipe(
  Effect.provide(
    OfscMetadata.layer.pipe(
      Layer.provide(
        OfscClient.layer({
          baseUrl: origin,
          instance: "bench",
          credentials: { _tag: "Basic", clientId: "bench", clientSecret: Redacted.make("bench-secret") }
        })
      ),
      Layer.provide(OfscHttpClient.layerUndici)
    )
  )
)
const shift = await Effect.runPromise(program)
process.stdout.write(`${JSON.stringify({ label: shift.label, maxRssKb: process.resourceUsage().maxRSS })}\n`)
