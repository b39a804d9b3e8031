import { ofsError, ok, type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cleanEnv, ofsc, simEnv } from "./support/cli.js"

let sim: SimulatorHandle
let env: Record<string, string | undefined>
beforeAll(async () => {
  sim = await startSimulator({ seed: 5 })
  // both retry budgets at zero (faults, and the 429s' own), so 429 and 5xx come straight back as their exit codes
  env = simEnv(sim, { OFSC_MAX_RETRIES: "0", OFSC_RATE_LIMIT_WAIT_MS: "0" })
  sim.router.on("GET", "/rest/ofscMetadata/v1/workSkills/forbidden", () => ofsError(403, "not for you"))
  sim.router.on("GET", "/rest/ofscMetadata/v1/workSkills/limited", () =>
    ofsError(429, "slow down", { "retry-after": "1" })
  )
  sim.router.on("GET", "/rest/ofscMetadata/v1/workSkills/broken", () => ofsError(503, "down for a moment"))
  sim.router.on("GET", "/rest/ofscMetadata/v1/shifts/garbled", () => ok({ label: 42, active: "sometimes" }))
})
afterAll(() => sim.stop())

/** The stderr is one line: the message, no stack trace. */
const expectOneLine = (stderr: string) => {
  expect(stderr.trim().split("\n")).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe("exit codes by kind of failure", () => {
  it("2: invalid input, each schema path listed, nothing sent", async () => {
    const before = sim.stats.requests
    const result = await ofsc(["metadata", "shifts", "put", "x", "--data", '{"label":"x","active":"yes"}'], { env })
    expect(result.code).toBe(2)
    expectOneLine(result.stderr)
    expect(result.stderr).toContain("body.active")
    expect(result.stderr).toContain("body.name")
    expect(sim.stats.requests).toBe(before)
  })

  it("2: a flag that does not parse", async () => {
    const result = await ofsc(["core", "activities", "get", "not-a-number"], { env })
    expect(result.code).toBe(2)
  })

  it("3: OFS refused the request (400)", async () => {
    const result = await ofsc(["core", "activities", "list", "--date-from", "2026-11-01", "--resources", "FLUSA"], {
      env
    })
    expect(result.code).toBe(3)
    expectOneLine(result.stderr)
  })

  it("4: not found", async () => {
    const result = await ofsc(["metadata", "shifts", "get", "nope"], { env })
    expect(result.code).toBe(4)
    expect(result.stderr).toBe(
      "ofsc: GET /rest/ofscMetadata/v1/shifts/nope answered 404: Not Found (Shift 'nope' not found)\n"
    )
  })

  it("5: conflict (an action the activity's status does not allow)", async () => {
    const activity = sim.store
      .collection("activities")
      .list()
      .find((a) => a.status === "pending")
    const result = await ofsc(["core", "activities", "complete", String(activity?.activityId), "--data", "{}"], { env })
    expect(result.code).toBe(5)
    expectOneLine(result.stderr)
  })

  it("6: authentication", async () => {
    const result = await ofsc(["metadata", "shifts", "list"], { env: { ...env, OFSC_CLIENT_SECRET: "wrong" } })
    expect(result.code).toBe(6)
    expect(result.stderr).not.toContain("wrong")
  })

  it("7: authorization", async () => {
    const result = await ofsc(["metadata", "work-skills", "get", "forbidden"], { env })
    expect(result.code).toBe(7)
  })

  it("8: rate limited", async () => {
    const result = await ofsc(["metadata", "work-skills", "get", "limited"], { env })
    expect(result.code).toBe(8)
  })

  it("9: server error", async () => {
    const result = await ofsc(["metadata", "work-skills", "get", "broken"], { env })
    expect(result.code).toBe(9)
  })

  it("10: network (nothing listening)", async () => {
    const result = await ofsc(["metadata", "shifts", "list"], { env: { ...env, OFSC_BASE_URL: "http://127.0.0.1:1" } })
    expect(result.code).toBe(10)
    expectOneLine(result.stderr)
  })

  it("11: the answer did not match the schema", async () => {
    const result = await ofsc(["metadata", "shifts", "get", "garbled"], { env })
    expect(result.code).toBe(11)
    expect(result.stderr).toContain("label")
  })

  it("12: configuration missing, named in one line", async () => {
    const result = await ofsc(["metadata", "shifts", "list"], { env: cleanEnv() })
    expect(result.code).toBe(12)
    expectOneLine(result.stderr)
    expect(result.stderr).toContain("instance")
  })

  it("--verbose adds the details, still without a stack trace", async () => {
    const result = await ofsc(["metadata", "shifts", "get", "nope", "--verbose"], { env })
    expect(result.code).toBe(4)
    expect(result.stderr).toContain("error: OfscNotFound")
    expect(result.stderr).toContain("status: 404")
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
