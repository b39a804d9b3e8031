/**
 * `pnpm demo`: lists a day's activities per resource and exports them to out/activities-<date>.json.
 * With OFSC_INSTANCE or OFSC_BASE_URL set it talks to that OFS instance (credentials from OFSC_*,
 * today's date unless DEMO_DATE says otherwise); otherwise it starts an embedded @ofsc/simulator and
 * reports the first day of its data.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { defaultApplication, startSimulator } from "@ofsc/simulator"
import { Effect, Layer, Redacted } from "effect"
import { dayReport } from "./dayReport.js"

const useReal = process.env.OFSC_INSTANCE !== undefined || process.env.OFSC_BASE_URL !== undefined
const simulator = useReal ? undefined : await startSimulator({ size: "small" })
const date = process.env.DEMO_DATE ?? simulator?.data.startDate ?? new Date().toISOString().slice(0, 10)

const config = simulator
  ? OfscClient.layer({
      baseUrl: simulator.url,
      instance: simulator.instance,
      credentials: {
        _tag: "Basic",
        clientId: defaultApplication.clientId,
        clientSecret: Redacted.make(defaultApplication.clientSecret)
      }
    })
  : OfscClient.layerFromEnv
const client = OfscCore.layer.pipe(Layer.provide(config), Layer.provide(OfscHttpClient.layer))

const program = Effect.gen(function* () {
  const report = yield* dayReport(date)
  console.log(
    `Activities on ${date} (${simulator ? `embedded simulator at ${simulator.url}` : "OFS instance from OFSC_*"})`
  )
  console.table(
    report.lines.map((l) => ({ resource: l.resourceId, name: l.name ?? "", activities: l.activities, ...l.byStatus }))
  )
  mkdirSync("out", { recursive: true })
  const file = `out/activities-${date}.json`
  writeFileSync(file, `${JSON.stringify(report.activities, null, 2)}\n`)
  console.log(`${report.activities.length} activities of ${report.lines.length} resources exported to ${file}`)
})

await Effect.runPromise(program.pipe(Effect.provide(client))).finally(() => simulator?.stop())
