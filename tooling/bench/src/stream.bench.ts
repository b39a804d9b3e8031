/**
 * Streaming every activity of the `large` data set (100,000) with 50 ms of injected latency per
 * request: once page by page, once asking for 8 pages in flight. OFS runs at most 3 GET activities at
 * once per instance and the client keeps within that, so 3 are in flight. Prints both times, the
 * speed-up, the ideal (pages / 3 × latency) and the peak RSS of the client process, with the heap
 * and the array buffers it held at that moment.
 * Run with `pnpm bench:stream` from the repo root (about a minute).
 */
import { largeActivities, runStreamClient, startLargeSimulator } from "./largeStream.js"

const latencyMs = 50
const pageSize = 100
const concurrency = 8
// OFS's limit for GET activities, which the client keeps to whatever concurrency is asked
const ofsLimit = 3
const inFlight = Math.min(concurrency, ofsLimit)
const expected = largeActivities
const cappedOldSpaceMb = 128

const mb = (bytes: number) => (bytes / 1e6).toFixed(0)

const main = async () => {
  const sim = await startLargeSimulator({ latencyMs })
  try {
    const pages = Math.ceil(expected / pageSize)
    const ideal = ((pages / inFlight) * latencyMs) / 1000
    const sequential = await runStreamClient(sim, { pageSize, concurrency: 1 })
    const parallel = await runStreamClient(sim, { pageSize, concurrency })
    // the same run with the old generation capped, as in a container: Node's default lets the heap
    // grow on a large machine long before it has to collect; the cap shows what the stream needs
    const capped = await runStreamClient(sim, { pageSize, concurrency }, [`--max-old-space-size=${cappedOldSpaceMb}`])
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
