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

  it("refuses a bad option with a message and the usage", async () => {
    child = spawn(process.execPath, [bin, "--size", "huge"], { stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8")
    })
    expect(await exitOf(child)).toBe(2)
    expect(stderr).toContain("--size must be small, medium or large, got 'huge'")
    expect(stderr).toContain("Usage: ofsc-simulator")
  })
})
