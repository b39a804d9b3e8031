/**
 * Makes N sequential calls of one variant and nothing else, for a CPU profile:
 *
 *   cd tooling/bench
 *   V=b N=30000 node --cpu-prof --cpu-prof-dir=/tmp/ofsc-prof --cpu-prof-interval 200 --import tsx src/profileCall.ts
 *   npx tsx src/cpuProfileSummary.ts /tmp/ofsc-prof/<largest file>.cpuprofile
 *
 * V=a is the raw undici request, V=b (the default) OfscTransport.call over OfscHttpClient.layerUndici,
 * V=c the generated OfscMetadata shifts.get over the same client, V=f a bare HttpClient.get over it
 * (the floor under the transport).
 * The shift server child inherits --cpu-prof too; its profile is the smaller file.
 */

import { HttpClient } from "@effect/platform"
import { OfscHttpClient, OfscTransport } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Layer, ManagedRuntime } from "effect"
import { request } from "undici"
import { basicAuthorization, clientLayer, getShift, shiftPath, startServer } from "./harness.js"

const server = await startServer()
const runtime = ManagedRuntime.make(OfscMetadata.layer.pipe(Layer.provideMerge(clientLayer(server.origin))))
const bare = ManagedRuntime.make(OfscHttpClient.layerUndici)
try {
  const transport = await runtime.runPromise(OfscTransport)
  const metadata = await runtime.runPromise(OfscMetadata)
  const httpClient = await bare.runPromise(HttpClient.HttpClient)
  const headers = { authorization: basicAuthorization, accept: "application/json" }
  const call =
    process.env.V === "a"
      ? async () => (await request(server.origin + shiftPath("blue"), { headers })).body.json()
      : process.env.V === "c"
        ? () => runtime.runPromise(metadata.shifts.get("blue"))
        : process.env.V === "f"
          ? () =>
              bare.runPromise(
                Effect.flatMap(httpClient.get(server.origin + shiftPath("blue"), { headers }), (response) =>
                  Effect.map(response.text, (text) => JSON.parse(text) as unknown)
                )
              )
          : () => runtime.runPromise(transport.call(getShift, { path: { label: "blue" } }))
  const calls = Number(process.env.N ?? 30_000)
  const started = performance.now()
  for (let i = 0; i < calls; i++) await call()
  console.log(
    `${calls} calls of ${process.env.V ?? "b"}: ${(((performance.now() - started) * 1000) / calls).toFixed(1)} µs per call`
  )
} finally {
  await runtime.dispose()
  await bare.dispose()
  server.stop()
}
