/**
 * What would the simulator's HTTP edge cost on @effect/platform's server, next to node:http?
 *
 * Two child processes serve the same OFS shift with the same Basic check: `shiftServer.ts` on
 * node:http (what the simulator's edge is written on), `shiftPlatformServer.ts` on @effect/platform's
 * `HttpRouter` over `NodeHttpServer`. This process fetches from each, one request at a time (as the
 * test suites do), with raw undici, in alternating rounds, and prints per-request medians and the
 * ratio; a third row is the simulator itself answering the same GET, for scale. Run with
 * `pnpm --filter @ofsc/bench bench:edge`.
 */
import { defaultApplication, startSimulator } from "@ofsc/simulator"
import { request } from "undici"
import {
  basicAuthorization,
  printTable,
  runRounds,
  settingsFromEnv,
  shiftPath,
  startServer,
  type Variant
} from "./harness.js"

const getFrom = (key: string, name: string, origin: string, authorization: string): Variant => ({
  key,
  name,
  call: async (label) => {
    const response = await request(origin + shiftPath(label), {
      headers: { authorization, accept: "application/json" }
    })
    if (response.statusCode !== 200) throw new Error(`${name}: status ${response.statusCode}`)
    return response.body.json()
  }
})

const settings = settingsFromEnv({ rounds: 10, callsPerRound: 1_000, warmupCalls: 2_000 })
const nodeServer = await startServer("./shiftServer.ts")
const platformServer = await startServer("./shiftPlatformServer.ts")
const sim = await startSimulator({ seed: 1 })
const { clientId, clientSecret } = defaultApplication
for (const label of ["blue", "green", "night", "weekend"]) {
  sim.store.collection("shifts").put(label, {
    label,
    name: label,
    active: true,
    type: "regular",
    workTimeStart: "08:00:00",
    workTimeEnd: "17:00:00"
  })
}
const simAuthorization = `Basic ${Buffer.from(`${clientId}@${sim.instance}:${clientSecret}`).toString("base64")}`
try {
  const samples = await runRounds(
    [
      getFrom("a", "node:http server (the simulator's edge today)", nodeServer.origin, basicAuthorization),
      getFrom("b", "@effect/platform HttpRouter + NodeHttpServer", platformServer.origin, basicAuthorization),
      getFrom("c", "the simulator (in this process), GET shifts/{label}", sim.url, simAuthorization)
    ],
    settings
  )
  console.log(
    `GET a shift, one request at a time: ${settings.rounds} rounds of ${settings.callsPerRound} calls per variant`
  )
  printTable(samples)
} finally {
  nodeServer.stop()
  platformServer.stop()
  await sim.stop()
}
