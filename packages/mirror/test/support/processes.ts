/**
 * Mirror processes for the tests that kill them: each is `support/mirrorProcess.ts` under tsx, its
 * JSON lines collected as they come; and waits on conditions (what a process printed, what a
 * database holds), polled, never a fixed sleep.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { SimulatorHandle } from "@ofsc/simulator"
import { Effect } from "effect"
import type { ProcessLine } from "./mirrorProcess.js"

const packageDir = fileURLToPath(new URL("../..", import.meta.url))
const script = fileURLToPath(new URL("./mirrorProcess.ts", import.meta.url))

/** What a mirror process is started with. */
export interface MirrorProcessOptions {
  readonly sim: SimulatorHandle
  readonly database: string
  readonly window: { readonly from: string; readonly to: string }
  readonly owner?: string | undefined
  readonly leaseTtlMs?: number | undefined
  readonly pollIntervalMs?: number | undefined
  readonly once?: boolean | undefined
}

/** A running (or ended) mirror process. */
export interface MirrorProcess {
  readonly name: string
  readonly child: ChildProcess
  /** Every line it printed so far, parsed. */
  readonly lines: Array<ProcessLine>
  /** What it wrote to stderr (shown when a wait fails). */
  readonly stderr: () => string
  /** Resolves with its exit code (or the signal that ended it) once it has exited. */
  readonly exited: Promise<number | string>
  readonly applied: () => ReadonlyArray<Extract<ProcessLine, { type: "applied" }>>
}

/** Starts a mirror process. */
export const startMirrorProcess = (name: string, options: MirrorProcessOptions): MirrorProcess => {
  const argv = [
    "--import",
    "tsx",
    script,
    "--sim",
    options.sim.url,
    "--db",
    options.database,
    "--from",
    options.window.from,
    "--to",
    options.window.to,
    ...(options.owner === undefined ? [] : ["--owner", options.owner]),
    ...(options.leaseTtlMs === undefined ? [] : ["--lease-ttl", String(options.leaseTtlMs)]),
    ...(options.pollIntervalMs === undefined ? [] : ["--poll-interval", String(options.pollIntervalMs)]),
    ...(options.once === true ? ["--once"] : [])
  ]
  const child = spawn(process.execPath, argv, { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] })
  const lines: Array<ProcessLine> = []
  let pending = ""
  let stderr = ""
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk
    const parts = pending.split("\n")
    pending = parts.pop() ?? ""
    for (const part of parts) {
      if (part.trim() === "") continue
      try {
        lines.push(JSON.parse(part) as ProcessLine)
      } catch {
        stderr += `[stdout, not JSON] ${part}\n`
      }
    }
  })
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000)
  })
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"))
  )
  return {
    name,
    child,
    lines,
    stderr: () => stderr,
    exited,
    applied: () => lines.filter((l): l is Extract<ProcessLine, { type: "applied" }> => l.type === "applied")
  }
}

const describeProcess = (p: MirrorProcess) =>
  `${p.name} (pid ${p.child.pid}, exit ${p.child.exitCode ?? p.child.signalCode ?? "none yet"})\n` +
  `lines:\n${p.lines
    .slice(-15)
    .map((l) => JSON.stringify(l))
    .join("\n")}\nstderr:\n${p.stderr().slice(-3000)}`

/** Checks `condition` every 25 ms until it holds (true) or `timeoutMs` passed (false). */
const pollUntil = async (condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return true
}

/** Waits until `condition` holds; fails naming `what` (and what `describe` says) after `timeoutMs`. */
export const waitUntil = (
  what: string,
  condition: () => boolean | Promise<boolean>,
  options: { readonly timeoutMs?: number; readonly describe?: () => string } = {}
): Effect.Effect<void> =>
  Effect.promise(async () => {
    if (!(await pollUntil(condition, options.timeoutMs ?? 30_000)))
      throw new Error(`timed out waiting for ${what}${options.describe ? `\n${options.describe()}` : ""}`)
  })

/** Waits until `condition` holds or `timeoutMs` passed; answers whether it held. */
export const holdsWithin = (condition: () => boolean, timeoutMs: number): Effect.Effect<boolean> =>
  Effect.promise(() => pollUntil(condition, timeoutMs))

/** Waits until the process printed a line that `predicate` accepts; fails (showing its output) if it exits first. */
export const waitForLine = (
  p: MirrorProcess,
  what: string,
  predicate: (line: ProcessLine) => boolean,
  timeoutMs = 30_000
): Effect.Effect<void> =>
  waitUntil(
    `${p.name}: ${what}`,
    () => {
      if (p.lines.some(predicate)) return true
      if (hasExited(p)) throw new Error(`${p.name} exited before ${what}\n${describeProcess(p)}`)
      return false
    },
    { timeoutMs, describe: () => describeProcess(p) }
  )

const hasExited = (p: MirrorProcess) => p.child.exitCode !== null || p.child.signalCode !== null

/** Sends a signal and waits for the process to exit. */
export const stopMirrorProcess = (p: MirrorProcess, signal: NodeJS.Signals): Effect.Effect<number | string> =>
  Effect.promise(() => {
    if (!hasExited(p)) p.child.kill(signal)
    return p.exited
  })

/** Kills the process with SIGKILL if it still runs (a test's finalizer). */
export const killIfRunning = (p: MirrorProcess): Effect.Effect<void> => Effect.asVoid(stopMirrorProcess(p, "SIGKILL"))

/** Output of a process for an assertion message. */
export const processOutput = describeProcess
