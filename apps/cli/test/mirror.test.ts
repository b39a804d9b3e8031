/**
 * `ofsc mirror` through the built bin against a simulator, on SQLite files in temp folders: a run
 * that loads and catches up, the status it leaves, the webhook outbox, a clean stop on SIGTERM,
 * and a bad or unreachable --db as one line naming it (password hidden) with exit code 12.
 */
import { spawn } from "node:child_process"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { binPath, ofsc, simulatorForFile, tempDir } from "./support/cli.js"

const state = simulatorForFile(23)
const window = ["--from", "2026-11-01", "--to", "2026-11-10"]

/** A webhook receiver on 127.0.0.1 that accepts every message. */
let receiver: http.Server
beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    request.resume()
    request.on("end", () => response.writeHead(204).end())
  })
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done))
})
afterAll(() => new Promise<void>((done) => receiver.close(() => done())))

const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`

const renameActivity = async (name: string) => {
  const updated = await ofsc(
    ["core", "activities", "update", "4225", "--data", JSON.stringify({ customerName: name })],
    {
      env: state.env
    }
  )
  expect(updated.code).toBe(0)
}

const statusOf = async (db: string) => {
  const status = await ofsc(["mirror", "status", "--db", db, "--output", "json"], { env: state.env })
  expect(status.code, status.stderr).toBe(0)
  return JSON.parse(status.stdout)
}

describe("ofsc mirror", () => {
  it("run --once loads and catches up; status shows it following with rows; deliveries list is empty", async () => {
    const db = path.join(tempDir("mirror"), "m.db")
    const run = await ofsc(["mirror", "run", "--once", "--db", db, ...window], { env: state.env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/run 1 \(first load\): loading .*m\.db, activities 2026-11-01 to 2026-11-10/)
    expect(run.stderr).toMatch(/loaded [\d,]+ rows \([\d,]+ activities\)/)
    expect(run.stderr).toMatch(/caught up: 0 events applied, 0 changes, 0 unknown events in this session/)

    const status = await statusOf(db)
    expect(status).toMatchObject({
      database: db,
      started: true,
      phase: "following",
      windowFrom: "2026-11-01",
      windowTo: "2026-11-10",
      runs: [{ runId: 1, reason: "first load" }],
      deliveries: {},
      unknownEvents: 0
    })
    const live = (table: string) => status.tables.find((t: { table: string }) => t.table === table)?.live
    expect(live("activities")).toBeGreaterThan(0)
    expect(live("resources")).toBeGreaterThan(0)
    expect(status.runs[0].loadedRows).toBeGreaterThan(0)

    await renameActivity("mirror-once")
    const again = await ofsc(["mirror", "run", "--once", "--db", db, ...window], { env: state.env })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).not.toMatch(/loading/)
    expect(again.stderr).toMatch(/caught up: [1-9]\d* events? applied, [1-9]\d* changes?/)
    expect((await statusOf(db)).eventsApplied).toBeGreaterThan(0)

    const deliveries = await ofsc(["mirror", "deliveries", "list", "--db", db], { env: state.env })
    expect(deliveries.code, deliveries.stderr).toBe(0)
    expect(JSON.parse(deliveries.stdout)).toEqual([])
  })

  it("webhooks: the secret comes from the environment only; changes become deliveries, listed and retried", async () => {
    const db = path.join(tempDir("mirror"), "hooks.db")
    const hook = ["--webhook", `crm=${receiverUrl()}`]
    const noSecret = await ofsc(["mirror", "run", "--once", "--db", db, ...window, ...hook], { env: state.env })
    expect(noSecret.code).toBe(12)
    expect(noSecret.stderr).toBe(
      "ofsc: webhook crm: its signing secret is not set: set OFSC_WEBHOOK_SECRET (secrets come from the environment, never from a flag)\n"
    )

    const env = { ...state.env, CRM_SECRET: "whsec_c2VjcmV0LWZvci10ZXN0cw==" }
    const withSecret = [...hook, "--webhook-secret-env", "crm=CRM_SECRET"]
    const load = await ofsc(["mirror", "run", "--once", "--db", db, ...window, ...withSecret], { env })
    expect(load.code, load.stderr).toBe(0)
    await renameActivity("mirror-hook")
    const apply = await ofsc(["mirror", "run", "--once", "--db", db, ...window, ...withSecret], { env })
    expect(apply.code, apply.stderr).toBe(0)
    expect(apply.stderr).not.toContain("whsec_")

    const listed = await ofsc(["mirror", "deliveries", "list", "--db", db, "--endpoint", "crm"], { env })
    expect(listed.code, listed.stderr).toBe(0)
    const deliveries = JSON.parse(listed.stdout)
    expect(deliveries.length).toBeGreaterThan(0)
    expect(deliveries[0]).toMatchObject({
      endpoint: "crm",
      entity: "activity",
      entityKey: expect.stringContaining("4225")
    })
    expect(listed.stdout).not.toContain("whsec_")
    expect(
      JSON.parse((await ofsc(["mirror", "deliveries", "list", "--db", db, "--state", "dead"], { env })).stdout)
    ).toEqual([])

    const retried = await ofsc(
      ["mirror", "deliveries", "retry", "--db", db, "--id", String(deliveries[0].deliveryId)],
      {
        env
      }
    )
    expect(retried.code, retried.stderr).toBe(0)
    expect(retried.stdout).toMatch(/^1 delivery pending again/)
    const after = JSON.parse((await ofsc(["mirror", "deliveries", "list", "--db", db], { env })).stdout)
    expect(after.find((d: { deliveryId: number }) => d.deliveryId === deliveries[0].deliveryId).state).toBe("pending")
    const status = await statusOf(db)
    expect(status.deliveries.pending).toBeGreaterThan(0)
  })

  it("SIGTERM stops a following mirror cleanly: the summary, exit 0", async () => {
    const db = path.join(tempDir("mirror"), "term.db")
    const child = spawn(process.execPath, [binPath, "mirror", "run", "--db", db, ...window, "--poll-interval", "0.5"], {
      env: state.env as NodeJS.ProcessEnv
    })
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
    })
    const exited = new Promise<number | null>((done) => child.once("close", done))
    const until = Date.now() + 90_000
    while (!/following:/.test(stderr)) {
      if (Date.now() > until) throw new Error(`never followed: ${stderr}`)
      await new Promise((done) => setTimeout(done, 100))
    }
    await renameActivity("mirror-term")
    while (!/following: .*[1-9]\d* events? applied/.test(stderr)) {
      if (Date.now() > until) throw new Error(`never applied the event: ${stderr}`)
      await new Promise((done) => setTimeout(done, 100))
    }
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
    expect(stderr).toMatch(/\nstopped: [1-9]\d* events? applied, .* in this session; .*term\.db: run 1, following, /)
    expect((await statusOf(db)).owner).toBeNull()
  })

  it("a bad or unreachable --db: one line naming it, password hidden, exit 12, for every mirror command", async () => {
    const unreachable = "postgres://u:secret@127.0.0.1:1/x"
    for (const args of [
      ["mirror", "status", "--db", unreachable],
      ["mirror", "deliveries", "list", "--db", unreachable],
      ["mirror", "run", "--once", "--db", unreachable]
    ]) {
      const result = await ofsc(args, { env: state.env })
      expect(result.code, args.join(" ")).toBe(12)
      expect(result.stderr).toMatch(/^ofsc: database postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: .+\n$/)
      expect(result.stderr).not.toContain("secret")
    }
    for (const db of ["ftp://x", "ftp://u:secret@x/y"]) {
      const result = await ofsc(["mirror", "run", "--once", "--db", db], { env: state.env })
      expect(result.code).toBe(12)
      expect(result.stderr.trim().split("\n")).toHaveLength(1)
      expect(result.stderr).toMatch(
        /^ofsc: database ftp:\/\/.*: --db must be a SQLite file path or a postgres:\/\/ URL/
      )
      expect(result.stderr).not.toContain("secret")
    }
    const missing = await ofsc(["mirror", "status", "--db", path.join(tempDir("mirror"), "none.db")])
    expect(missing.code).toBe(12)
    expect(missing.stderr).toMatch(/^ofsc: database .*none\.db: no such file \(ofsc mirror run --db .* creates it\)\n$/)
  })
})
