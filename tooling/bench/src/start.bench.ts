/**
 * How long does a script take that starts, makes one GET and ends, and how much memory does it
 * take? Times whole `node` processes (a one-call script on the Effect client, the same on
 * @ofsc/sync, and a plain undici script) against a shift server in another process, in rotating
 * order, and prints the medians of wall time and peak RSS. A fourth script makes the plain undici
 * call after importing @effect/platform's HttpClient: the floor of any client on @effect/platform.
 * Run with `pnpm bench:start`.
 */
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { startServer } from "./harness.js"

/** The targets of issue 10: one-call script against plain undici, sync against the Effect client. */
const targets = { effectOverUndici: 1.6, effectRssMb: 120, syncOverEffect: 1.3 } as const

interface Script {
  readonly key: string
  readonly name: string
  readonly file: string
}

const scripts: ReadonlyArray<Script> = [
  { key: "undici", name: "plain undici.request", file: "undiciOneCall.mjs" },
  { key: "floor", name: "undici.request after loading @effect/platform", file: "platformFloor.mjs" },
  { key: "effect", name: "Effect client (@ofsc/core + @ofsc/metadata)", file: "effectOneCall.mjs" },
  { key: "default", name: "the same over OfscHttpClient.layer (fetch)", file: "defaultOneCall.mjs" },
  { key: "sync", name: "@ofsc/sync", file: "syncOneCall.mjs" }
]

interface Run {
  readonly ms: number
  readonly rssMb: number
}

/** Runs one script to its end; the wall time is the parent's, the peak RSS the child's own. */
const runOnce = (script: Script, origin: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL(`./start/${script.file}`, import.meta.url)), origin, "blue"],
      {
        stdio: ["ignore", "pipe", "inherit"],
        // a plain node: no TypeScript loader inherited from this process
        env: { ...process.env, NODE_OPTIONS: "" }
      }
    )
    let out = ""
    child.stdout.on("data", (data: Buffer) => {
      out += data.toString()
    })
    child.once("error", reject)
    child.once("exit", (code) => {
      const ms = performance.now() - started
      if (code !== 0) return reject(new Error(`${script.file} exited with code ${code}`))
      const report = JSON.parse(out) as { readonly label: string; readonly maxRssKb: number }
      if (report.label !== "blue") return reject(new Error(`${script.file} answered ${out}`))
      resolve({ ms, rssMb: report.maxRssKb / 1024 })
    })
  })

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const verdict = (ok: boolean) => (ok ? "PASS" : "MISS")

const main = async () => {
  const runs = Number(process.env.BENCH_RUNS ?? 7)
  const server = await startServer()
  try {
    const results = new Map<string, Array<Run>>(scripts.map((s) => [s.key, []]))
    // one warm-up run each fills the OS file cache, then the order rotates every round
    for (const script of scripts) await runOnce(script, server.origin)
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < scripts.length; i++) {
        const script = scripts[(round + i) % scripts.length] as Script
        results.get(script.key)?.push(await runOnce(script, server.origin))
      }
    }
    console.log(`node ${process.version}, ${runs} runs per script (after one warm-up), server in a child process`)
    const med = new Map(
      scripts.map((s) => {
        const r = results.get(s.key) ?? []
        return [s.key, { ms: median(r.map((x) => x.ms)), rssMb: median(r.map((x) => x.rssMb)) }] as const
      })
    )
    const undici = med.get("undici") as Run
    for (const s of scripts) {
      const m = med.get(s.key) as Run
      const all = (results.get(s.key) ?? []).map((x) => x.ms.toFixed(0)).join(" ")
      console.log(
        `${s.name.padEnd(46)} ${m.ms.toFixed(0).padStart(5)} ms  ${m.rssMb.toFixed(0).padStart(4)} MB peak RSS  ` +
          `${(m.ms / undici.ms).toFixed(2)}x undici   (runs: ${all})`
      )
    }
    const effect = med.get("effect") as Run
    const floor = med.get("floor") as Run
    console.log(
      `the floor of a client on @effect/platform (its imports alone): ${(floor.ms / undici.ms).toFixed(2)}x plain undici; ` +
        `the Effect client spends ${(effect.ms - floor.ms).toFixed(0)} ms above it`
    )
    const sync = med.get("sync") as Run
    const effectRatio = effect.ms / undici.ms
    const syncRatio = sync.ms / effect.ms
    console.log(
      `Effect one-call script: ${effectRatio.toFixed(2)}x plain undici (target ≤ ${targets.effectOverUndici}: ` +
        `${verdict(effectRatio <= targets.effectOverUndici)}), ${effect.rssMb.toFixed(0)} MB peak RSS ` +
        `(target ≤ ${targets.effectRssMb}: ${verdict(effect.rssMb <= targets.effectRssMb)})`
    )
    console.log(
      `@ofsc/sync one-call script: ${syncRatio.toFixed(2)}x the Effect client's (target ≤ ${targets.syncOverEffect}: ` +
        `${verdict(syncRatio <= targets.syncOverEffect)}), ${sync.rssMb.toFixed(0)} MB peak RSS`
    )
  } finally {
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
