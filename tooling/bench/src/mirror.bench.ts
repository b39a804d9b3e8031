/**
 * `@ofsc/mirror` against the simulator's `large` seed (1,000 resources, 100,000 activities):
 *
 * 1. the first load of the seed's 60 days into SQLite and into Postgres at 20 ms of latency per
 *    request, timed against `ofsc export activities` of the same range (the CLI's built bin, run
 *    before, between and after the loads), spawn to exit for both, with the mirror's peak RSS; a
 *    load of the activities alone, and one with the old generation capped at 128 MB (as in a
 *    container) beside them; then, on one day, what the per-activity reads cost
 *    (inventories and links: 4 GETs an activity, OFS has no bulk list for them);
 * 2. events applied per second, no latency: a backlog of activity updates made through the
 *    simulator's own PATCH handler after the loads, applied by `run({ follow: false })`;
 * 3. lag under a steady 50 updates a second through the API, the mirror following with a 2 s poll
 *    interval, 20 ms latency.
 *
 * Each mirror and export runs in a process of its own; the simulator's CPU seconds during each run
 * are printed beside it (it shares the machine's cores). Run with `pnpm bench:mirror` from the repo
 * root (it builds the CLI and the mirror first); about 6 minutes here.
 */
import { measureLag } from "./mirrorLag.js"
import {
  type ExportReport,
  freshPostgres,
  freshSqlite,
  type MirrorReport,
  type MirrorSimulator,
  runExport,
  startMirror,
  startMirrorSimulator
} from "./mirrorProcesses.js"

const window = { from: "2026-11-01", to: "2026-12-30" }
/** What the load is timed with: everything but the per-activity lists. */
const loadEntities = [
  "activities",
  "resources",
  "users",
  "resourceInventories",
  "workSkills",
  "workZones",
  "workSchedules"
]
const detailWindow = { from: "2026-11-02", to: "2026-11-02" }
const latencyMs = 20
/** The transport's default: requests in flight at once. */
const inFlight = 8
const backlogUpdates = Number(process.env.BENCH_BACKLOG ?? 30_000)
const lag = { writesPerSecond: 50, seconds: Number(process.env.BENCH_LAG_SECONDS ?? 40), pollSeconds: 2 }

/** The old generation's cap of one more SQLite load: Node's default lets the heap grow long before it must collect. */
const cappedOldSpaceMb = 128

const targets = { loadRatio: 1.25, rssMb: 250, sqliteEventsPerSecond: 5000, pgEventsPerSecond: 2000 }

const mb = (bytes: number | undefined) => (bytes === undefined ? "?" : String(Math.round(bytes / 1e6)))
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS")
const quantile = (sorted: ReadonlyArray<number>, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
const median = (values: ReadonlyArray<number>) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5
  )
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const describeLoad = (name: string, r: MirrorReport) => {
  const steps = Object.entries(r.steps)
    .filter(([step]) => step !== "done")
    .map(([step, t]) => `${step} ${sec(t.first)}–${sec(t.last)} (CPU ${sec(t.lastCpu - t.firstCpu)})`)
    .join(", ")
  console.log(
    `  ${name}: ${r.wallSeconds.toFixed(1)} s spawn to exit (run ${r.seconds.toFixed(1)} s, CPU ${r.cpuSeconds.toFixed(1)} s; simulator CPU ${r.simCpuSeconds.toFixed(1)} s), ${r.loaded.activities} activities, ${r.loaded.rows} rows, peak RSS ${mb(r.maxRssBytes)} MB (heap ${mb(r.atPeak.heapTotal)} MB then)\n    steps: ${steps}`
  )
}

const describeExport = (e: ExportReport) =>
  console.log(
    `  ofsc export activities: ${e.wallSeconds.toFixed(1)} s spawn to exit (CPU ${e.cpuSeconds?.toFixed(1) ?? "?"} s; simulator CPU ${e.simCpuSeconds.toFixed(1)} s), ${e.activities} activities, peak RSS ${mb(e.maxRssBytes)} MB`
  )

type Row = { measure: string; figure: string; target: string; result: string }

/** 1. The first loads, timed against the export, which runs before, between and after them. */
const firstLoads = async (sim: MirrorSimulator, dropLater: Array<() => unknown>) => {
  console.log(`1. first load of ${window.from}..${window.to}, ${latencyMs} ms latency per request`)
  const load = (database: string, entities: ReadonlyArray<string>, nodeFlags: ReadonlyArray<string> = []) =>
    startMirror(sim, { database, window, entities }, undefined, nodeFlags).done
  const exports: Array<ExportReport> = [await runExport(sim, window.from, window.to)]
  const sqlite = freshSqlite()
  dropLater.push(sqlite.drop)
  const sqliteLoad = await load(sqlite.database, loadEntities)
  const activitiesOnly = freshSqlite()
  dropLater.push(activitiesOnly.drop)
  const activitiesLoad = await load(activitiesOnly.database, ["activities"])
  exports.push(await runExport(sim, window.from, window.to))
  const postgres = await freshPostgres()
  dropLater.push(postgres.drop)
  const pgLoad = await load(postgres.database, loadEntities)
  const capped = freshSqlite()
  dropLater.push(capped.drop)
  const cappedLoad = await load(capped.database, loadEntities, [`--max-old-space-size=${cappedOldSpaceMb}`])
  exports.push(await runExport(sim, window.from, window.to))
  exports.forEach(describeExport)
  describeLoad("mirror, SQLite", sqliteLoad)
  describeLoad("mirror, SQLite, activities only", activitiesLoad)
  describeLoad("mirror, Postgres", pgLoad)
  describeLoad(`mirror, SQLite, --max-old-space-size=${cappedOldSpaceMb}`, cappedLoad)
  const expected = exports[0]?.activities
  for (const r of [sqliteLoad, activitiesLoad, pgLoad, cappedLoad])
    if (r.loaded.activities !== expected)
      throw new Error(`a mirror loaded ${r.loaded.activities} activities, the export ${expected}`)
  const exportSeconds = median(exports.map((e) => e.wallSeconds))
  const rows: Array<Row> = []
  for (const [name, r] of [
    ["SQLite", sqliteLoad],
    ["Postgres", pgLoad],
    ["SQLite, activities only", activitiesLoad],
    [`SQLite, old space ≤ ${cappedOldSpaceMb} MB`, cappedLoad]
  ] as const) {
    const ratio = r.wallSeconds / exportSeconds
    rows.push(
      {
        measure: `first load, ${name}: time / export's`,
        figure: `${ratio.toFixed(2)}x (${r.wallSeconds.toFixed(1)} s / ${exportSeconds.toFixed(1)} s)`,
        target: `≤ ${targets.loadRatio}x`,
        result: verdict(ratio <= targets.loadRatio)
      },
      {
        measure: `first load, ${name}: mirror's peak RSS`,
        figure: `${mb(r.maxRssBytes)} MB`,
        target: `< ${targets.rssMb} MB`,
        result: verdict(r.maxRssBytes < targets.rssMb * 1e6)
      }
    )
  }
  return { sqlite: sqlite.database, postgres: postgres.database, activities: expected ?? 0, rows }
}

/** The per-activity lists on one day: the load with them, the step that reads them. */
const activityDetails = async (sim: MirrorSimulator, dropLater: Array<() => unknown>, windowActivities: number) => {
  const db = freshSqlite()
  dropLater.push(db.drop)
  const r = await startMirror(sim, {
    database: db.database,
    window: detailWindow,
    entities: ["activities", "activityInventories", "activityLinks"]
  }).done
  describeLoad(`mirror, ${detailWindow.from} with inventories and links`, r)
  const activitiesStep = r.steps.activities
  const end = r.steps.done
  if (activitiesStep === undefined || end === undefined) throw new Error("the load reported no activities")
  const ms = end.first - activitiesStep.last
  const perSecond = r.loaded.activities / (ms / 1000)
  const rows = r.loaded.rows - activitiesStep.rows
  const ideal = (inFlight / (4 * latencyMs)) * 1000
  const cpuMs = (end.firstCpu - activitiesStep.lastCpu) / r.loaded.activities
  return {
    measure: "per-activity lists: 4 GETs an activity",
    figure: `${perSecond.toFixed(0)} activities/s = ${(4 * perSecond).toFixed(0)} GETs/s (${r.loaded.activities} in ${sec(ms)}, ${rows} rows found; mirror CPU ${cpuMs.toFixed(1)} ms an activity; ${inFlight} in flight × ${latencyMs} ms allow ${ideal.toFixed(0)}/s)`,
    target: `none: all ${windowActivities} would add ${(windowActivities / perSecond / 60).toFixed(0)} min (${(windowActivities / ideal / 60).toFixed(0)} at ${ideal.toFixed(0)}/s)`,
    result: "—"
  }
}

/** 2. A backlog of events applied with no latency. */
const backlogApply = async (
  sim: MirrorSimulator,
  databases: { sqlite: string; postgres: string },
  ids: ReadonlyArray<number>
) => {
  await sim.command({ type: "latency", ms: 0 })
  const backlog = await sim.command<{ seconds: number; events: number }>({
    type: "update",
    activityIds: ids.slice(0, backlogUpdates),
    namePrefix: "backlog"
  })
  console.log(
    `2. backlog: ${backlog.events} activityUpdated events (${backlogUpdates} updates in ${backlog.seconds.toFixed(1)} s in the simulator), no latency`
  )
  const rows: Array<Row> = []
  for (const [name, database, target] of [
    ["SQLite", databases.sqlite, targets.sqliteEventsPerSecond],
    ["Postgres", databases.postgres, targets.pgEventsPerSecond]
  ] as const) {
    const r = await startMirror(sim, { database, window, entities: loadEntities }).done
    if (r.events !== backlog.events) throw new Error(`${name} applied ${r.events} events of ${backlog.events}`)
    console.log(
      `  ${name}: ${r.events} events in ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(1)} s; simulator CPU ${r.simCpuSeconds.toFixed(1)} s; ${r.polls} polls, ${r.rereads} read again, ${r.unknownEvents} unknown), peak RSS ${mb(r.maxRssBytes)} MB`
    )
    const rate = r.events / r.seconds
    rows.push({
      measure: `events applied, ${name}`,
      figure: `${Math.round(rate)}/s (${r.events} in ${r.seconds.toFixed(2)} s)`,
      target: `≥ ${target}/s`,
      result: verdict(rate >= target)
    })
  }
  return rows
}

/** 3. Lag under steady writes, each database following in turn. */
const lagUnderWrites = async (
  sim: MirrorSimulator,
  databases: { sqlite: string; postgres: string },
  ids: ReadonlyArray<number>
) => {
  await sim.command({ type: "latency", ms: latencyMs })
  console.log(
    `3. lag: ${lag.writesPerSecond} updates/s through the API for ${lag.seconds} s, the mirror following with a ${lag.pollSeconds} s poll interval, ${latencyMs} ms latency`
  )
  const lagTargetMs = 2 * lag.pollSeconds * 1000
  const writes = lag.writesPerSecond * lag.seconds
  const rows: Array<Row> = []
  for (const [i, [name, database]] of (
    [
      ["SQLite", databases.sqlite],
      ["Postgres", databases.postgres]
    ] as const
  ).entries()) {
    // each run writes activities of its own, not touched by the backlog
    const result = await measureLag(
      sim,
      { database, window, entities: loadEntities },
      { ...lag, activityIds: ids.slice(backlogUpdates + i * writes), marker: name.toLowerCase() }
    )
    const sorted = [...result.samples].sort((a, b) => a - b)
    const figures = { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN }
    console.log(
      `  ${name}: ${result.writes} writes at ${result.achievedRate.toFixed(1)}/s, ${result.samples.length} seen committed (${result.missing} not), ${result.mirror.polls} polls, mirror CPU ${result.mirror.cpuSeconds.toFixed(1)} s; lag p50 ${sec(figures.p50)}, p95 ${sec(figures.p95)}, max ${sec(figures.max)}`
    )
    for (const [q, ms] of Object.entries(figures))
      rows.push({
        measure: `lag at ${lag.writesPerSecond} writes/s, ${name}: ${q}`,
        figure: sec(ms) + (q === "max" && result.missing > 0 ? ` (${result.missing} never seen)` : ""),
        target: `< ${sec(lagTargetMs)} (2 polls)`,
        result: verdict(ms < lagTargetMs && result.missing === 0)
      })
  }
  return rows
}

const main = async () => {
  const began = performance.now()
  const sim = await startMirrorSimulator({ size: "large", seed: 1, faults: { latencyMs } })
  const dropLater: Array<() => unknown> = []
  try {
    const loads = await firstLoads(sim, dropLater)
    const details = await activityDetails(sim, dropLater, loads.activities)
    const ids = await sim.command<ReadonlyArray<number>>({ type: "activityIds", ...window })
    const applied = await backlogApply(sim, loads, ids)
    const lags = await lagUnderWrites(sim, loads, ids)
    console.table([...loads.rows, details, ...applied, ...lags])
    console.log(`whole bench: ${((performance.now() - began) / 1000).toFixed(0)} s`)
  } finally {
    sim.stop()
    for (const drop of dropLater) await drop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
