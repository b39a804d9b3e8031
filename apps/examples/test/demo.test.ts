import { it } from "@effect/vitest"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { dayReport } from "../src/dayReport.js"
import { demoClient, demoData, startLocalOfs } from "../src/localOfs.js"

describe("demo: the day's activities per resource", () => {
  it.live("reports every resource and exports every activity of the day", () =>
    Effect.gen(function* () {
      const date = "2026-11-25"
      const local = yield* Effect.acquireRelease(
        Effect.promise(() => startLocalOfs(date)),
        (l) => Effect.sync(() => l.server.close())
      )
      const client = demoClient(local.url)
      const report = yield* dayReport(date).pipe(Effect.provide(client))
      const expected = demoData(date)
      expect(report.lines.map((l) => l.resourceId)).toEqual(expected.resources.map((r) => r.resourceId))
      expect(report.activities.map((a) => a.activityId)).toEqual(expected.activities.map((a) => a.activityId))
      // custom properties survive decoding
      expect(report.activities[0]).toHaveProperty("XA_PRIORITY")
      const first = report.lines[0]!
      expect(first.activities).toBe(expected.activities.filter((a) => a.resourceId === first.resourceId).length)
    }).pipe(Effect.scoped)
  )

  it.live("wrong credentials fail with OfscAuthenticationError", () =>
    Effect.gen(function* () {
      const local = yield* Effect.acquireRelease(
        Effect.promise(() => startLocalOfs("2026-11-25")),
        (l) => Effect.sync(() => l.server.close())
      )
      const client = demoClient(local.url, "wrong")
      const error = yield* Effect.flip(dayReport("2026-11-25").pipe(Effect.provide(client)))
      expect(error._tag).toBe("OfscAuthenticationError")
    }).pipe(Effect.scoped)
  )
})
