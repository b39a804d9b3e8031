/** Runs the built `ofsc` bin as a child process, the way a user's shell would. */
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { defaultApplication, type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll } from "vitest"

/** The built bin. */
export const binPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js")

/** What a run of the bin ended with. */
export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly stdoutBytes: Buffer
}

/** Options of one run. */
export interface RunOptions {
  readonly env?: Record<string, string | undefined>
  readonly input?: string | Buffer
  readonly cwd?: string
  /** Sends SIGINT after this many milliseconds. */
  readonly interruptAfterMs?: number
  /** Sends SIGINT once stderr contains this. */
  readonly interruptWhen?: RegExp
}

/** An environment with no OFSC_* settings of the machine and a private config directory. */
export const cleanEnv = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => {
  const env: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("OFSC_")) env[key] = value
  env.XDG_CONFIG_HOME = tempDir("xdg")
  return { ...env, ...extra }
}

/** The environment that points the bin at a simulator. */
export const simEnv = (
  sim: Pick<SimulatorHandle, "url" | "instance">,
  extra: Record<string, string | undefined> = {}
) =>
  cleanEnv({
    OFSC_BASE_URL: sim.url,
    OFSC_INSTANCE: sim.instance,
    OFSC_CLIENT_ID: defaultApplication.clientId,
    OFSC_CLIENT_SECRET: defaultApplication.clientSecret,
    ...extra
  })

/** A fresh temporary directory. */
export const tempDir = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `ofsc-cli-${name}-`))

/** Runs `ofsc args...`. */
export const ofsc = (args: ReadonlyArray<string>, options: RunOptions = {}): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      env: (options.env ?? cleanEnv()) as NodeJS.ProcessEnv,
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"]
    })
    const out: Array<Buffer> = []
    let stderr = ""
    let interrupted = false
    // once: a second SIGINT would kill the process the way an impatient user does
    const interrupt = () => {
      if (interrupted) return
      interrupted = true
      child.kill("SIGINT")
    }
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk))
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
      if (options.interruptWhen?.test(stderr)) interrupt()
    })
    if (options.interruptAfterMs !== undefined) setTimeout(interrupt, options.interruptAfterMs)
    child.once("error", reject)
    child.once("close", (code) => {
      const stdoutBytes = Buffer.concat(out)
      resolve({ code, stdout: stdoutBytes.toString(), stderr, stdoutBytes })
    })
    if (options.input !== undefined) child.stdin.end(options.input)
    else child.stdin.end()
  })

/** A simulator started before the file's tests and stopped after them, with the environment that points the CLI at it. */
export const simulatorForFile = (seed: number) => {
  const state = {} as { sim: SimulatorHandle; env: Record<string, string | undefined> }
  beforeAll(async () => {
    state.sim = await startSimulator({ seed })
    state.env = simEnv(state.sim)
  })
  afterAll(() => state.sim.stop())
  return state
}
