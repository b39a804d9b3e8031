/**
 * A real terminal: tmux runs the bin in a 200x50 pane, as a person would, so the table, the
 * progress bar and Ctrl-C are what a user sees. tmux is installed first where it is missing (CI).
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ofsc, simEnv, tempDir } from "./support/cli.js"
import { openPane, type Pane } from "./support/tmux.js"

let sim: SimulatorHandle
let pane: Pane
let dir: string
const type = (line: string) => pane.type(line)
const waitFor = (pattern: RegExp, timeoutMs?: number) => pane.waitFor(pattern, timeoutMs)

beforeAll(async () => {
  sim = await startSimulator({ seed: 13, size: "large" })
  dir = tempDir("tmux")
  pane = await openPane("ofsc-cli-test", dir, simEnv(sim, { NO_COLOR: undefined, TERM: "xterm-256color" }))
}, 180_000)

afterAll(async () => {
  pane?.close()
  await sim?.stop()
})

describe("in a terminal", () => {
  it("a list renders as a table", async () => {
    type("ofsc metadata shifts list --limit 5 --fields label,name,type")
    const screen = await waitFor(/label\s+name\s+type[\s\S]*─+[\s\S]*^\$\s*$/m)
    console.log(`--- table, as captured:\n${screen.trimEnd()}`)
    const lines = screen.split("\n")
    const header = lines.findIndex((l) => /^label\s+name\s+type/.test(l))
    expect(lines[header + 1]).toMatch(/^─+\s+─+\s+─+$/)
    expect(lines.slice(header + 2, header + 7).every((l) => l.trim().split(/\s{2,}/).length === 3)).toBe(true)
  })

  it("the export's progress bar moves; Ctrl-C stops it, --resume ends with the exact count", async () => {
    type("clear")
    const command =
      "ofsc export activities --from 2026-11-01 --to 2026-11-30 --out all.ndjson --page-size 500 --concurrency 1"
    type(command)
    const first = await waitFor(/exporting activities ▕[█░]+▏\s+\d+%\s+[\d,]+ items/)
    const itemsIn = (text: string) => Number(/([\d,]+) items/.exec(text)?.[1]?.replace(/,/g, "") ?? 0)
    const filledIn = (text: string) => (/▕(█*)/.exec(text)?.[1] ?? "").length
    // the bar itself must move: at least one more block filled, and more items
    const later = await waitFor(new RegExp(`▕█{${filledIn(first) + 1},}`))
    console.log(`--- progress, as captured:\n${first.trim()}\n...\n${later.trim()}`)
    expect(itemsIn(later)).toBeGreaterThan(itemsIn(first))
    expect(filledIn(later)).toBeGreaterThan(filledIn(first))
    pane.keys("C-c")
    const stopped = await waitFor(/stopped after ([\d,]+) activities/)
    const checkpoint = JSON.parse(fs.readFileSync(path.join(dir, "all.ndjson.checkpoint.json"), "utf8"))
    const partial = fs.readFileSync(path.join(dir, "all.ndjson"), "utf8").trimEnd().split("\n")
    expect(partial).toHaveLength(checkpoint.items)
    const expected = sim.store
      .collection("activities")
      .list()
      .filter((a) => typeof a.date === "string" && a.date >= "2026-11-01" && a.date <= "2026-11-30").length
    expect(checkpoint.items).toBeLessThan(expected)

    type("clear")
    type(`${command} --resume`)
    const done = await waitFor(/exported [\d,]+ activities to all\.ndjson/)
    expect(done).toContain(`exported ${expected.toLocaleString("en-US")} activities`)
    console.log(`--- interrupted, then resumed:\n${stopped.trim().split("\n").slice(-2).join("\n")}\n${done.trim()}`)
    const ids = fs
      .readFileSync(path.join(dir, "all.ndjson"), "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l).activityId)
    expect(ids).toHaveLength(expected)
    expect(new Set(ids).size).toBe(expected)
  })
  it("events tail: Ctrl-C prints the cursor; a second run --from it prints exactly the events after it", async () => {
    const env = simEnv(sim)
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const activity = { resourceId: "TECH_00001", activityType: "install", date }
    const created = await ofsc(["core", "activities", "create", "--data", JSON.stringify(activity)], { env })
    const activityId = String(JSON.parse(created.stdout).activityId)
    const rename = async (name: string) => {
      const updated = await ofsc(["core", "activities", "update", "--data", `{"customerName":"${name}"}`, activityId], {
        env
      })
      expect(updated.code).toBe(0)
    }
    const continueWith = /stopped; continue with: (ofsc events tail --subscription-id \w+ --from \S+)/
    const count = (text: string, name: string) => text.split(`"customerName":"${name}"`).length - 1

    type("clear")
    type("ofsc events tail --events activityUpdated --poll-interval 0.2")
    await waitFor(/following subscription \w+/)
    await rename("tail-a-1")
    await rename("tail-a-2")
    await waitFor(/tail-a-2/)
    pane.keys("C-c")
    const stopped = await waitFor(continueWith)
    const next = continueWith.exec(stopped)?.[1] as string
    // what happens while nobody follows is what the next run must print, and nothing before it
    await rename("tail-b-1")
    await rename("tail-b-2")
    type("clear")
    type(`${next} --poll-interval 0.2`)
    const resumed = await waitFor(/tail-b-2/)
    pane.keys("C-c")
    const after = await waitFor(/continue with:[\s\S]*^\$\s*$/m)
    console.log(`--- stopped, then continued:\n${stopped.trim().split("\n").slice(-2).join("\n")}\n${after.trim()}`)
    expect([count(resumed, "tail-b-1"), count(resumed, "tail-b-2")]).toEqual([1, 1])
    expect([count(after, "tail-a-1"), count(after, "tail-a-2"), count(after, "tail-b-1")]).toEqual([0, 0, 1])
    expect(continueWith.exec(after)?.[1]).not.toBe(next)
  })
})
