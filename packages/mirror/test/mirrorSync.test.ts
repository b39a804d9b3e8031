/**
 * MirrorSync's blocking calls from a plain script's point of view: the simulator runs in its own
 * process (a blocked thread cannot answer), the call blocks until the mirror caught up, and a bad
 * database is a MirrorSyncError naming it without its password.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MirrorSync, MirrorSyncError } from "../src/index.js"
import { tempSqlite } from "./support/harness.js"

const simulatorBin = join(
  dirname(createRequire(import.meta.url).resolve("@ofsc/simulator/package.json")),
  "dist",
  "bin.js"
)

let simulator: ChildProcess
let url = ""

beforeAll(async () => {
  simulator = spawn(process.execPath, [simulatorBin, "--port", "0", "--seed", "12", "--size", "small"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  url = await new Promise<string>((resolve, reject) => {
    let out = ""
    simulator.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8")
      const found = /listening on (http:\/\/\S+)/.exec(out)
      if (found !== null) resolve(found[1] as string)
    })
    simulator.on("exit", (code) => reject(new Error(`the simulator exited (${code})`)))
  })
}, 60_000)

afterAll(() => {
  simulator.kill()
})

describe("MirrorSync", () => {
  it("runs the mirror to caught up and answers its status, blocking", () => {
    const database = tempSqlite()
    const options = {
      database,
      window: { from: "2026-11-01", to: "2026-11-05" },
      client: { baseUrl: url, instance: "sim", clientId: "ofsc-sim", clientSecret: Redacted.make("sim-secret") }
    }
    const status = MirrorSync.runOnce(options)
    expect(status.phase).toBe("following")
    expect(status.tables.find((t) => t.table === "activities")?.live).toBeGreaterThan(0)
    expect(MirrorSync.status(options).runs).toHaveLength(1)
  }, 120_000)

  it("fails with a MirrorSyncError naming the database, without its password", () => {
    const attempt = () =>
      MirrorSync.status({ database: "postgres://mirror:s3cret-pw@127.0.0.1:1/nowhere", timeoutMs: 60_000 })
    expect(attempt).toThrow(MirrorSyncError)
    try {
      attempt()
    } catch (error) {
      expect((error as MirrorSyncError).tag).toBe("MirrorDatabaseError")
      expect((error as Error).message).toContain("127.0.0.1:1")
      expect((error as Error).message).not.toContain("s3cret-pw")
    }
  }, 120_000)
})
