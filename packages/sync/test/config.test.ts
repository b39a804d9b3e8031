// How createOfscSync gets its configuration: from options, or with none from the OFSC_* environment,
// and how it refuses a bad one before anything is sent. From the built package (dist/), as a script.
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { promisify } from "node:util"
import { type RequestRecord, type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { createOfscSync, OfscConfigError } from "../dist/index.js"
import { thrown } from "./support/thrown.js"

const run = promisify(execFile)
const dist = new URL("../dist/index.js", import.meta.url).href
const coreVersion = (
  JSON.parse(readFileSync(new URL("../../core/package.json", import.meta.url), "utf8")) as { version: string }
).version

// the simulator runs on this thread; every blocking client below runs in a child process (or fails
// before it sends anything), since a blocked thread cannot answer its own requests
let sim: SimulatorHandle
let seen: Array<RequestRecord> = []
beforeAll(async () => {
  sim = await startSimulator({ seed: 14 })
  sim.onRequest((record) => seen.push(record))
})
afterAll(() => sim?.stop())
beforeEach(() => {
  seen = []
})

/** This process's environment without any OFSC_* variable, plus `env`. */
const cleanEnv = (env: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("OFSC_"))),
  ...env
})

/**
 * Runs `body` in a fresh node process with `env`: `createOfscSync` comes from dist, and the script
 * prints one JSON line. Asynchronous, so the simulator on this thread keeps answering.
 */
const script = async (env: Record<string, string>, body: string): Promise<Record<string, unknown>> => {
  const source = `import { createOfscSync } from ${JSON.stringify(dist)}\n${body}`
  const out = await run(process.execPath, ["--input-type=module", "-e", source], {
    env: cleanEnv(env),
    encoding: "utf8",
    timeout: 60_000
  })
  return JSON.parse(out.stdout.trim().split("\n").pop() as string)
}

/** The simulator's own application, as OFSC_* variables. */
const simEnv = () => ({
  OFSC_BASE_URL: sim.url,
  OFSC_INSTANCE: sim.instance,
  OFSC_CLIENT_ID: "ofsc-sim",
  OFSC_CLIENT_SECRET: "sim-secret"
})

/** Creates a client and calls it, saying which step threw and what. */
const createThenCall = `
  const report = (step, error) => ({ step, tag: error._tag, key: error.key, message: error.message, isError: error instanceof Error })
  let ofs
  try { ofs = createOfscSync() } catch (error) { console.log(JSON.stringify(report("create", error))); process.exit(0) }
  try {
    const shifts = ofs.metadata.shifts.list({ limit: 2 })
    console.log(JSON.stringify({ step: "done", count: shifts.items.length }))
  } catch (error) { console.log(JSON.stringify(report("call", error))) }
  finally { ofs.close() }
`

describe("createOfscSync() with no options", () => {
  it("reads the OFSC_* environment and calls the simulator with it", async () => {
    const result = await script(simEnv(), createThenCall)
    expect(result).toEqual({ step: "done", count: 2 })
    const calls = seen.filter((r) => r.path === "/rest/ofscMetadata/v1/shifts")
    expect(calls.map((r) => r.status)).toEqual([200])
    expect(calls[0]?.headers["user-agent"]).toBe(`@ofsc/core/${coreVersion}`)
  })

  it("takes OFSC_USER_AGENT and OFSC_ATTEMPT_TIMEOUT_MS from the environment too", async () => {
    const result = await script(
      { ...simEnv(), OFSC_USER_AGENT: "nightly-export/3.1", OFSC_ATTEMPT_TIMEOUT_MS: "20000" },
      createThenCall
    )
    expect(result).toEqual({ step: "done", count: 2 })
    expect(seen.map((r) => r.headers["user-agent"])).toEqual(["nightly-export/3.1"])
  })

  it("without OFSC_CLIENT_SECRET throws OfscConfigError naming it from createOfscSync, and sends nothing", async () => {
    const { OFSC_CLIENT_SECRET: _, ...withoutSecret } = simEnv()
    const before = sim.stats.requests
    const result = await script(withoutSecret, createThenCall)
    expect(result).toMatchObject({ step: "create", tag: "OfscConfigError", key: "OFSC_CLIENT_SECRET", isError: true })
    expect(result.message).toContain("OFSC_CLIENT_SECRET")
    expect(seen).toEqual([])
    expect(sim.stats.requests).toBe(before)
  })

  it("with a malformed variable names that variable", async () => {
    const result = await script({ ...simEnv(), OFSC_CONCURRENCY: "0" }, createThenCall)
    expect(result).toMatchObject({ step: "create", tag: "OfscConfigError", key: "OFSC_CONCURRENCY" })
    expect(seen).toEqual([])
  })

  it("with an empty OFSC_CLIENT_SECRET refuses it as well, instead of sending it", async () => {
    const result = await script({ ...simEnv(), OFSC_CLIENT_SECRET: "" }, createThenCall)
    expect(result).toMatchObject({ step: "create", tag: "OfscConfigError", key: "OFSC_CLIENT_SECRET" })
    expect(seen).toEqual([])
  })
})

describe("createOfscSync(options)", () => {
  // these throw before any worker or request exists, so they can run on this thread
  const simOptions = () => ({ baseUrl: sim.url, instance: sim.instance, clientId: "ofsc-sim" })

  it("without clientSecret throws OfscConfigError naming clientSecret, and sends nothing", () => {
    const before = sim.stats.requests
    const error = thrown(() => createOfscSync(simOptions()))
    expect(error).toBeInstanceOf(OfscConfigError)
    expect(error).toMatchObject({ key: "clientSecret" })
    expect(sim.stats.requests).toBe(before)
  })

  it("names its own options in errors: attemptTimeoutMs, callTimeoutMs, accessToken", () => {
    const base = { ...simOptions(), clientSecret: "sim-secret" }
    const before = sim.stats.requests
    expect(thrown(() => createOfscSync({ ...base, attemptTimeoutMs: 0 }))).toMatchObject({ key: "attemptTimeoutMs" })
    expect(thrown(() => createOfscSync({ ...base, requestTimeoutMs: -1 }))).toMatchObject({ key: "attemptTimeoutMs" })
    expect(thrown(() => createOfscSync({ ...base, callTimeoutMs: 0 }))).toMatchObject({ key: "callTimeoutMs" })
    expect(thrown(() => createOfscSync({ ...base, timeoutMs: Number.NaN }))).toMatchObject({ key: "timeoutMs" })
    expect(thrown(() => createOfscSync({ baseUrl: sim.url, auth: "bearer" }))).toMatchObject({ key: "accessToken" })
    const ofs = createOfscSync(base)
    expect(thrown(() => ofs.withOptions({ callTimeoutMs: -5 }))).toMatchObject({ key: "callTimeoutMs" })
    ofs.close()
    expect(sim.stats.requests).toBe(before)
  })

  it("with tuning options only still reads the connection from the environment, the options winning", async () => {
    const result = await script(
      { ...simEnv(), OFSC_USER_AGENT: "from-env/1" },
      `const ofs = createOfscSync({ userAgent: "from-options/2", callTimeoutMs: 30000 })
       console.log(JSON.stringify(ofs.metadata.shifts.list({ limit: 1 }).items.length)); ofs.close()`
    )
    expect(result).toBe(1)
    expect(seen.map((r) => r.headers["user-agent"])).toEqual(["from-options/2"])
  })
})

describe("decodePolicy", () => {
  // a plain node:http server answering linked activities that their model refuses (a required
  // field missing, a number where a string belongs)
  const refused = { items: [{ toActivityId: 2, linkType: 42, alerts: null }] }
  let server: Server
  let url = ""
  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(refused))
    )
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** Runs a blocking call under `options` in a child process: its printed outcome, and the lines it logged. */
  const callWith = async (options: string) => {
    const source = `import { createOfscSync } from ${JSON.stringify(dist)}
      const ofs = createOfscSync({ baseUrl: ${JSON.stringify(url)}, instance: "test", clientId: "app", clientSecret: "s", ${options} })
      try { console.log("RESULT " + JSON.stringify({ value: ofs.core.activities.linkedActivities.list("1") })) }
      catch (error) { console.log("RESULT " + JSON.stringify({ tag: error._tag, body: error.body, message: error.message })) }
      finally { ofs.close() }`
    const out = await run(process.execPath, ["--input-type=module", "-e", source], {
      env: cleanEnv({}),
      encoding: "utf8",
      timeout: 60_000
    })
    const lines = out.stdout.trim().split("\n")
    const result = lines.find((line) => line.startsWith("RESULT ")) ?? "RESULT null"
    return { result: JSON.parse(result.slice("RESULT ".length)), logged: lines.filter((l) => !l.startsWith("RESULT ")) }
  }

  it('"fail" (the default) throws OfscDecodeError with the answer as sent and a readable message', async () => {
    const { result } = await callWith("")
    expect(result).toMatchObject({ tag: "OfscDecodeError", body: refused })
    expect(result.message).toContain("items.0.linkType: expected string, got 42")
  })

  it('"warn" returns the answer as sent, logging one warning', async () => {
    const { result, logged } = await callWith('decodePolicy: "warn"')
    expect(result).toEqual({ value: refused })
    expect(logged.filter((line) => line.includes("does not match its model"))).toHaveLength(1)
  })
})
