import * as fs from "node:fs"
import * as path from "node:path"
import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as YAML from "yaml"
import { ofsc, simEnv, tempDir } from "./support/cli.js"

let sim: SimulatorHandle
let env: Record<string, string | undefined>
beforeAll(async () => {
  sim = await startSimulator({ seed: 3 })
  env = simEnv(sim)
})
afterAll(() => sim.stop())

const shifts = () => sim.store.collection("shifts").list().slice(0, 4)
const list = ["metadata", "shifts", "list", "--limit", "4"]

describe("output formats", () => {
  it("json is the default when piped: the answer as OFS sent it", async () => {
    const result = await ofsc(list, { env })
    expect(result.code).toBe(0)
    const answer = JSON.parse(result.stdout)
    expect(answer.items.map((s: { label: string }) => s.label)).toEqual(shifts().map((s) => s.label))
  })

  it("ndjson: one item per line", async () => {
    const result = await ofsc([...list, "-o", "ndjson"], { env })
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines.map((s) => s.label)).toEqual(shifts().map((s) => s.label))
  })

  it("yaml: the whole answer", async () => {
    const result = await ofsc([...list, "-o", "yaml"], { env })
    expect(YAML.parse(result.stdout).items.map((s: { label: string }) => s.label)).toEqual(shifts().map((s) => s.label))
  })

  it("csv: a header and a row per item, --fields picks the columns", async () => {
    const result = await ofsc([...list, "-o", "csv", "--fields", "label,name"], { env })
    const lines = result.stdout.trim().split("\r\n")
    expect(lines[0]).toBe("label,name")
    expect(lines.slice(1)).toEqual(
      shifts().map((s) => `${s.label},${String(s.name).includes(",") ? `"${s.name}"` : s.name}`)
    )
  })

  it("table: aligned columns, no colour when not a terminal", async () => {
    const result = await ofsc([...list, "-o", "table", "--fields", "label,type"], { env })
    const lines = result.stdout.trimEnd().split("\n")
    expect(lines[0]?.split(/\s+/)).toEqual(["label", "type"])
    expect(lines).toHaveLength(2 + 4)
    expect(result.stdout).not.toContain("\u001b[")
  })

  it("a single item as a table is field and value", async () => {
    const result = await ofsc(["metadata", "shifts", "get", "day", "-o", "table"], { env })
    expect(result.stdout).toMatch(/^label\s+day$/m)
  })

  it("--out writes the output to a file", async () => {
    const file = path.join(tempDir("out"), "shifts.ndjson")
    const result = await ofsc([...list, "-o", "ndjson", "--out", file], { env })
    expect(result.stdout).toBe("")
    expect(fs.readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4)
  })

  it("--verbose logs each request on stderr, without the secret", async () => {
    const result = await ofsc([...list, "--verbose"], { env })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain("ofsc request")
    expect(result.stderr).toContain("/rest/ofscMetadata/v1/shifts")
    expect(result.stderr).not.toContain("sim-secret")
    expect(JSON.parse(result.stdout).items).toHaveLength(4)
  })
})

describe("bytes", () => {
  it("a file property goes up from a file and comes back to a file, byte for byte", async () => {
    const dir = tempDir("bytes")
    const photo = path.join(dir, "photo.png")
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256))
    fs.writeFileSync(photo, bytes)
    const put = await ofsc(["core", "resources", "files", "put", "TECH_00001", "xr_cli_photo", "--data", `@${photo}`], {
      env
    })
    expect(put.stderr).toBe("")
    expect(put.code).toBe(0)
    const back = path.join(dir, "back.png")
    const get = await ofsc(["core", "resources", "files", "get", "TECH_00001", "xr_cli_photo", "--out", back], { env })
    expect(get.code).toBe(0)
    expect(fs.readFileSync(back).equals(bytes)).toBe(true)
    const piped = await ofsc(["core", "resources", "files", "get", "TECH_00001", "xr_cli_photo"], { env })
    expect(piped.stdoutBytes.equals(bytes)).toBe(true)
  })

  it("the daily extract: list dates and files, download one to a file", async () => {
    const folders = JSON.parse((await ofsc(["core", "daily-extract", "folders"], { env })).stdout)
    const date = folders.items[0].name
    const files = JSON.parse((await ofsc(["core", "daily-extract", "files", date], { env })).stdout)
    const name = files.items[0].name
    const out = path.join(tempDir("extract"), name)
    const result = await ofsc(["core", "daily-extract", "download", date, name, "--out", out], { env })
    expect(result.code).toBe(0)
    const expected = await fetch(`${sim.url}/rest/ofscCore/v1/folders/dailyExtract/folders/${date}/files/${name}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`ofsc-sim@${sim.instance}:sim-secret`).toString("base64")}`,
        accept: "application/octet-stream"
      }
    })
    expect(fs.readFileSync(out).equals(Buffer.from(await expected.arrayBuffer()))).toBe(true)
    expect(fs.statSync(out).size).toBeGreaterThan(0)
  })

  it("a body from a file (--data @file)", async () => {
    const file = path.join(tempDir("body"), "shift.json")
    fs.writeFileSync(
      file,
      JSON.stringify({
        label: "fromfile",
        name: "From a file",
        active: true,
        type: "regular",
        workTimeStart: "18:00:00",
        workTimeEnd: "23:00:00"
      })
    )
    const result = await ofsc(["metadata", "shifts", "put", "fromfile", "--data", `@${file}`], { env })
    expect(result.code).toBe(0)
    expect(sim.store.collection("shifts").get("fromfile")).toMatchObject({ name: "From a file", type: "regular" })
  })
})
