/**
 * `pnpm demo`: lists today's activities per resource and exports them to out/activities-<date>.json.
 * With OFSC_INSTANCE or OFSC_BASE_URL set it talks to that OFS instance (credentials from OFSC_*);
 * otherwise it starts a local stand-in server and uses that.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Effect, Layer } from "effect"
import { dayReport } from "./dayReport.js"
import { demoClient, startLocalOfs } from "./localOfs.js"

const date = process.env.DEMO_DATE ?? new Date().toISOString().slice(0, 10)
const useReal = process.env.OFSC_INSTANCE !== undefined || process.env.OFSC_BASE_URL !== undefined

const local = useReal ? undefined : await startLocalOfs(date)
const client = local ? demoClient(local.url) : OfscClient.layerFromEnv.pipe(Layer.provide(OfscHttpClient.layerUndici))

const program = Effect.gen(function* () {
  const report = yield* dayReport(date)
  console.log(`Activities on ${date} (${local ? `local stand-in at ${local.url}` : "OFS instance from OFSC_*"})`)
  console.table(
    report.lines.map((l) => ({ resource: l.resourceId, name: l.name ?? "", activities: l.activities, ...l.byStatus }))
  )
  mkdirSync("out", { recursive: true })
  const file = `out/activities-${date}.json`
  writeFileSync(file, `${JSON.stringify(report.activities, null, 2)}\n`)
  console.log(`${report.activities.length} activities of ${report.lines.length} resources exported to ${file}`)
})

await Effect.runPromise(program.pipe(Effect.provide(client))).finally(() => local?.server.close())
