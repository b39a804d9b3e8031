// Safe writes through the blocking client, from dist/, against a simulator process that runs every
// activity create and then drops its answer: the keyed create is found, not made twice; a key that
// matches two activities throws OfscIdempotencyConflict; an action's lost answer is verified.
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOfscSync, OfscIdempotencyConflict, OfscTransportError } from "../dist/index.js"

const simulatorBin = createRequire(import.meta.url)
  .resolve("@ofsc/simulator/package.json")
  .replace(/package\.json$/, "dist/bin.js")
let child: ChildProcess
let url: string

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      simulatorBin,
      "--port",
      "0",
      "--applied-drop-rate",
      "1",
      "--applied-drop-on",
      "POST /rest/ofscCore/v1/activities,POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/start"
    ],
    { stdio: ["ignore", "pipe", "inherit"] }
  )
  url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(out)
      if (found) resolve(found[1] as string)
    })
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)))
  })
})
afterAll(() => child?.kill())

const soon = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)

describe("ofs.safeWrites, blocking", () => {
  it("finds a create whose answer was lost, refuses an ambiguous key, and verifies a lost start", () => {
    const ofs = createOfscSync({ baseUrl: url, instance: "sim", clientId: "ofsc-sim", clientSecret: "sim-secret" })
    try {
      const date = soon()
      const body = { resourceId: "TECH_00002", date, activityType: "install" }
      const made = ofs.safeWrites.createActivityOnce(body, { idempotencyKey: "SYNC-KEY-1" })
      expect(made.alreadyApplied).toBe(true)
      expect(made.activity.apptNumber).toBe("SYNC-KEY-1")
      const search = { searchInField: "apptNumber", searchForValue: "SYNC-KEY-1", dateFrom: date, dateTo: date }
      expect(ofs.core.activities.search(search).items?.length).toBe(1)

      // a plain create has no key to look up: its lost answer is an error, and its effect stays
      expect(() => ofs.core.activities.create({ ...body, apptNumber: "SYNC-TWICE" })).toThrow(OfscTransportError)
      expect(() => ofs.core.activities.create({ ...body, apptNumber: "SYNC-TWICE" })).toThrow(OfscTransportError)
      expect(() => ofs.safeWrites.createActivityOnce(body, { idempotencyKey: "SYNC-TWICE" })).toThrow(
        OfscIdempotencyConflict
      )

      // the generated method takes the key too
      const viaCore = ofs.core.activities.create(body, { idempotencyKey: "SYNC-KEY-2" })
      expect(viaCore.apptNumber).toBe("SYNC-KEY-2")

      const started = ofs.safeWrites.activityActionOnce(made.activity.activityId as number, "start", {})
      expect(started.alreadyApplied).toBe(true)
      expect(ofs.core.activities.get(made.activity.activityId as number).status).toBe("started")
    } finally {
      ofs.close()
    }
  })
})
