import { it } from "@effect/vitest"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { defaultApplication, Simulator } from "@ofsc/simulator"
import { Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
import { dayReport } from "../src/dayReport.js"

const clientFor = (url: string, instance: string, secret: string = defaultApplication.clientSecret) =>
  OfscCore.layer.pipe(
    Layer.provide(
      OfscClient.layer({
        baseUrl: url,
        instance,
        credentials: { _tag: "Basic", clientId: defaultApplication.clientId, clientSecret: Redacted.make(secret) }
      })
    ),
    Layer.provide(OfscHttpClient.layer)
  )

describe("demo: the day's activities per resource", () => {
  it.scopedLive("reports every field resource and exports every activity of the day", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ size: "small" })
      const date = sim.data.startDate
      const report = yield* dayReport(date).pipe(Effect.provide(clientFor(sim.url, sim.instance)))
      const technicians = sim.data.resources.filter((r) => r.resourceType === "PR").map((r) => r.resourceId)
      const expected = sim.data.activities.filter((a) => a.date === date)
      expect(report.lines.map((l) => l.resourceId)).toEqual(technicians)
      expect(report.activities.map((a) => a.activityId).sort()).toEqual(expected.map((a) => a.activityId).sort())
      expect(report.activities.length).toBeGreaterThan(0)
      // custom properties survive decoding
      expect(report.activities[0]).toHaveProperty("XA_PRIORITY")
      const first = report.lines.find((l) => l.activities > 0)!
      expect(first.activities).toBe(expected.filter((a) => a.resourceId === first.resourceId).length)
    })
  )

  it.scopedLive("wrong credentials fail with OfscAuthenticationError", () =>
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ size: "small" })
      const error = yield* Effect.flip(
        dayReport(sim.data.startDate).pipe(Effect.provide(clientFor(sim.url, sim.instance, "wrong")))
      )
      expect(error._tag).toBe("OfscAuthenticationError")
    })
  )
})
