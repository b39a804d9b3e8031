/**
 * What the READMEs' examples read exists in every size: the on-call shift `blue`, activity 4225
 * (linked `start-before` to 4226), the resource `FLUSA` with technicians and activities under it,
 * the CLI README's `day` shift and TECH_00001's calendar.
 */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Chunk, Effect, Stream } from "effect"
import { describe, expect } from "vitest"
import { Simulator } from "../src/index.js"
import { servicesFor } from "./support/engineClient.js"

describe("the READMEs' examples", () => {
  for (const size of ["small", "medium", "large"] as const) {
    it.scopedLive(`find their data in the ${size} size`, () =>
      Effect.gen(function* () {
        const sim = yield* Simulator.scoped({ size, seed: 11 })
        const program = Effect.gen(function* () {
          const metadata = yield* OfscMetadata
          const core = yield* OfscCore
          expect(yield* metadata.shifts.get("blue")).toMatchObject({
            label: "blue",
            type: "on-call",
            decoration: "blue"
          })
          expect((yield* metadata.shifts.get("day")).type).toBe("regular")
          const activity = yield* core.activities.get(4225)
          expect(activity).toMatchObject({ activityId: 4225, resourceId: "TECH_00001" })
          const link = yield* core.activities.linkedActivities.get("4225", "4226", "start-before")
          expect(link).toMatchObject({ fromActivityId: 4225, toActivityId: 4226, linkType: "start-before" })

          const day = String(activity.date)
          const underFlusa = yield* Stream.runCollect(
            core.activities.stream({ resources: ["FLUSA"], dateFrom: day, dateTo: day })
          )
          expect(Chunk.toReadonlyArray(underFlusa).map((a) => a.activityId)).toContain(4225)
          const technicians = (yield* core.resources.descendants.list("FLUSA")).items ?? []
          expect(technicians.filter((r) => r.resourceType === "PR").length).toBeGreaterThan(0)

          const week = yield* core.resources.workSchedules.calendarView("TECH_00001", {
            dateFrom: "2026-11-02",
            dateTo: "2026-11-08"
          })
          expect(week["2026-11-02"]?.regular?.recordType).toBe("working")
        })
        yield* Effect.provide(program, servicesFor(sim))
      })
    )
  }
})
