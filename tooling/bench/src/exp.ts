import { createServer } from "node:http"
import { request } from "undici"
import { Effect, ManagedRuntime } from "effect"
import { FetchHttpClient, HttpClient, HttpClientResponse } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"

const body = JSON.stringify({ label: "blue", type: "regular", active: true, name: "Blue shift", workTime: { from: "08:00", to: "17:00" } })
const server = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end(body) }) })
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
const url = `http://127.0.0.1:${(server.address() as any).port}/x`
const N = 3000
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!
async function timeIt(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 300; i++) await f()
  const xs: number[] = []
  for (let i = 0; i < N; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t) }
  console.log(name, median(xs).toFixed(3))
}
await timeIt("undici.request", async () => { const r = await request(url); return r.body.json() })
await timeIt("fetch", async () => { const r = await fetch(url); return r.json() })
for (const [name, layer] of [["FetchHttpClient", FetchHttpClient.layer], ["NodeHttpClient.undici", NodeHttpClient.layerUndici], ["NodeHttpClient.node", NodeHttpClient.layer]] as const) {
  const rt = ManagedRuntime.make(layer as any)
  const client = await rt.runPromise(HttpClient.HttpClient as any) as HttpClient.HttpClient
  const eff = client.get(url).pipe(Effect.flatMap((r) => r.json), Effect.scoped)
  await timeIt(name, () => rt.runPromise(eff))
  const eff2 = client.get(url).pipe(Effect.flatMap((r) => r.json), Effect.scoped, Effect.withTracerEnabled(false))
  await timeIt(name + " notrace", () => rt.runPromise(eff2))
  const c3 = client.pipe(HttpClient.withTracerPropagation(false))
  const eff3 = c3.get(url).pipe(Effect.flatMap((r) => r.json), Effect.scoped, Effect.withTracerEnabled(false))
  await timeIt(name + " notrace noprop", () => rt.runPromise(eff3))
}
server.close()
