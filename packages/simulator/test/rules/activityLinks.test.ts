/** A link is listed by both its activities, whichever of them it was created, replaced or deleted through. */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { seeded, withRules } from "./support.js"

const pending = seeded.activities.filter((a) => a.status === "pending").map((a) => a.activityId as number)

describe("activity links", () => {
  it.scopedLive("both activities list a link, and deleting it through either removes it from both", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const [a, b] = pending.slice(-2) as [number, number]
        const listed = (id: number) =>
          Effect.map(core.activities.linkedActivities.list(String(id)), (l) =>
            (l.items ?? []).filter((x) => x.linkType === "start-after" && [a, b].includes(x.toActivityId as number))
          )
        yield* core.activities.linkedActivities.create(String(a), {
          fromActivityId: a,
          toActivityId: b,
          linkType: "start-after"
        })
        expect((yield* listed(a)).length).toBe(1)
        expect((yield* listed(b)).length).toBe(1)
        yield* core.activities.linkedActivities.delete(String(b), String(a), "start-after")
        expect(yield* listed(a)).toEqual([])
        expect(yield* listed(b)).toEqual([])
      })
    )
  )
})
