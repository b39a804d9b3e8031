// These tests use the built package (dist/), as a script would: the worker runs from its built file.
import { execFileSync, spawnSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { OfscNotFound as CoreNotFound } from "@ofsc/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  createOfscSync,
  OfscConfigError,
  OfscNotFound,
  OfscSyncDeadlock,
  OfscSyncTimeout,
  OfscWorkerDied
} from "../dist/index.js"
import { type ServerProcess, startServer, syncOptions } from "./support/server.js"

let server: ServerProcess
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.stop())

describe("createOfscSync", () => {
  it("answers plain values on the calling thread", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      const answer = ofs.core.raw("GET", "/rest/ofscCore/v1/whatever", { query: { fields: ["a", "b"] } })
      expect(answer).toEqual({ method: "GET", path: "/rest/ofscCore/v1/whatever", query: { fields: "a,b" } })
      ofs.ping()
    } finally {
      ofs.close()
    }
  })

  it("throws the same tagged error classes as the Effect client, with their fields", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      let caught: unknown
      try {
        ofs.core.raw("GET", "/rest/ofscMetadata/v1/shifts/nope")
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(OfscNotFound)
      expect(caught).toBeInstanceOf(CoreNotFound)
      expect(caught).toMatchObject({ _tag: "OfscNotFound", status: 404, title: "Not Found", detail: "no such shift" })
    } finally {
      ofs.close()
    }
  })

  it("a configuration error is thrown by createOfscSync itself as OfscConfigError", () => {
    expect(() => createOfscSync({ clientId: "x", clientSecret: "y" })).toThrow(OfscConfigError)
  })

  it("a call past its deadline throws OfscSyncTimeout, and the next call works on a fresh worker", () => {
    const ofs = createOfscSync({ ...syncOptions(server.origin), callTimeoutMs: 300 })
    try {
      expect(() => ofs.core.raw("GET", "/slow")).toThrow(OfscSyncTimeout)
      expect(ofs.core.raw("GET", "/fast")).toMatchObject({ path: "/fast" })
      // a longer deadline for one call
      expect(ofs.withOptions({ callTimeoutMs: 10_000 }).core.raw("GET", "/slow")).toEqual({ slow: true })
    } finally {
      ofs.close()
    }
  })

  it("close() ends the worker; later calls throw", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    ofs.ping()
    ofs.close()
    expect(() => ofs.ping()).toThrow(OfscWorkerDied)
  })

  it("refuses a call to a server on its own thread instead of deadlocking", async () => {
    const local: Server = createServer((_, res) => res.end("{}"))
    await new Promise<void>((r) => local.listen(0, "127.0.0.1", r))
    const port = (local.address() as { port: number }).port
    const ofs = createOfscSync({ ...syncOptions(`http://127.0.0.1:${port}`), timeoutMs: 5_000 })
    try {
      expect(() => ofs.core.raw("GET", "/x")).toThrow(OfscSyncDeadlock)
    } finally {
      ofs.close()
      local.close()
    }
  })
})

describe("a worker that dies", () => {
  const drills = { ...syncOptions(""), timeoutMs: 30_000 }
  const run = (script: string) =>
    spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, OFSC_SYNC_TEST_HOOKS: "1" },
      encoding: "utf8",
      timeout: 60_000
    })

  it("by exiting or crashing mid-call is an error within a moment, and the next call gets a fresh worker", () => {
    const script = `
      import { createOfscSync, OfscWorkerDied } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)}
      const ofs = createOfscSync(${JSON.stringify({ ...drills, baseUrl: server.origin })})
      const results = []
      for (const drill of ["exit", "crash"]) {
        const started = performance.now()
        try { ofs.drill[drill](); results.push(drill + ": no error") }
        catch (e) { results.push(drill + ": " + e._tag + (e instanceof OfscWorkerDied ? " (class ok)" : "") + " in " + (performance.now() - started < 5000 ? "time" : "too long")) }
        results.push("after " + drill + ": " + JSON.stringify(ofs.core.raw("GET", "/after")))
      }
      ofs.close()
      console.log(JSON.stringify(results))
    `
    const out = run(script)
    expect(out.status).toBe(0)
    const results = JSON.parse(out.stdout.trim().split("\n").pop() as string)
    expect(results[0]).toMatch(/^exit: OfscWorkerDied \(class ok\) in time$/)
    expect(results[1]).toContain('"path":"/after"')
    expect(results[2]).toMatch(/^crash: (OfscWorkerDied \(class ok\)|Error) in time$/)
    expect(results[3]).toContain('"path":"/after"')
  })

  it("a script that forgets close() still exits, with code 0", () => {
    const script = `
      import { createOfscSync } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)}
      const ofs = createOfscSync(${JSON.stringify({ ...drills, baseUrl: server.origin })})
      console.log(JSON.stringify(ofs.core.raw("GET", "/no-close")))
    `
    const started = performance.now()
    const out = run(script)
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('"path":"/no-close"')
    expect(performance.now() - started).toBeLessThan(30_000)
  })

  it("works from CommonJS", () => {
    const script = `
      const { createOfscSync, OfscNotFound } = require(${JSON.stringify(new URL("../dist/index.cjs", import.meta.url).pathname)})
      const ofs = createOfscSync(${JSON.stringify({ ...drills, baseUrl: server.origin })})
      let tag = "none"
      try { ofs.core.raw("GET", "/rest/ofscMetadata/v1/shifts/nope") } catch (e) { tag = e._tag + ":" + (e instanceof OfscNotFound) }
      console.log(JSON.stringify({ ok: ofs.core.raw("GET", "/cjs").path, tag }))
    `
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 })
    expect(JSON.parse(out.trim())).toEqual({ ok: "/cjs", tag: "OfscNotFound:true" })
  })

  it("works when installed under a path with spaces, # and %", () => {
    const root = mkdtempSync(join(tmpdir(), "ofsc sync #1 %20 "))
    try {
      const pkgDir = fileURLToPath(new URL("..", import.meta.url))
      const installed = join(root, "node_modules", "@ofsc", "sync")
      mkdirSync(installed, { recursive: true })
      cpSync(join(pkgDir, "dist"), join(installed, "dist"), { recursive: true })
      cpSync(join(pkgDir, "package.json"), join(installed, "package.json"))
      // its dependencies, linked from this workspace's install (they resolve their own from there)
      const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
        dependencies: Record<string, string>
      }
      for (const dep of Object.keys(manifest.dependencies)) {
        mkdirSync(dirname(join(root, "node_modules", dep)), { recursive: true })
        symlinkSync(realpathSync(join(pkgDir, "node_modules", dep)), join(root, "node_modules", dep), "dir")
      }
      const options = JSON.stringify({ ...drills, baseUrl: server.origin })
      const esm = spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { createOfscSync } from "@ofsc/sync"; const o = createOfscSync(${options}); console.log(o.core.raw("GET", "/esm").path); o.close()`
        ],
        { cwd: root, encoding: "utf8", timeout: 60_000 }
      )
      expect(esm.stderr).toBe("")
      expect(esm.stdout.trim()).toBe("/esm")
      const cjs = spawnSync(
        process.execPath,
        [
          "-e",
          `const { createOfscSync } = require("@ofsc/sync"); const o = createOfscSync(${options}); console.log(o.core.raw("GET", "/cjs").path); o.close()`
        ],
        { cwd: root, encoding: "utf8", timeout: 60_000 }
      )
      expect(cjs.stderr).toBe("")
      expect(cjs.stdout.trim()).toBe("/cjs")
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
