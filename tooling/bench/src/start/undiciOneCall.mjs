// The baseline of pnpm bench:start: one GET with plain undici.request, a status check and a JSON parse.
import { request } from "undici"

const [origin, label] = process.argv.slice(2)

const authorization = `Basic ${Buffer.from("bench@bench:bench-secret").toString("base64")}`
const response = await request(`${origin}/rest/ofscMetadata/v1/shifts/${encodeURIComponent(label)}`, {
  headers: { authorization, accept: "application/json" }
})
if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
const shift = await response.body.json()
process.stdout.write(`${JSON.stringify({ label: shift.label, maxRssKb: process.resourceUsage().maxRSS })}\n`)
