import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))

/** Collects a child's stdout; `waitFor` resolves with the first match of a pattern in it. */
const outputOf = (child: ChildProcess) => {
  let seen = ""
  const waiting: Array<() => void> = []
  child.stdout?.on("data", (chunk: Buffer) => {
    seen += chunk.toString("utf8")
    for (const check of waiting) check()
  })
  return {
    waitFor: (pattern: RegExp): Promise<RegExpExecArray> =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = pattern.exec(seen)
          if (found) resolve(found)
        }
        waiting.push(check)
        check()
        child.once("exit", (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${seen}`)))
      })
  }
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once("exit", (code) => resolve(code)))

describe("ofsc-simulator bin", () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    if (child?.exitCode === null) child.kill("SIGKILL")
  })

  it("starts, prints its URL and credentials, serves OFS calls and stops on SIGTERM", async () => {
    expect(existsSync(bin), "build the package first (pnpm turbo run build --filter=@ofsc/simulator)").toBe(true)
    child = spawn(process.execPath, [bin, "--port", "0", "--seed", "3", "--size", "small"], {
      stdio: ["ignore", "pipe", "pipe"]
    })
    const exited = exitOf(child)
    const output = outputOf(child)
    const [, url] = await output.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const [, clientId, secret] = await output.waitFor(/client id: (\S+)\s+client secret: (\S+)/)
    const [, instance] = await output.waitFor(/instance: (\S+)/)

    const authorization = `Basic ${Buffer.from(`${clientId}@${instance}:${secret}`).toString("base64")}`
    const response = await fetch(`${url}/rest/ofscMetadata/v1/workSkills?limit=2`, { headers: { authorization } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ totalResults: 6, limit: 2, hasMore: true })
    const refused = await fetch(`${url}/rest/ofscMetadata/v1/workSkills`)
    expect(refused.status).toBe(401)

    child.kill("SIGTERM")
    expect(await exited).toBe(0)
  })

  it("--clock-start sets the simulator's clock, which events and the admin call read", async () => {
    child = spawn(process.execPath, [bin, "--port", "0", "--clock-start", "2026-03-01 12:00:00"], {
      stdio: ["ignore", "pipe", "pipe"]
    })
    const output = outputOf(child)
    const [, url] = await output.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const [, clock] = await output.waitFor(/clock: (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/)
    expect(clock).toBe("2026-03-01 12:00")
    const authorization = `Basic ${Buffer.from("ofsc-sim@sim:sim-secret").toString("base64")}`
    const moved = await fetch(`${url}/simulator/v1/clock`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ advanceSeconds: 3600 })
    })
    expect(moved.status).toBe(200)
    expect(((await moved.json()) as { time: string }).time.slice(0, 13)).toBe("2026-03-01 13")
  })

  for (const [args, message] of [
    [["--size", "huge"], "Expected one of the following cases: small, medium, large"],
    [["--port", "70000"], "--port must be from 0 to 65535, got 70000"],
    [["--fault-rate", "1.5"], "--fault-rate must be from 0 to 1, got 1.5"],
    [["--clock-start", "yesterday"], "--clock-start must be a time: 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601"],
    [["--applied-drop-rate", "2"], "--applied-drop-rate must be from 0 to 1, got 2"]
  ] as const) {
    it(`refuses ${args.join(" ")} with a message naming it, and exits with 2 before listening`, async () => {
      child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] })
      let stderr = ""
      let stdout = ""
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8")
      })
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8")
      })
      expect(await exitOf(child)).toBe(2)
      expect(stderr).toContain(message)
      expect(stderr).toContain("Run ofsc-simulator --help for its options.")
      expect(stdout).not.toContain("listening")
    })
  }

  it("--help lists every flag the command takes, with its description", async () => {
    child = spawn(process.execPath, [bin, "--help"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" }
    })
    let stdout = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8")
    })
    expect(await exitOf(child)).toBe(0)
    for (const flag of [
      "--port",
      "--host",
      "--seed",
      "--size",
      "--instance",
      "--latency-ms",
      "--fault-rate",
      "--rate-limit",
      "--applied-drop-rate",
      "--applied-drop-on",
      "--clock-start",
      "--no-concurrency-limits"
    ]) {
      expect(stdout).toContain(flag)
    }
    expect(stdout).toContain("turn off OFS's per-operation concurrency limits")
  })
})
