/**
 * Pages 5,000 work zones N times through the Effect client and nothing else, for a CPU profile:
 *
 *   cd tooling/bench
 *   C=1 N=200 node --cpu-prof --cpu-prof-dir=/tmp/ofsc-prof --cpu-prof-interval 200 --import tsx src/profilePaging.ts
 *   npx tsx src/cpuProfileSummary.ts /tmp/ofsc-prof/<largest file>.cpuprofile
 *
 * C is the number of pages in flight (1: sequential); RAW=1 pages with raw undici.request instead,
 * for the baseline's profile. The server child's profile is the smaller file.
 */
import { OfscMetadata } from "@ofsc/metadata"
import { Layer, ManagedRuntime, Stream } from "effect"
import { request } from "undici"
import { basicAuthorization, clientLayer, startServer } from "./harness.js"

const server = await startServer("./workZoneServer.ts")
const runtime = ManagedRuntime.make(OfscMetadata.layer.pipe(Layer.provideMerge(clientLayer(server.origin))))
try {
  const metadata = await runtime.runPromise(OfscMetadata)
  const concurrency = Number(process.env.C ?? 1)
  const runs = Number(process.env.N ?? 200)
  const started = performance.now()
  const headers = { authorization: basicAuthorization, accept: "application/json" }
  const raw = async () => {
    for (let offset = 0, more = true; more; offset += 100) {
      const res = await request(`${server.origin}/rest/ofscMetadata/v1/workZones?offset=${offset}&limit=100`, {
        headers
      })
      more = ((await res.body.json()) as { readonly hasMore: boolean }).hasMore
    }
  }
  for (let i = 0; i < runs; i++) {
    if (process.env.RAW === "1") await raw()
    else
      await runtime.runPromise(
        Stream.runFold(metadata.workZones.stream({ limit: 100 }, { concurrency }), 0, (n) => n + 1)
      )
  }
  console.log(`${runs} runs, ${concurrency} in flight: ${((performance.now() - started) / runs).toFixed(1)} ms per run`)
} finally {
  await runtime.dispose()
  server.stop()
}
