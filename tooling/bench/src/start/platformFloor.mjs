// The floor of any client built on @effect/platform (pnpm bench:start): the plain undici GET of
// undiciOneCall.mjs, after importing what every such client must load, effect's Effect module and
// @effect/platform's HttpClient. Those import effect/Schema, which imports fast-check (223 modules
// of the ~550 a one-call @ofsc script loads): a cost no @ofsc code can remove on the effect 3 line.
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import { request } from "undici"

const [origin, label] = process.argv.slice(2)

const authorization = `Basic ${Buffer.from("bench@bench:bench-secret").toString("base64")}`
const response = await request(`${origin}/rest/ofscMetadata/v1/shifts/${encodeURIComponent(label)}`, {
  headers: { authorization, accept: "application/json" }
})
if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
const shift = await response.body.json()
if (HttpClient.HttpClient === undefined || Effect.runPromise === undefined) throw new Error("not loaded")
process.stdout.write(`${JSON.stringify({ label: shift.label, maxRssKb: process.resourceUsage().maxRSS })}\n`)
