// Cold start of the `ofsc` command, each run a fresh Node process: `--version`, `--help` and one
// `get` against a local simulator, beside a one-call library script doing the same get.
// Prints the median of each and its ratio to the library script. Run: pnpm bench:cli
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { defaultApplication, startSimulator } from "@ofsc/simulator"

const here = path.dirname(fileURLToPath(import.meta.url))
const bin = path.resolve(here, "../dist/bin.js")
const library = path.resolve(here, "library-get.mjs")
const runs = Number(process.env.RUNS ?? 7)

const sim = await startSimulator({ seed: 1 })
const env = {
  ...process.env,
  OFSC_BASE_URL: sim.url,
  OFSC_INSTANCE: sim.instance,
  OFSC_CLIENT_ID: defaultApplication.clientId,
  OFSC_CLIENT_SECRET: defaultApplication.clientSecret
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** One run of `node args...` (asynchronous: the simulator in this process must keep answering). */
const runOnce = (args) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (d) => {
      stderr += d
    })
    child.once("close", (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
        : reject(new Error(`node ${args.join(" ")} failed: ${stderr}`))
    )
  })

/** Median wall time of `node args...`, in milliseconds; every run must succeed. */
const time = async (args) => {
  const samples = []
  for (let i = 0; i < runs; i++) samples.push(await runOnce(args))
  return median(samples)
}

const cases = [
  ["node (empty script)", ["-e", ""]],
  ["library script: one get", [library]],
  ["ofsc --version", [bin, "--version"]],
  ["ofsc --help", [bin, "--help"]],
  ["ofsc metadata shifts --help", [bin, "metadata", "shifts", "--help"]],
  ["ofsc metadata shifts get day", [bin, "metadata", "shifts", "get", "day", "-o", "json"]]
]
const results = []
for (const [name, args] of cases) results.push({ name, ms: await time(args) })
await sim.stop()

const yardstick = results.find((r) => r.name.startsWith("library"))?.ms ?? 1
console.log(`cold start, median of ${runs} fresh processes (Node ${process.version})`)
console.log(`${"".padEnd(32)}${"ms".padStart(8)}  ${"× library script".padStart(18)}`)
for (const { name, ms } of results) {
  console.log(`${name.padEnd(32)}${ms.toFixed(0).padStart(8)}  ${(ms / yardstick).toFixed(2).padStart(18)}`)
}
