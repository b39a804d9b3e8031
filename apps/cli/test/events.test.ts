import { spawn } from "node:child_process"
import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { binPath, ofsc, simEnv } from "./support/cli.js"

let sim: SimulatorHandle
let env: Record<string, string | undefined>
beforeAll(async () => {
  sim = await startSimulator({ seed: 17 })
  env = simEnv(sim)
})
afterAll(() => sim.stop())

/** Starts `ofsc events tail`, and a way to wait on its output and stop it with Ctrl-C. */
const tail = (args: ReadonlyArray<string> = []) => {
  const child = spawn(process.execPath, [binPath, "events", "tail", "--poll-interval", "0.2", ...args], {
    env: env as NodeJS.ProcessEnv
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString()
  })
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString()
  })
  const waitFor = async (read: () => string, pattern: RegExp) => {
    const until = Date.now() + 60_000
    while (!pattern.test(read())) {
      if (Date.now() > until) throw new Error(`never saw ${pattern}: ${read()}`)
      await new Promise((done) => setTimeout(done, 50))
    }
    return read()
  }
  const exited = new Promise<number | null>((done) => child.once("close", done))
  return {
    stdout: (pattern: RegExp) => waitFor(() => stdout, pattern),
    stderr: (pattern: RegExp) => waitFor(() => stderr, pattern),
    stop: () => {
      child.kill("SIGINT")
      return exited
    }
  }
}

describe("ofsc events tail", () => {
  it("prints each event as it happens, ndjson when piped, until Ctrl-C; a second run reuses the subscription", async () => {
    const first = tail()
    const following = await first.stderr(/following subscription (\w+)/)
    const subscriptionId = /following subscription (\w+)/.exec(following)?.[1]
    const created = await ofsc(
      [
        "core",
        "activities",
        "create",
        "--data",
        JSON.stringify({ resourceId: "TECH_00001", activityType: "install", date: "2026-11-03" })
      ],
      { env }
    )
    expect(created.code).toBe(0)
    const activityId = JSON.parse(created.stdout).activityId
    const out = await first.stdout(/activityCreated/)
    const event = JSON.parse(out.trim().split("\n")[0] ?? "")
    expect(event).toMatchObject({ eventType: "activityCreated", activityDetails: { activityId } })
    expect(await first.stop()).toBe(130)
    expect(await first.stderr(/continue with/)).toMatch(
      new RegExp(`stopped; continue with: ofsc events tail --subscription-id ${subscriptionId} --from \\S+\n`)
    )

    const second = tail()
    expect(await second.stderr(/following subscription (\w+)/)).toContain(String(subscriptionId))
    expect(await second.stop()).toBe(130)
    const subscriptions = await ofsc(["core", "events", "subscriptions", "list", "-o", "json"], { env })
    expect(JSON.parse(subscriptions.stdout)).toMatchObject({ totalResults: 1, items: [expect.anything()] })
  })

  it("--from and --since together are a usage error (exit 2), before anything is followed", async () => {
    const run = await ofsc(["events", "tail", "--from", "ev00000001", "--since", "2026-11-01 00:00:00"], { env })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("--from and --since cannot be used together")
  })
})
