/**
 * One mirror job of `bench:mirror` under a CPU profile, to see where its time goes:
 *
 *   cd tooling/bench
 *   JOB=load DB=sqlite npx tsx src/mirrorProfile.ts     # the first load, 20 ms latency
 *   JOB=apply DB=pg npx tsx src/mirrorProfile.ts        # a load (not profiled), then 30,000 events
 *   npx tsx src/cpuProfileSummary.ts /tmp/ofsc-mirror-prof/<file>.cpuprofile
 *
 * The profile is the mirror process's own (written when it exits); DAYS (60) shortens the window,
 * ENTITIES (comma-separated; the bench's load set by default) changes what is loaded.
 */
import { freshPostgres, freshSqlite, startMirror, startMirrorSimulator } from "./mirrorProcesses.js"

const job = process.env.JOB ?? "load"
const days = Number(process.env.DAYS ?? 60)
const dir = process.env.PROF_DIR ?? "/tmp/ofsc-mirror-prof"
const window = {
  from: "2026-11-01",
  to: new Date(Date.parse("2026-11-01T00:00:00Z") + (days - 1) * 86_400_000).toISOString().slice(0, 10)
}
const entities = (
  process.env.ENTITIES ?? "activities,resources,users,resourceInventories,workSkills,workZones,workSchedules"
).split(",")
const profile = ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval", "500"]

const sim = await startMirrorSimulator({ size: "large", seed: 1, faults: { latencyMs: 20 } })
const db = process.env.DB === "pg" ? await freshPostgres() : freshSqlite()
try {
  const load = await startMirror(
    sim,
    { database: db.database, window, entities },
    undefined,
    job === "load" ? profile : []
  ).done
  console.log(
    `load: ${load.seconds.toFixed(1)} s, ${load.loaded.rows} rows, peak RSS ${(load.maxRssBytes / 1e6).toFixed(0)} MB`
  )
  if (job === "apply") {
    await sim.command({ type: "latency", ms: 0 })
    const ids = await sim.command<ReadonlyArray<number>>({ type: "activityIds", ...window })
    await sim.command({ type: "update", activityIds: ids.slice(0, 30_000), namePrefix: "profile" })
    const apply = await startMirror(sim, { database: db.database, window, entities }, undefined, profile).done
    console.log(
      `apply: ${apply.events} events in ${apply.seconds.toFixed(2)} s, peak RSS ${(apply.maxRssBytes / 1e6).toFixed(0)} MB`
    )
  }
  console.log(`profile in ${dir}`)
} finally {
  sim.stop()
  await db.drop()
}
