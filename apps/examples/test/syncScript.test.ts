// Runs the CommonJS example script against a simulator in another process, as CI does.
import { type ChildProcess, fork, spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

let simulator: ChildProcess
let url: string

beforeAll(async () => {
  simulator = fork(fileURLToPath(new URL("./support/simulatorProcess.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  url = await new Promise<string>((resolve, reject) => {
    simulator.once("message", (m) => resolve((m as { url: string }).url))
    simulator.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)))
  })
})
afterAll(() => {
  simulator.kill()
})

describe("scripts/shift-report.cjs", () => {
  it("lists, creates, reads and deletes shifts with blocking calls, and exits 0", () => {
    const out = spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/shift-report.cjs", import.meta.url))], {
      env: {
        ...process.env,
        OFSC_BASE_URL: url,
        OFSC_INSTANCE: "sim",
        OFSC_CLIENT_ID: "ofsc-sim",
        OFSC_CLIENT_SECRET: "sim-secret"
      },
      encoding: "utf8",
      timeout: 60_000
    })
    expect(out.stderr).toBe("")
    expect(out.status).toBe(0)
    expect(out.stdout).toMatch(/^shifts by type: \{.*"regular":\d+.*\}$/m)
    expect(out.stdout).toMatch(/^created cron_\d+: 07:00:00-15:00:00$/m)
    expect(out.stdout).toMatch(/^deleted cron_\d+$/m)
  })
})
