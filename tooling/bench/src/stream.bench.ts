/**
 * Streaming every activity of the `large` data set (100,000) with 50 ms of injected latency per
 * request: once page by page, once asking for 8 pages in flight. OFS runs at most 3 GET activities at
 * once per instance and the client keeps within that, so 3 are in flight. Prints both times, the
 * speed-up, the ideal (pages / 3 × latency) and the peak RSS of the client process, with the heap
 * and the array buffers it held at that moment.
 * Run with `pnpm bench:stream` from the repo root (about a minute).
 */
import { fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import { defaultApplication } from "@ofsc/simulator"

const latencyMs = 50
const pageSize = 100
const concurrency = 8
// OFS's limit for GET activities, which the client keeps to whatever concurrency is asked
const ofsLimit = 3
const inFlight = Math.min(concurrency, ofsLimit)
const expected = 100_000
const cappedOldSpaceMb = 128
// the large data set spans 60 days from 2026-11-01, plus some activities on the days around their
// zones' clock changes in October; OFS answers at most 31 days per query
const windows = [
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-10-01", dateTo: "2026-10-31" },
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-11-01", dateTo: "2026-11-30" },
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-12-01", dateTo: "2026-12-30" }
]

const startSimulator = () =>
  new Promise<{ url: string; instance: string; stop: () => void }>((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL("./simulatorProcess.ts", import.meta.url)),
      [JSON.stringify({ size: "large", seed: 1, faults: { latencyMs } })],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] }
    )
    const stop = () => child.connected && child.disconnect()
    process.once("exit", () => child.kill())
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`the simulator exited (code ${code})`)))
    child.once("message", (m) => resolve({ ...(m as { url: string; instance: string }), stop }))
  })

/** What a client process reports: items streamed, time, peak RSS and how Node split it then (bytes). */
interface ClientRun {
  readonly count: number
  readonly seconds: number
  readonly peakRss: number
  readonly atPeak: { readonly heapTotal: number; readonly external: number; readonly arrayBuffers: number }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0)

/** Streams in a fresh plain-node client process and answers its count, time and peak RSS. */
const runClient = (
  sim: { url: string; instance: string },
  concurrency: number,
  nodeFlags: ReadonlyArray<string> = []
) =>
  new Promise<ClientRun>((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL("./streamClient.mjs", import.meta.url)),
      [
        JSON.stringify({
          url: sim.url,
          instance: sim.instance,
          clientId: defaultApplication.clientId,
          clientSecret: defaultApplication.clientSecret,
          pageSize,
          concurrency,
          windows
        })
      ],
      // plain node: the TypeScript loader this process runs under would inflate the client's RSS
      { execArgv: [...nodeFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] }
    )
    child.once("message", (m) => resolve(m as ClientRun))
    child.once("error", reject)
    child.once("exit", (code) => code !== 0 && reject(new Error(`the client exited with ${code}`)))
  })

const main = async () => {
  const sim = await startSimulator()
  try {
    const pages = Math.ceil(expected / pageSize)
    const ideal = ((pages / inFlight) * latencyMs) / 1000
    const sequential = await runClient(sim, 1)
    const parallel = await runClient(sim, concurrency)
    // the same run with the old generation capped, as in a container: Node's default lets the heap
    // grow on a large machine long before it has to collect; the cap shows what the stream needs
    const capped = await runClient(sim, concurrency, [`--max-old-space-size=${cappedOldSpaceMb}`])
    for (const run of [sequential, parallel, capped]) {
      if (run.count !== expected) throw new Error(`streamed ${run.count} activities, expected ${expected}`)
    }
    console.log(`${expected} activities, ${pages} pages of ${pageSize}, ${latencyMs} ms latency per request`)
    console.table([
      {
        run: "sequential paging",
        seconds: sequential.seconds.toFixed(2),
        "peak RSS MB": mb(sequential.peakRss),
        "heap MB at peak": mb(sequential.atPeak.heapTotal),
        "array buffers MB at peak": mb(sequential.atPeak.arrayBuffers)
      },
      {
        run: `parallel paging (concurrency ${concurrency}, ${inFlight} in flight)`,
        seconds: parallel.seconds.toFixed(2),
        "peak RSS MB": mb(parallel.peakRss),
        "heap MB at peak": mb(parallel.atPeak.heapTotal),
        "array buffers MB at peak": mb(parallel.atPeak.arrayBuffers)
      },
      {
        run: `parallel, --max-old-space-size=${cappedOldSpaceMb}`,
        seconds: capped.seconds.toFixed(2),
        "peak RSS MB": mb(capped.peakRss),
        "heap MB at peak": mb(capped.atPeak.heapTotal),
        "array buffers MB at peak": mb(capped.atPeak.arrayBuffers)
      },
      {
        run: `ideal: pages / ${inFlight} × latency`,
        seconds: ideal.toFixed(2),
        "peak RSS MB": "",
        "heap MB at peak": "",
        "array buffers MB at peak": ""
      }
    ])
    const speedUp = sequential.seconds / parallel.seconds
    const ofIdeal = parallel.seconds / ideal
    const peak = Math.max(sequential.peakRss, parallel.peakRss)
    console.log(
      `speed-up ${speedUp.toFixed(2)}x (target ≥ ${(inFlight * 0.8).toFixed(1)}, 80% of the ${inFlight} in flight: ${speedUp >= inFlight * 0.8 ? "PASS" : "MISS"}), ` +
        `parallel ${ofIdeal.toFixed(2)}x the ideal (target ≤ 1.25: ${ofIdeal <= 1.25 ? "PASS" : "MISS"}), ` +
        `peak RSS of the client ${(peak / 1e6).toFixed(0)} MB with Node's defaults ` +
        `(target < 200: ${peak < 200e6 ? "PASS" : "MISS"}), ${(capped.peakRss / 1e6).toFixed(0)} MB with the old ` +
        `generation capped at ${cappedOldSpaceMb} MB (${capped.seconds.toFixed(2)} s; ${capped.peakRss < 200e6 ? "PASS" : "MISS"})`
    )
  } finally {
    sim.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
