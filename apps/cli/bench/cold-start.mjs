// Cold start of the `ofsc` command, each run a fresh Node process against a local simulator:
// `--version`, `--help`, a module's help and one `get`, beside a plain undici script making the same
// call (token + GET, no Effect: the floor) and the same call as a library script on @ofsc/core.
// Cases run in rotating order so a loaded machine weighs on all alike; prints the median wall time
// and the median peak memory (max RSS) of each, and their ratios to the undici script and to
// `ofsc --version`. Run: pnpm bench:cli (RUNS=7 by default). BEFORE_BIN=<another build's dist/bin.js>
// adds that build's one-call command to the same run, for before/after figures.
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { defaultApplication, startSimulator } from "@ofsc/simulator"

const here = path.dirname(fileURLToPath(import.meta.url))
const bin = path.resolve(here, "../dist/bin.js")
const runs = Number(process.env.RUNS ?? 7)
/** Preloaded into every child: reports its peak RSS on fd 3 as it exits (one tiny CommonJS file). */
const rssReporter = path.resolve(here, "report-rss.cjs")
/** The targets of the one-call command (issue 25), on this machine. */
const target = { ms: 400, rssMb: 120 }

const sim = await startSimulator({ seed: 1 })
const env = {
  ...process.env,
  NODE_OPTIONS: "",
  OFSC_BASE_URL: sim.url,
  OFSC_INSTANCE: sim.instance,
  OFSC_CLIENT_ID: defaultApplication.clientId,
  OFSC_CLIENT_SECRET: defaultApplication.clientSecret
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** One run of `node args...`: wall time seen from here, peak RSS reported by the child. */
const runOnce = (args) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, ["--require", rssReporter, ...args], {
      env,
      stdio: ["ignore", "ignore", "pipe", "pipe"]
    })
    let stderr = ""
    let rss = ""
    child.stderr.on("data", (d) => {
      stderr += d
    })
    child.stdio[3].on("data", (d) => {
      rss += d
    })
    child.once("error", reject)
    child.once("close", (code) =>
      code === 0
        ? resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, rssMb: Number(rss) / 1024 })
        : reject(new Error(`node ${args.join(" ")} failed: ${stderr}`))
    )
  })

const cases = [
  { name: "node (empty script)", args: ["-e", ""] },
  { name: "undici script: token + get", args: [path.resolve(here, "undici-get.mjs")], baseline: true },
  { name: "library script: one get", args: [path.resolve(here, "library-get.mjs")] },
  { name: "ofsc --version", args: [bin, "--version"], version: true },
  { name: "ofsc --help", args: [bin, "--help"] },
  { name: "ofsc metadata shifts --help", args: [bin, "metadata", "shifts", "--help"] },
  { name: "ofsc metadata shifts get day", args: [bin, "metadata", "shifts", "get", "day", "-o", "json"], target: true },
  ...(process.env.BEFORE_BIN
    ? [
        { name: "before: ofsc --version", args: [process.env.BEFORE_BIN, "--version"] },
        {
          name: "before: ofsc ... get day",
          args: [process.env.BEFORE_BIN, "metadata", "shifts", "get", "day", "-o", "json"]
        }
      ]
    : [])
]

if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: build @ofsc/cli first`)
const samples = cases.map(() => [])
try {
  // one warm-up run each fills the OS file cache; then every round runs each case, in rotating order
  for (const c of cases) await runOnce(c.args)
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < cases.length; i++) {
      const index = (round + i) % cases.length
      samples[index].push(await runOnce(cases[index].args))
    }
  }
} finally {
  await sim.stop()
}

const results = cases.map((c, i) => ({
  ...c,
  ms: median(samples[i].map((s) => s.ms)),
  rssMb: median(samples[i].map((s) => s.rssMb))
}))
const baseline = results.find((r) => r.baseline)
const version = results.find((r) => r.version)
const col = (text, width) => String(text).padStart(width)
console.log(`cold start, median of ${runs} fresh processes per case, in rotating order (Node ${process.version})`)
console.log(
  `${"".padEnd(32)}${col("ms", 7)}${col("× undici", 10)}${col("× --version", 13)}${col("max RSS MB", 12)}${col("× undici", 10)}`
)
for (const r of results) {
  console.log(
    `${r.name.padEnd(32)}${col(r.ms.toFixed(0), 7)}${col((r.ms / baseline.ms).toFixed(2), 10)}${col((r.ms / version.ms).toFixed(2), 13)}${col(r.rssMb.toFixed(0), 12)}${col((r.rssMb / baseline.rssMb).toFixed(2), 10)}`
  )
}
const one = results.find((r) => r.target)
const verdict = (ok) => (ok ? "PASS" : "MISS")
console.log(
  `target for "${one.name}": ≤ ${target.ms} ms ${verdict(one.ms <= target.ms)}, ≤ ${target.rssMb} MB ${verdict(one.rssMb <= target.rssMb)}`
)
