// The READMEs' examples are the files in apps/examples/readme, byte for byte, and each of them runs
// against a simulator started with the `ofsc-simulator` bin, without an unhandled failure.
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { blocksOf, exampleFiles, readmes, repoRoot } from "./support/readmeBlocks.js"

const code = /^(ts|typescript|js|javascript|cjs|mjs)$/

describe("README code blocks", () => {
  const all = readmes().flatMap(blocksOf)

  it("every TypeScript or JavaScript block of the root README mirrors an example file", () => {
    const unmarked = all.filter((b) => b.readme === "README.md" && code.test(b.lang) && b.example === undefined)
    expect(unmarked.map((b) => `${b.readme}:${b.line}`)).toEqual([])
  })

  it("every package README has at least one block that mirrors an example file", () => {
    const withExample = new Set(all.filter((b) => b.example !== undefined).map((b) => b.readme))
    const packages = readmes().filter((r) => r.startsWith("packages/"))
    expect(packages.filter((r) => !withExample.has(r))).toEqual([])
  })

  for (const block of all.filter((b) => b.example !== undefined)) {
    it(`${block.readme}:${block.line} is exactly ${block.example}`, () => {
      expect(block.code).toBe(readFileSync(join(repoRoot, block.example!), "utf8"))
    })
  }
})

const simulatorBin = createRequire(import.meta.url)
  .resolve("@ofsc/simulator/package.json")
  .replace(/package\.json$/, "dist/bin.js")
let simulator: ChildProcess
let env: Record<string, string>

beforeAll(async () => {
  simulator = spawn(process.execPath, [simulatorBin, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    simulator.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(out)
      if (found) resolve(found[1]!)
    })
    simulator.once("exit", (status) => reject(new Error(`simulator exited with ${status}`)))
  })
  env = { OFSC_BASE_URL: url, OFSC_INSTANCE: "sim", OFSC_CLIENT_ID: "ofsc-sim", OFSC_CLIENT_SECRET: "sim-secret" }
})
afterAll(() => {
  simulator.kill()
})

describe("README examples run against the simulator", () => {
  for (const file of exampleFiles()) {
    it.concurrent(`${file} exits 0 and prints what it did`, async () => {
      const path = join(repoRoot, file)
      const args = file.endsWith(".ts") ? ["--import", "tsx", path] : [path]
      // execFile rejects on a non-zero exit, with stdout and stderr on the error
      const run = await promisify(execFile)(process.execPath, args, {
        cwd: join(repoRoot, "apps/examples"),
        env: { ...process.env, ...env },
        encoding: "utf8",
        timeout: 60_000
      })
      expect(run.stderr).not.toMatch(/FiberFailure|Unhandled|Error:/)
      expect(run.stdout.trim()).not.toBe("")
    }, 70_000)
  }
})
