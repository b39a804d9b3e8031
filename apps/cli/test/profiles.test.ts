import * as fs from "node:fs"
import * as path from "node:path"
import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cleanEnv, ofsc, simEnv, tempDir } from "./support/cli.js"

let sim: SimulatorHandle
beforeAll(async () => {
  sim = await startSimulator({ seed: 2 })
})
afterAll(() => sim.stop())

describe("profiles", () => {
  it("add, list, use, show (masked), remove, in XDG_CONFIG_HOME with mode 0600", async () => {
    const env = cleanEnv()
    const config = String(env.XDG_CONFIG_HOME)
    const add = await ofsc(
      [
        "profile",
        "add",
        "sim",
        "--base-url",
        sim.url,
        "--instance",
        sim.instance,
        "--client-id",
        "ofsc-sim",
        "--secret",
        "sim-secret"
      ],
      { env }
    )
    expect(add.code).toBe(0)
    const file = path.join(config, "ofsc", "profiles.json")
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    await ofsc(
      ["profile", "add", "other", "--instance", "acme-test", "--client-id", "app", "--secret-env", "ACME_SECRET"],
      { env }
    )
    expect((await ofsc(["profile", "list"], { env })).stdout).toBe("* sim\n  other\n")
    const show = await ofsc(["profile", "show"], { env })
    expect(show.stdout).toContain("sim (active)")
    expect(show.stdout).not.toContain("sim-secret")
    expect(show.stdout).toContain("(stored)")
    expect((await ofsc(["profile", "show", "other"], { env })).stdout).toContain(
      "from environment variable ACME_SECRET"
    )

    // the active profile is enough to call OFS
    const call = await ofsc(["metadata", "shifts", "get", "day", "-o", "json"], { env })
    expect(call.code).toBe(0)
    expect(JSON.parse(call.stdout).label).toBe("day")

    expect((await ofsc(["profile", "use", "other"], { env })).code).toBe(0)
    expect((await ofsc(["profile", "list"], { env })).stdout).toBe("  sim\n* other\n")
    // its secret comes from a variable that is not set: one line naming it
    const missing = await ofsc(["metadata", "shifts", "list"], { env })
    expect(missing.code).toBe(12)
    expect(missing.stderr).toContain("ACME_SECRET")

    expect((await ofsc(["profile", "remove", "other"], { env })).code).toBe(0)
    expect((await ofsc(["profile", "list"], { env })).stdout).toBe("  sim\n")
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })

  it("precedence: flags, then OFSC_* variables, then the profile", async () => {
    const env = cleanEnv()
    await ofsc(
      [
        "profile",
        "add",
        "bad",
        "--base-url",
        sim.url,
        "--instance",
        sim.instance,
        "--client-id",
        "ofsc-sim",
        "--secret",
        "wrong"
      ],
      { env }
    )
    // the profile alone: its secret is wrong
    expect((await ofsc(["metadata", "shifts", "list"], { env })).code).toBe(6)
    // the environment wins over the profile
    const withEnv = { ...env, OFSC_CLIENT_SECRET: "sim-secret" }
    expect((await ofsc(["metadata", "shifts", "list"], { env: withEnv })).code).toBe(0)
    // a flag wins over the environment
    expect((await ofsc(["metadata", "shifts", "list", "--client-secret", "wrong-again"], { env: withEnv })).code).toBe(
      6
    )
    // the base URL and instance come together from the first level that sets either
    const elsewhere = { ...withEnv, OFSC_BASE_URL: "http://127.0.0.1:1" }
    expect((await ofsc(["metadata", "shifts", "list"], { env: elsewhere })).code).toBe(10)
    expect((await ofsc(["metadata", "shifts", "list", "--base-url", sim.url], { env: elsewhere })).code).toBe(0)
  })

  it("OFSC_ATTEMPT_TIMEOUT_MS (or the deprecated OFSC_TIMEOUT_MS) and OFSC_USER_AGENT reach the client", async () => {
    const agents: Array<string | undefined> = []
    const stop = sim.onRequest((r) => agents.push(r.headers["user-agent"]))
    try {
      const named = simEnv(sim, { OFSC_USER_AGENT: "ops-cli-nightly/1.0", OFSC_ATTEMPT_TIMEOUT_MS: "20000" })
      expect((await ofsc(["metadata", "shifts", "list"], { env: named })).code).toBe(0)
      expect(agents).toEqual(["ops-cli-nightly/1.0"])
      // a bad value is named by the variable it came from, new name or old
      const bad = await ofsc(["metadata", "shifts", "list"], { env: simEnv(sim, { OFSC_ATTEMPT_TIMEOUT_MS: "soon" }) })
      expect(bad.stderr).toContain("OFSC_ATTEMPT_TIMEOUT_MS")
      const badOld = await ofsc(["metadata", "shifts", "list"], { env: simEnv(sim, { OFSC_TIMEOUT_MS: "0" }) })
      expect(badOld.stderr).toContain("OFSC_TIMEOUT_MS")
      expect([bad.code, badOld.code]).toEqual([12, 12])
      expect(agents).toHaveLength(1)
    } finally {
      stop()
    }
  })

  it("OFSC_DECODE_POLICY is read, and a value other than fail or warn is named, nothing sent", async () => {
    const before = sim.stats.requests
    const bad = await ofsc(["metadata", "shifts", "list"], { env: simEnv(sim, { OFSC_DECODE_POLICY: "ignore" }) })
    expect(bad.code).toBe(12)
    expect(bad.stderr).toContain("OFSC_DECODE_POLICY")
    expect(sim.stats.requests).toBe(before)
    const warn = await ofsc(["metadata", "shifts", "list"], { env: simEnv(sim, { OFSC_DECODE_POLICY: "warn" }) })
    expect(warn.code).toBe(0)
  })

  it("a profile file outside any config: HOME/.config/ofsc when XDG_CONFIG_HOME is unset", async () => {
    const home = tempDir("home")
    const env = { ...cleanEnv(), XDG_CONFIG_HOME: undefined, HOME: home }
    await ofsc(["profile", "add", "p", "--instance", "acme", "--client-id", "c", "--secret", "s"], { env })
    expect(fs.existsSync(path.join(home, ".config", "ofsc", "profiles.json"))).toBe(true)
  })
})
