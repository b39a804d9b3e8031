// The client side of stream.bench.ts, in plain JavaScript so that its memory is the client's own
// (no TypeScript loader): streams every activity of the simulator's large data set, page by page or
// with pages in flight, and reports the time and the peak RSS over IPC (and, when the stream fails,
// how many it had streamed and the error's tag: ratelimit.bench.ts counts those).

import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"

const { url, instance, clientId, clientSecret, pageSize, concurrency, windows, retry } = JSON.parse(process.argv[2])

// the memory at the peak, split as Node reports it: what grows the peak (heap or buffers) shows here
let atPeak = process.memoryUsage()
const sample = () => {
  const now = process.memoryUsage()
  if (now.rss > atPeak.rss) atPeak = now
}
const sampler = setInterval(sample, 10)

const runtime = ManagedRuntime.make(
  OfscCore.layer.pipe(
    Layer.provide(
      OfscClient.layer({
        baseUrl: url,
        instance,
        credentials: { _tag: "Basic", clientId, clientSecret: Redacted.make(clientSecret) },
        concurrency: Math.max(1, concurrency),
        timeout: "60 seconds",
        ...(retry === undefined ? {} : { retry })
      })
    ),
    Layer.provide(OfscHttpClient.layerUndici)
  )
)
const core = await runtime.runPromise(OfscCore)
const started = performance.now()
let count = 0
const failure = await runtime.runPromise(
  windows
    .map((query) => core.activities.stream(query, { pageSize, concurrency }))
    .reduce((all, next) => Stream.concat(all, next))
    .pipe(
      Stream.runFold(0, (n) => (count = n + 1)),
      Effect.as(undefined),
      Effect.catchAll((error) => Effect.succeed(error._tag))
    )
)
const seconds = (performance.now() - started) / 1000
clearInterval(sampler)
sample()
await runtime.dispose()
const { rss: peakRss, heapTotal, external, arrayBuffers } = atPeak
process.send({ count, seconds, peakRss, atPeak: { heapTotal, external, arrayBuffers }, failure })
process.disconnect()
