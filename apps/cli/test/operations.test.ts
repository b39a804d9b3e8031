import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ofsc, simEnv } from "./support/cli.js"

let sim: SimulatorHandle
let env: Record<string, string | undefined>
beforeAll(async () => {
  sim = await startSimulator({ seed: 7 })
  env = simEnv(sim)
})
afterAll(() => sim.stop())

const json = async (args: ReadonlyArray<string>, input?: string) => {
  const result = await ofsc([...args, "-o", "json"], { env, ...(input !== undefined && { input }) })
  expect(result.stderr).toBe("")
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout)
}

describe("every module from the command line", () => {
  it("core: resources list, one page of what the store holds", async () => {
    const answer = await json(["core", "resources", "list", "--limit", "5"])
    const ids = sim.store
      .collection("resources")
      .list()
      .slice(0, 5)
      .map((r) => r.resourceId)
    expect(answer.items.map((r: { resourceId: string }) => r.resourceId)).toEqual(ids)
  })

  it("core: nested resources with positional path parameters and typed flags (calendar view)", async () => {
    const answer = await json([
      "core",
      "resources",
      "work-schedules",
      "calendar-view",
      "TECH_00001",
      "--date-from",
      "2026-11-02",
      "--date-to",
      "2026-11-03"
    ])
    expect(Object.keys(answer)).toContain("2026-11-02")
  })

  it("core: --all streams every page", async () => {
    const answer = await json(["core", "resources", "list", "--limit", "3", "--all", "--concurrency", "2"])
    expect(answer.map((r: { resourceId: string }) => r.resourceId)).toEqual(
      sim.store
        .collection("resources")
        .list()
        .map((r) => r.resourceId)
    )
  })

  it("metadata: put a shift from stdin, then get it", async () => {
    const shift = {
      label: "cli",
      name: "From the CLI",
      active: true,
      type: "regular",
      workTimeStart: "07:00:00",
      workTimeEnd: "15:00:00"
    }
    await json(["metadata", "shifts", "put", "cli", "--data", "-"], JSON.stringify(shift))
    const answer = await json(["metadata", "shifts", "get", "cli"])
    expect(answer).toMatchObject(shift)
    expect(sim.store.collection("shifts").get("cli")).toMatchObject({ name: "From the CLI" })
  })

  it("capacity: booking statuses with a repeated list flag", async () => {
    const answer = await json(["capacity", "booking-statuses", "list", "--areas", "FLUSA", "--dates", "2026-11-02"])
    expect(answer).toHaveProperty("items")
  })

  it("statistics: activity duration stats", async () => {
    const answer = await json(["statistics", "activity-duration-stats", "list", "--limit", "2"])
    expect(Array.isArray(answer.items)).toBe(true)
  })

  it("parts-catalog: put a catalog", async () => {
    const result = await ofsc(
      [
        "parts-catalog",
        "catalogs",
        "put",
        "cli",
        "en",
        "--data",
        JSON.stringify({ name: "CLI catalog", fieldSchemas: [{ label: "sku", name: "SKU" }] })
      ],
      { env }
    )
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
  })

  it("collaboration: the address book", async () => {
    const answer = await json(["collaboration", "address-book", "list", "--limit", "3"])
    expect(answer).toHaveProperty("items")
  })

  it("raw: any path, with query parameters", async () => {
    const answer = await json(["raw", "GET", "/rest/ofscCore/v1/resources", "--query", "limit=2"])
    expect(answer.items).toHaveLength(2)
  })

  it("--simulator runs against an embedded simulator with nothing configured", async () => {
    const result = await ofsc(["metadata", "shifts", "get", "day", "--simulator", "-o", "json"])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ label: "day" })
  })
})

describe("help", () => {
  it("lists the modules and the commands beside them", async () => {
    const result = await ofsc(["--help"])
    expect(result.code).toBe(0)
    for (const name of [
      "core",
      "metadata",
      "capacity",
      "statistics",
      "parts-catalog",
      "collaboration",
      "raw",
      "profile",
      "export",
      "events",
      "simulator"
    ]) {
      expect(result.stdout).toContain(`- ${name}`)
    }
    // piped: no colour codes
    expect(result.stdout).not.toContain("\u001b[")
  })

  it("shows query parameters with their types and enums", async () => {
    const result = await ofsc(["core", "activities", "list", "--help"])
    expect(result.stdout).toContain("--include-children none | immediate | all")
    expect(result.stdout).toContain("date (YYYY-MM-DD)")
  })

  it("--version answers with the package version", async () => {
    const result = await ofsc(["--version"])
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
