/**
 * The processes of `bench:mirror`: the simulator (`mirrorSimulator.ts`), one mirror job per plain
 * node process (`mirrorClient.mjs`), `ofsc export activities` through the CLI's built bin, and a
 * fresh Postgres database per mirror. Each mirror and export is a whole process, timed from spawn to
 * exit by this one, so both pay the same start-up.
 */
import { type ChildProcess, fork, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { defaultApplication } from "@ofsc/simulator"
import pg from "pg"
import type { SimulatorCommand } from "./mirrorSimulator.js"

/** A command without its id (the simulator process answers each by id). */
type Command = SimulatorCommand extends infer C ? (C extends unknown ? Omit<C, "id"> : never) : never

/** The simulator in its process: where it listens, its commands, and how to stop it. */
export interface MirrorSimulator {
  readonly url: string
  readonly instance: string
  readonly command: <A>(command: Command) => Promise<A>
  readonly stop: () => void
}

/** Starts a simulator with `options` (SimulatorOptions as JSON) in a child process. */
export const startMirrorSimulator = (options: Record<string, unknown>) =>
  new Promise<MirrorSimulator>((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./mirrorSimulator.ts", import.meta.url)), [JSON.stringify(options)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    })
    const waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>()
    let nextId = 0
    process.once("exit", () => child.kill())
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`the simulator exited (code ${code})`)))
    child.on(
      "message",
      (message: { id?: number; value?: unknown; error?: string; url?: string; instance?: string }) => {
        if (message.id === undefined) {
          resolve({
            url: message.url as string,
            instance: message.instance as string,
            command: <A>(command: Command) =>
              new Promise<A>((ok, fail) => {
                const id = nextId++
                waiting.set(id, { resolve: ok as (value: never) => void, reject: fail })
                child.send({ ...command, id })
              }),
            stop: () => child.connected && child.disconnect()
          })
          return
        }
        const waiter = waiting.get(message.id)
        waiting.delete(message.id)
        if (message.error !== undefined) waiter?.reject(new Error(message.error))
        else waiter?.resolve(message.value as never)
      }
    )
  })

/** What a mirror job asks for (see `mirrorClient.mjs`). */
export interface MirrorJob {
  readonly database: string
  readonly window: { readonly from: string; readonly to: string }
  readonly entities: ReadonlyArray<string>
  readonly follow?: boolean
  readonly pollInterval?: string
  /** Following: the writes to look for are customer names `lag <marker> <n>`. */
  readonly marker?: string
}

/** A load step as the job saw it: ms since the run started when first and last reported, rows and CPU ms then. */
export interface StepTimes {
  readonly first: number
  readonly last: number
  readonly firstRows: number
  readonly rows: number
  readonly firstCpu: number
  readonly lastCpu: number
}

/** What a mirror job reports when it ends. */
export interface MirrorReport {
  /** The run, inside the process (after the layer is built). */
  readonly seconds: number
  /** The process's CPU time (user + system) during the run. */
  readonly cpuSeconds: number
  /** Spawn to exit, seen from here. */
  readonly wallSeconds: number
  /** CPU seconds the simulator spent meanwhile. */
  readonly simCpuSeconds: number
  readonly steps: Readonly<Record<string, StepTimes>>
  readonly loaded: { readonly rows: number; readonly activities: number }
  readonly polls: number
  readonly rereads: number
  readonly unknownEvents: number
  readonly events: number
  readonly rows: Readonly<Record<string, number>>
  readonly maxRssBytes: number
  /** Node's split of the memory when RSS peaked (sampled every 20 ms). */
  readonly atPeak: {
    readonly heapUsed: number
    readonly heapTotal: number
    readonly external: number
    readonly arrayBuffers: number
  }
}

/** A poll the following mirror committed: when, and the markers of the writes it carried. */
export interface AppliedMessage {
  readonly type: "applied"
  readonly at: number
  readonly events: number
  readonly seqs: ReadonlyArray<number>
}

/** A mirror job in its own plain node process; `stop` ends a following one. */
export const startMirror = (
  sim: MirrorSimulator,
  job: MirrorJob,
  onApplied: (message: AppliedMessage) => void = () => {},
  nodeFlags: ReadonlyArray<string> = []
): { readonly done: Promise<MirrorReport>; readonly stop: () => void } => {
  let child: ChildProcess | undefined
  const done = withSimulatorCpu(
    sim,
    (started) =>
      new Promise<Omit<MirrorReport, "simCpuSeconds">>((resolve, reject) => {
        child = fork(
          fileURLToPath(new URL("./mirrorClient.mjs", import.meta.url)),
          [
            JSON.stringify({
              url: sim.url,
              instance: sim.instance,
              clientId: defaultApplication.clientId,
              clientSecret: defaultApplication.clientSecret,
              ...job
            })
          ],
          // plain node: the TypeScript loader this process runs under would inflate the mirror's RSS
          { execArgv: [...nodeFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] }
        )
        child.on("message", (message: AppliedMessage | (Omit<MirrorReport, "wallSeconds"> & { type: "done" })) => {
          if (message.type === "applied") onApplied(message)
          else child?.once("exit", () => resolve({ ...message, wallSeconds: (performance.now() - started) / 1000 }))
        })
        child.once("error", reject)
        child.once("exit", (code) => code !== 0 && reject(new Error(`the mirror exited with ${code}`)))
      })
  )
  return { done, stop: () => child?.send("stop") }
}

/** Runs `work` (given its start time) and adds the simulator's CPU seconds meanwhile to its answer. */
const withSimulatorCpu = async <A>(
  sim: MirrorSimulator,
  work: (started: number) => Promise<A>
): Promise<A & { readonly simCpuSeconds: number }> => {
  const before = await sim.command<number>({ type: "cpu" })
  const answer = await work(performance.now())
  return { ...answer, simCpuSeconds: (await sim.command<number>({ type: "cpu" })) - before }
}

/** What one export run reports. */
export interface ExportReport {
  readonly wallSeconds: number
  readonly activities: number
  /** The export process's peak RSS and CPU time (user + system), from /usr/bin/time when there is one. */
  readonly maxRssBytes: number | undefined
  readonly cpuSeconds: number | undefined
  /** CPU seconds the simulator spent meanwhile. */
  readonly simCpuSeconds: number
}

const cliBin = fileURLToPath(new URL("../../../apps/cli/dist/bin.js", import.meta.url))
const gnuTime = "/usr/bin/time"

/** `ofsc export activities --from --to --out <tmp>.ndjson --quiet` against the simulator, spawn to exit. */
export const runExport = (sim: MirrorSimulator, from: string, to: string): Promise<ExportReport> =>
  withSimulatorCpu(
    sim,
    (started) =>
      new Promise<Omit<ExportReport, "simCpuSeconds">>((resolve, reject) => {
        const dir = mkdtempSync(join(tmpdir(), "ofsc-bench-export-"))
        const out = join(dir, "activities.ndjson")
        const rssFile = join(dir, "usage")
        const args = [cliBin, "export", "activities", "--from", from, "--to", to, "--out", out, "--quiet"]
        const timed = existsSync(gnuTime)
        const child = spawn(
          timed ? gnuTime : process.execPath,
          timed ? ["-f", "%M %U %S", "-o", rssFile, process.execPath, ...args] : args,
          {
            env: {
              ...process.env,
              OFSC_BASE_URL: sim.url,
              OFSC_INSTANCE: sim.instance,
              OFSC_CLIENT_ID: defaultApplication.clientId,
              OFSC_CLIENT_SECRET: defaultApplication.clientSecret
            },
            stdio: ["ignore", "ignore", "pipe"]
          }
        )
        let stderr = ""
        child.stderr?.on("data", (d) => {
          stderr += d
        })
        child.once("error", reject)
        child.once("close", (code) => {
          const wallSeconds = (performance.now() - started) / 1000
          try {
            if (code !== 0) throw new Error(`ofsc export failed (${code}): ${stderr}`)
            const text = readFileSync(out, "utf8")
            let activities = 0
            for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) activities++
            const [kb, user, system] = timed
              ? (readFileSync(rssFile, "utf8").trim().split("\n").at(-1) ?? "").split(" ").map(Number)
              : []
            resolve({
              wallSeconds,
              activities,
              maxRssBytes: kb === undefined || Number.isNaN(kb) ? undefined : kb * 1024,
              cpuSeconds: user === undefined || system === undefined ? undefined : user + system
            })
          } catch (error) {
            reject(error)
          } finally {
            rmSync(dir, { recursive: true, force: true })
          }
        })
      })
  )

/** A fresh SQLite file in a temp folder, and how to remove it. */
export const freshSqlite = () => {
  const dir = mkdtempSync(join(tmpdir(), "ofsc-bench-mirror-"))
  return { database: join(dir, "mirror.db"), drop: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Where the mirror's tests find Postgres (`tooling/scripts/postgres-for-tests.sh` makes it). */
const adminUrl = process.env.OFSC_TEST_PG_URL?.trim() || "postgres://ofsc:ofsc@127.0.0.1:5432/ofsc_mirror_test"

const adminQuery = async (statement: string) => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.query(statement)
  } finally {
    await client.end().catch(() => {})
  }
}

/** A fresh Postgres database of its own (as the mirror's tests make them), and how to drop it. */
export const freshPostgres = async () => {
  const name = `ofsc_mirror_bench_${randomBytes(6).toString("hex")}`
  await adminQuery(`CREATE DATABASE "${name}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { database: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}
