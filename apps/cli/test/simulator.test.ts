/**
 * `ofsc simulator` is the simulator's own command: the same flags, help and defaults as the
 * `ofsc-simulator` bin (both run the definition @ofsc/simulator exports), through the built bins.
 */
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { binPath, cleanEnv, ofsc } from "./support/cli.js"

const simulatorBin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../packages/simulator/dist/bin.js"
)

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape codes is the point
const ansi = /\u001b\[[0-9;]*m/g

/** The OPTIONS part of a help text, without colour codes (the simulator's bin writes them always). */
const optionsOf = (help: string) => {
  const plain = help.replace(ansi, "")
  return plain.slice(plain.indexOf("OPTIONS"))
}

describe("ofsc simulator", () => {
  it("takes the flags of ofsc-simulator, with the same help and defaults", async () => {
    const mounted = await ofsc(["simulator", "--help"], { env: cleanEnv({ NO_COLOR: "1" }) })
    const own = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [simulatorBin, "--help"], {
        env: cleanEnv({ NO_COLOR: "1" }) as NodeJS.ProcessEnv
      })
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
      })
      child.once("error", reject)
      child.once("close", () => resolve(out))
    })
    expect(mounted.code).toBe(0)
    expect(optionsOf(mounted.stdout)).toContain("--no-concurrency-limits")
    expect(optionsOf(mounted.stdout)).toContain("--instance")
    expect(optionsOf(mounted.stdout)).toContain("--rate-limit")
    expect(optionsOf(mounted.stdout)).toEqual(optionsOf(own))
  })

  it("starts with the flags given, serves OFS calls, and stops on Ctrl-C", async () => {
    const child = spawn(
      process.execPath,
      [binPath, "simulator", "--port", "0", "--seed", "3", "--instance", "demo", "--no-concurrency-limits"],
      { env: cleanEnv() as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] }
    )
    const closed = new Promise<number | null>((resolve) => child.once("close", resolve))
    let out = ""
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes("Ctrl-C stops it")) resolve(out)
      })
      child.once("close", (code) => reject(new Error(`exited with ${code}: ${out}`)))
    })
    expect(banner).toContain("instance: demo")
    expect(banner).toContain("OFS concurrency limits: off")
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1]
    const authorization = `Basic ${Buffer.from("ofsc-sim@demo:sim-secret").toString("base64")}`
    const response = await fetch(`${url}/rest/ofscMetadata/v1/workSkills?limit=1`, { headers: { authorization } })
    expect(response.status).toBe(200)
    child.kill("SIGINT")
    expect(await closed).not.toBeNull()
    await expect(fetch(`${url}/rest/ofscMetadata/v1/workSkills`)).rejects.toThrow()
  })
})
