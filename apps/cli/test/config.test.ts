/**
 * `ofsc config` through the built bin against two simulators with different configurations (A as
 * seeded, B changed through its API), each a saved profile; and the confirmation prompt in a real
 * terminal (tmux). The tests run in order: each starts from the state of B the one before left.
 */
import { execFileSync, execSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { defaultApplication, type RequestRecord, type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { binPath, cleanEnv, ofsc, tempDir } from "./support/cli.js"

let a: SimulatorHandle
let b: SimulatorHandle
let env: Record<string, string | undefined>
let exportA: string
let exported: Awaited<ReturnType<typeof ofsc>>

/** A request to a simulator's API, as any HTTP client sends it. */
const api = async (sim: SimulatorHandle, method: string, apiPath: string, body: unknown) => {
  const auth = Buffer.from(`${defaultApplication.clientId}@${sim.instance}:${defaultApplication.clientSecret}`)
  const response = await fetch(`${sim.url}${apiPath}`, {
    method,
    headers: { authorization: `Basic ${auth.toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify(body)
  })
  expect(response.status).toBeLessThan(300)
}

const shift = (name: string, start: string, end: string) => ({
  active: true,
  name,
  type: "regular",
  workTimeStart: start,
  workTimeEnd: end
})

/** Counts the writes (anything but GET) `sim` receives while `run` runs. */
const writesDuring = async <A>(sim: SimulatorHandle, run: () => Promise<A>) => {
  const writes: Array<RequestRecord> = []
  const stop = sim.onRequest((r) => {
    if (r.method !== "GET") writes.push(r)
  })
  try {
    return { result: await run(), writes }
  } finally {
    stop()
  }
}

const planOf = (stdout: string): Array<string> =>
  JSON.parse(stdout).plan.entries.map(
    (e: { action: string; resource: string; key: string }) => `${e.action} ${e.resource}/${e.key}`
  )

beforeAll(async () => {
  ;[a, b] = await Promise.all([startSimulator({ seed: 1 }), startSimulator({ seed: 1 })])
  // B differs from A: one shift changed, one added (and put in a work schedule, so in use), one
  // removed (`evening`: the seeded work schedules use `day`, `early` and `late`, which cannot be deleted)
  await api(b, "PUT", "/rest/ofscMetadata/v1/shifts/day", shift("Day (B)", "07:00", "16:00"))
  await api(b, "PUT", "/rest/ofscMetadata/v1/shifts/b_only", shift("Only on B", "10:00", "12:00"))
  await api(b, "PUT", "/rest/ofscMetadata/v1/workSkills/b_skill", { active: true, name: "B", sharing: "minimal" })
  await api(b, "DELETE", "/rest/ofscMetadata/v1/shifts/evening", undefined)
  await api(b, "POST", `/rest/ofscCore/v1/resources/${String(b.data.resources[0]?.resourceId)}/workSchedules`, {
    recordType: "shift",
    shiftLabel: "b_only",
    startDate: b.data.startDate,
    recurrence: { recurrenceType: "daily", recurEvery: 1 }
  })
  env = cleanEnv()
  for (const [name, sim] of [
    ["a", a],
    ["b", b]
  ] as const) {
    const added = await ofsc(
      ["profile", "add", name, "--base-url", sim.url, "--instance", sim.instance, "--client-id", "ofsc-sim"].concat([
        "--secret",
        defaultApplication.clientSecret
      ]),
      { env }
    )
    expect(added.code).toBe(0)
  }
  exportA = path.join(tempDir("config"), "a")
  exported = await ofsc(["config", "export", "--to", exportA, "--profile", "a"], { env })
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

describe("ofsc config", () => {
  it("export writes one YAML file per item, the same files twice over", async () => {
    const first = exported
    expect(first.stderr).toMatch(/^exported \d+ items of 25 resources to /)
    expect(first.code).toBe(0)
    expect(fs.readFileSync(path.join(exportA, "shifts", "day.yaml"), "utf8")).toBe(
      "active: true\nlabel: day\nname: Day\npoints: 10\ntype: regular\nworkTimeEnd: 17:00:00\nworkTimeStart: 08:00:00\n"
    )
    const again = path.join(tempDir("config"), "again")
    expect((await ofsc(["config", "export", "--to", again, "--profile", "a"], { env })).code).toBe(0)
    const read = (dir: string, sub: string) =>
      fs.readdirSync(path.join(dir, sub)).map((f) => fs.readFileSync(path.join(dir, sub, f), "utf8"))
    for (const sub of fs.readdirSync(exportA).filter((f) => !f.endsWith(".yaml")))
      expect(read(again, sub)).toEqual(read(exportA, sub))
  })

  it("diff prints the plan (text or JSON) and sends no write", async () => {
    const { result, writes } = await writesDuring(b, () =>
      ofsc(["config", "diff", "--from", exportA, "--to", "b", "--prune", "--only", "shifts,workSkills", "-o", "text"], {
        env
      })
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        "~ update shifts/day",
        '    name: "Day (B)" → "Day"',
        "    points: (absent) → 10",
        '    workTimeEnd: "16:00:00" → "17:00:00"',
        '    workTimeStart: "07:00:00" → "08:00:00"',
        "+ create shifts/evening",
        "- delete workSkills/b_skill",
        "- delete shifts/b_only",
        "Plan: 1 to create, 1 to update, 2 to delete.",
        ""
      ].join("\n")
    )
    const json = await ofsc(["config", "diff", "--from", "a", "--to", "b", "--only", "shifts"], { env })
    expect(JSON.parse(json.stdout).summary).toEqual({ create: 1, update: 1, delete: 0 })
    expect(JSON.parse(json.stdout).kept).toEqual([{ resource: "shifts", key: "b_only", reason: "no --prune" }])
    expect(writes).toEqual([])
  })

  it("apply --dry-run and apply without --yes off a terminal write nothing", async () => {
    const { result, writes } = await writesDuring(b, async () => {
      const dry = await ofsc(["config", "apply", "--from", exportA, "--to", "b", "--dry-run", "-o", "json"], { env })
      expect(dry.code).toBe(0)
      expect(planOf(dry.stdout)).toContain("update shifts/day")
      expect(JSON.parse(dry.stdout).report).toBeNull()
      return ofsc(["config", "apply", "--from", exportA, "--to", "b"], { env })
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("add --yes")
    expect(writes).toEqual([])
  })

  it("apply --yes --prune: the shift in use is refused (409, exit 5), the rest applied; again, only it is left", async () => {
    const args = ["config", "apply", "--from", exportA, "--to", "b", "--prune", "--yes", "--only", "shifts,workSkills"]
    const first = await ofsc([...args, "-o", "text"], { env })
    expect(first.stdout).toContain("✗ delete shifts/b_only: OfscConflict 409: Object is already in use\n")
    expect(first.stdout).toContain("Applied 3 of 4 changes; 1 failed.\n")
    expect(first.code).toBe(5)
    const { result, writes } = await writesDuring(b, () => ofsc([...args, "-o", "json"], { env }))
    expect(planOf(result.stdout)).toEqual(["delete shifts/b_only"])
    expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      "DELETE /rest/ofscMetadata/v1/shifts/b_only 409"
    ])
    const plain = await ofsc(["config", "apply", "--from", exportA, "--to", "b", "--yes", "--only", "shifts"], { env })
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('"create": 0')
  })

  it("names what is wrong: an unknown resource, a source that is neither folder nor profile", async () => {
    const unknown = await ofsc(["config", "diff", "--from", exportA, "--to", "b", "--only", "bogus"], { env })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("not a configuration resource: bogus")
    const nowhere = await ofsc(["config", "diff", "--from", "no-such-thing", "--to", "b"], { env })
    expect(nowhere.code).toBe(2)
    expect(nowhere.stderr).toContain("--from no-such-thing: neither a folder nor a profile")
  })
})

describe("ofsc config apply in a terminal", () => {
  const session = `ofsc-config-test-${process.pid}`
  const tmux = (...args: ReadonlyArray<string>) => execFileSync("tmux", args, { encoding: "utf8" })
  const capture = () => tmux("capture-pane", "-p", "-t", session)
  const type = (line: string) => tmux("send-keys", "-t", session, line, "Enter")
  const waitFor = async (pattern: RegExp): Promise<string> => {
    const until = Date.now() + 90_000
    for (;;) {
      const text = capture()
      if (pattern.test(text)) return text
      if (Date.now() > until) throw new Error(`the terminal never showed ${pattern}:\n${text}`)
      await new Promise((done) => setTimeout(done, 100))
    }
  }

  afterAll(() => {
    try {
      tmux("kill-session", "-t", session)
    } catch {
      // already gone
    }
  })

  it("shows the plan and asks; n writes nothing, y applies", async () => {
    execSync("command -v tmux || (apt-get update && apt-get install -y tmux)", { stdio: "ignore", shell: "/bin/bash" })
    await api(b, "PUT", "/rest/ofscMetadata/v1/shifts/early", shift("Early (B)", "05:00", "13:00"))
    const dir = tempDir("config-tmux")
    fs.writeFileSync(
      path.join(dir, "env.sh"),
      `export XDG_CONFIG_HOME='${env.XDG_CONFIG_HOME}' PATH='${process.env.PATH}' TERM=xterm-256color\nalias ofsc='node ${binPath}'\nPS1='$ '\ncd ${dir}\n`
    )
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", "bash --norc --noprofile")
    type(`source ${path.join(dir, "env.sh")} && clear`)
    await waitFor(/^\$\s*$/m)
    const command = `ofsc config apply --from ${exportA} --to b --only shifts`
    const declined = await writesDuring(b, async () => {
      type(command)
      const asked = await waitFor(/Apply 0 to create, 1 to update, 0 to delete to b\?/)
      expect(asked).toContain("~ update shifts/early")
      tmux("send-keys", "-t", session, "n")
      return waitFor(/apply cancelled: nothing was written/)
    })
    expect(declined.writes).toEqual([])
    type("clear")
    const accepted = await writesDuring(b, async () => {
      type(command)
      await waitFor(/Apply 0 to create, 1 to update, 0 to delete to b\?/)
      tmux("send-keys", "-t", session, "y")
      return waitFor(/Applied 1 of 1 changes; 0 failed\./)
    })
    console.log(`--- the prompt, answered y:\n${accepted.result.trim()}`)
    expect(accepted.writes.map((w) => `${w.method} ${w.path}`)).toEqual(["PUT /rest/ofscMetadata/v1/shifts/early"])
  })
})
