import { describe, expect, it } from "vitest"
import { ofsc, simulatorForFile } from "./support/cli.js"

const running = simulatorForFile(7)

const technician = () => String(running.sim.store.collection("resources").get("TECH_00001")?.resourceId)

describe("writes whose answer is lost, from the command line", () => {
  it("create --idempotency-key: the create happened, its answer was dropped; the activity is found, not made twice", async () => {
    running.sim.faults.appliedDropRate = 1
    running.sim.faults.appliedDropOn = ["POST /rest/ofscCore/v1/activities"]
    try {
      const body = JSON.stringify({ activityType: "install", resourceId: technician(), date: "2026-12-09" })
      const result = await ofsc(
        ["core", "activities", "create", "--data", body, "--idempotency-key", "CLI-KEY-1", "-o", "json"],
        { env: running.env }
      )
      expect(result.code).toBe(0)
      expect(result.stderr).toContain("core.activities.create: an earlier try had taken effect")
      expect(JSON.parse(result.stdout)).toMatchObject({ apptNumber: "CLI-KEY-1", activityType: "install" })
      const made = running.sim.store
        .collection("activities")
        .list()
        .filter((a) => a.apptNumber === "CLI-KEY-1")
      expect(made.length).toBe(1)
      expect(running.sim.stats.appliedThenDropped).toBeGreaterThan(0)
    } finally {
      running.sim.faults.appliedDropRate = 0
    }
  })

  it("an activity action is verified by default: a start whose answer was lost is not sent again", async () => {
    const pending = running.sim.store
      .collection("activities")
      .list()
      .find((a) => a.status === "pending")
    const id = Number(pending?.activityId)
    running.sim.faults.appliedDropRate = 1
    running.sim.faults.appliedDropOn = ["POST /rest/ofscCore/v1/activities/{activityId}/custom-actions/start"]
    try {
      const result = await ofsc(["core", "activities", "start", String(id), "--data", "{}", "-o", "json"], {
        env: running.env
      })
      expect(result.code).toBe(0)
      expect(result.stderr).toContain("core.activities.start: an earlier try had taken effect")
      expect(JSON.parse(result.stdout)).toMatchObject({ activityId: id, status: "started" })
      const started = running.sim.store
        .eventsAfter(0, 1_000_000)
        .filter(
          (e) =>
            e.eventType === "activityStarted" &&
            (e.fields.activityDetails as { activityId?: unknown }).activityId === id
        )
      expect(started.length).toBe(1)
    } finally {
      running.sim.faults.appliedDropRate = 0
    }
  })

  it("a create without a key whose answer is lost fails as before (network, exit 10): nothing is guessed", async () => {
    running.sim.faults.appliedDropRate = 1
    running.sim.faults.appliedDropOn = ["POST /rest/ofscCore/v1/activities"]
    try {
      const body = JSON.stringify({ activityType: "install", resourceId: technician(), date: "2026-12-09" })
      const result = await ofsc(["core", "activities", "create", "--data", body], { env: running.env })
      expect(result.code).toBe(10)
    } finally {
      running.sim.faults.appliedDropRate = 0
    }
  })
})
