// The one-call script of bench:start and bench:bundle, over the HttpClient layer its caller names:
// one `metadata.shifts.get` against the origin on the command line, then the label and peak RSS.
// Plain JavaScript on purpose: the process's time and memory are the client's own, no TypeScript loader.
import { OfscClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

/** Runs the call over `httpClient` and prints `{ label, maxRssKb }`. */
export const oneCall = async (httpClient) => {
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
        Layer.provide(httpClient)
      )
    )
  )
  const shift = await Effect.runPromise(program)
  process.stdout.write(`${JSON.stringify({ label: shift.label, maxRssKb: process.resourceUsage().maxRSS })}\n`)
}
