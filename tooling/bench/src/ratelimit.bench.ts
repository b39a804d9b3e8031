/**
 * Long work under a rate limit: streams all 100,000 activities of the `large` data set (1,000 pages)
 * from a simulator that allows 40 requests a second (429 with Retry-After beyond) and answers 10% of
 * requests with a 5xx, with the client's default retry policy, `--runs` times (10 by default), and
 * prints how many runs streamed everything. `--rate-limit-wait <duration>` sets the 429 budget
 * (`retry.rateLimitWait`; `0 seconds` retries no 429 at all).
 * Run with `pnpm bench:ratelimit` from the repo root (about 30 s a run).
 */
import { parseArgs } from "node:util"
import { type ClientRun, largeActivities, runStreamClient, startLargeSimulator } from "./largeStream.js"

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10" }, "rate-limit-wait": { type: "string" } }
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number, 1 or more, not ${values.runs}`)
const rateLimitWait = values["rate-limit-wait"]
const faults = { rateLimitPerSecond: 40, faultRate: 0.1 }
const pageSize = 100
const concurrency = 8

const main = async () => {
  const sim = await startLargeSimulator(faults)
  try {
    const results: Array<ClientRun> = []
    for (let run = 1; run <= runs; run++) {
      const result = await runStreamClient(sim, {
        pageSize,
        concurrency,
        retry: rateLimitWait === undefined ? undefined : { rateLimitWait }
      })
      results.push(result)
      console.log(
        `run ${run}: ${result.count} activities in ${result.seconds.toFixed(1)} s` +
          (result.failure === undefined ? "" : `, failed with ${result.failure}`)
      )
    }
    const completed = results.filter((r) => r.failure === undefined && r.count === largeActivities)
    const policy = rateLimitWait === undefined ? "default retry policy" : `retry.rateLimitWait ${rateLimitWait}`
    console.log(
      `${completed.length} of ${runs} runs streamed all ${largeActivities} activities ` +
        `(${faults.rateLimitPerSecond} requests/s, ${faults.faultRate * 100}% 5xx, ${policy})`
    )
  } finally {
    sim.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
