import * as fs from "node:fs"
import * as path from "node:path"
import { type SimRecord, type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ofsc, simEnv, tempDir } from "./support/cli.js"

let sim: SimulatorHandle
let env: Record<string, string | undefined>
beforeAll(async () => {
  // 100,000 activities: 98,969 over 60 days from 2026-11-01, the rest on the days around the clock
  // changes of their resources' time zones before it (London 10-24..26, Adelaide 10-03..05, US 10-31)
  sim = await startSimulator({ seed: 11, size: "large" })
  env = simEnv(sim)
}, 120_000)
afterAll(() => sim.stop())

const activitiesBetween = (from: string, to: string): Map<string, SimRecord> =>
  new Map(
    sim.store
      .collection("activities")
      .list()
      .filter((a) => typeof a.date === "string" && a.date >= from && a.date <= to)
      .map((a) => [String(a.activityId), a])
  )

/** Every exported activity is the store's, field by field, and each appears once. */
const expectSameActivities = (exported: ReadonlyArray<Record<string, unknown>>, expected: Map<string, SimRecord>) => {
  const seen = new Set<string>()
  const problems: Array<string> = []
  for (const item of exported) {
    const id = String(item.activityId)
    if (seen.has(id)) problems.push(`activity ${id} exported twice`)
    seen.add(id)
    const stored = expected.get(id)
    if (stored === undefined) {
      problems.push(`activity ${id} is not in the store`)
      continue
    }
    for (const [key, value] of Object.entries(item)) {
      if (key !== "links" && JSON.stringify(value) !== JSON.stringify(stored[key])) {
        problems.push(
          `activity ${id}: ${key} is ${JSON.stringify(value)}, the store has ${JSON.stringify(stored[key])}`
        )
      }
    }
  }
  expect(problems.slice(0, 10)).toEqual([])
  expect(seen.size).toBe(expected.size)
}

describe("export activities", () => {
  it("60 days (two windows of at most 31) to ndjson, item by item as the store holds them", async () => {
    const file = path.join(tempDir("export"), "activities.ndjson")
    const started = Date.now()
    const result = await ofsc(["export", "activities", "--from", "2026-11-01", "--to", "2026-12-30", "--out", file], {
      env
    })
    const seconds = (Date.now() - started) / 1000
    expect(result.stderr).toMatch(/exported 98,969 activities/)
    expect(result.code).toBe(0)
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n")
    expect(lines.length).toBeGreaterThanOrEqual(20_000)
    expectSameActivities(
      lines.map((l) => JSON.parse(l)),
      activitiesBetween("2026-11-01", "2026-12-30")
    )
    expect(fs.existsSync(`${file}.checkpoint.json`)).toBe(false)
    // OFS runs 3 GET activities at once; the export never asked for more
    expect(sim.stats.byOperation["GET /rest/ofscCore/v1/activities"]?.maxRunning ?? 0).toBeLessThanOrEqual(3)
    console.log(
      `exported ${lines.length} activities in ${seconds.toFixed(1)} s (${Math.round(lines.length / seconds)}/s)`
    )
  })

  it("interrupted with SIGINT, the file holds exactly the checkpointed items; --resume ends with the exact set", async () => {
    const file = path.join(tempDir("resume"), "activities.csv")
    const args = [
      "export",
      "activities",
      "--from",
      "2026-11-05",
      "--to",
      "2026-12-10",
      "--out",
      file,
      "--page-size",
      "1000"
    ]
    const stopped = await ofsc(args, { env, interruptWhen: /exporting activities: [1-9][\d,]* items/ })
    expect(stopped.code).toBe(130)
    expect(stopped.stderr).toContain("--resume")
    const checkpoint = JSON.parse(fs.readFileSync(`${file}.checkpoint.json`, "utf8"))
    const partial = fs.readFileSync(file, "utf8").trimEnd().split("\r\n")
    expect(partial.length - 1).toBe(checkpoint.items)
    expect(fs.statSync(file).size).toBe(checkpoint.bytes)

    const resumed = await ofsc([...args, "--resume", "--quiet"], { env })
    expect(resumed.stderr).toBe("")
    expect(resumed.code).toBe(0)
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n")
    const header = (lines[0] ?? "").split(",")
    const idColumn = header.indexOf("activityId")
    const ids = lines.slice(1).map((l) => l.split(",")[idColumn])
    const expected = activitiesBetween("2026-11-05", "2026-12-10")
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(expected.size)
    expect(ids.every((id) => expected.has(String(id)))).toBe(true)
    expect(fs.existsSync(`${file}.checkpoint.json`)).toBe(false)
  })

  it("a range that is not a range is refused before anything is sent", async () => {
    const result = await ofsc(
      ["export", "activities", "--from", "2026-12-10", "--to", "2026-11-05", "--out", "/dev/null"],
      { env }
    )
    expect(result.code).toBe(2)
  })
})

describe("export any list", () => {
  it("core resources to CSV, every page", async () => {
    const file = path.join(tempDir("resources"), "resources.csv")
    const result = await ofsc(
      ["export", "core", "resources", "--out", file, "--page-size", "70", "--fields", "resourceId,name"],
      { env }
    )
    expect(result.code).toBe(0)
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n")
    expect(lines[0]).toBe("resourceId,name")
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(
      sim.store
        .collection("resources")
        .list()
        .map((r) => r.resourceId)
    )
  })

  it("metadata work zones to JSON", async () => {
    const file = path.join(tempDir("zones"), "zones.json")
    const result = await ofsc(["export", "metadata", "work-zones", "--out", file, "--quiet"], { env })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe("")
    const zones = JSON.parse(fs.readFileSync(file, "utf8"))
    expect(zones.map((z: { workZoneLabel: string }) => z.workZoneLabel)).toEqual(
      sim.store
        .collection("workZones")
        .list()
        .map((z) => z.workZoneLabel)
    )
  })
})
