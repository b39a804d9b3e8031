/**
 * Activity and route times are the resource's wall clock: a lifecycle action without a `time` writes
 * the simulator clock's now in the zone of the activity's resource, and an activity that changes
 * resource carries the new resource's zone.
 */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { localDateTime, offsetOnDay, utcOfLocal } from "../../src/data/timeZones.js"
import type { SimulatorHandle } from "../../src/index.js"
import { http, seeded, withRules } from "./support.js"

/** A seeded pending activity of an active technician in a zone, and the technician. */
const pendingIn = (iana: string) => {
  const resource = seeded.resources.find(
    (r) => r.resourceType === "PR" && r.status === "active" && r.timeZoneIANA === iana
  )
  const activity = seeded.activities.find((a) => a.status === "pending" && a.resourceId === resource?.resourceId)
  if (resource === undefined || activity === undefined) throw new Error(`the seed has no pending activity in ${iana}`)
  return { resource, id: activity.activityId as number }
}

/** 2031-01-15 04:00 UTC: 09:30 in Kolkata, 14:30 in Adelaide (summer there, +10:30), 23:00 the day before in New York. */
const clockAt = Date.UTC(2031, 0, 15, 4, 0, 0)

/**
 * Runs `call` and checks that `written` is the wall clock, in `iana`, of an instant the simulator's
 * clock passed through while the call ran (the clock runs on with real time, so no exact value).
 */
const writtenDuring = <A, E, R>(
  sim: SimulatorHandle,
  iana: string,
  call: Effect.Effect<A, E, R>,
  written: (a: A) => unknown
) =>
  Effect.gen(function* () {
    const from = Math.floor(sim.clock.now() / 1000) * 1000
    const result = yield* call
    const to = sim.clock.now()
    const time = String(written(result))
    const at = utcOfLocal(time, iana) as number
    expect(localDateTime(at, iana)).toBe(time)
    expect(at).toBeGreaterThanOrEqual(from)
    expect(at).toBeLessThanOrEqual(to)
    return result
  })

describe("activity times on the resource's wall clock", () => {
  it.scopedLive("start and complete without a time write the clock's now in Kolkata's and Adelaide's time", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        expect(sim.clock.set(clockAt)).toBe(true)
        for (const iana of ["Asia/Kolkata", "Australia/Adelaide"]) {
          const { id } = pendingIn(iana)
          const started = yield* writtenDuring(sim, iana, activities.start(id, {}), (a) => a.startTime)
          const done = yield* writtenDuring(sim, iana, activities.complete(id, {}), (a) => a.endTime)
          expect([started.status, done.status, done.resourceTimeZoneIANA]).toEqual(["started", "completed", iana])
          // the local date is the resource's: 2031-01-15 in both (09:30 and 14:30 there), not UTC's hour
          expect(String(done.startTime).slice(0, 13)).toBe(iana === "Asia/Kolkata" ? "2031-01-15 09" : "2031-01-15 14")
        }
      })
    )
  )

  it.scopedLive("a route activated without a time records the resource's wall clock", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        expect(sim.clock.set(clockAt)).toBe(true)
        const { resource } = pendingIn("Australia/Adelaide")
        const path = `/rest/ofscCore/v1/resources/${resource.resourceId}/routes/2031-01-15`
        yield* writtenDuring(
          sim,
          "Australia/Adelaide",
          Effect.flatMap(http(sim, "POST", `${path}/custom-actions/activate`, { json: {} }), () =>
            http(sim, "GET", path)
          ),
          (answer) => (answer.json as { routeStartTime?: string }).routeStartTime
        )
      })
    )
  )

  it.scopedLive("moving, updating or creating an activity gives it its (new) resource's zone on its date", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const { id } = pendingIn("Asia/Kolkata")
        const adelaide = pendingIn("Australia/Adelaide").resource
        const chicago = pendingIn("America/Chicago").resource
        const zoneOf = (a: {
          resourceTimeZone?: unknown
          resourceTimeZoneIANA?: unknown
          resourceTimeZoneDiff?: unknown
        }) => [a.resourceTimeZone, a.resourceTimeZoneIANA, a.resourceTimeZoneDiff]

        yield* activities.move(id, {
          setResource: { resourceId: String(adelaide.resourceId) },
          setDate: { date: "2026-07-01" }
        })
        // July is winter in Adelaide: +09:30
        expect(zoneOf(yield* activities.get(id))).toEqual([adelaide.timeZone, "Australia/Adelaide", 570])

        const updated = yield* activities.update(id, { resourceId: String(chicago.resourceId), date: "2026-12-01" })
        expect(zoneOf(updated)).toEqual([chicago.timeZone, "America/Chicago", -360])

        const created = yield* activities.create({
          resourceId: String(adelaide.resourceId),
          date: "2026-12-01",
          activityType: "install"
        })
        expect(zoneOf(created)).toEqual([
          adelaide.timeZone,
          "Australia/Adelaide",
          offsetOnDay("2026-12-01", "Australia/Adelaide")
        ])
        expect([created.timeZone, created.timeZoneIANA]).toEqual([adelaide.timeZone, "Australia/Adelaide"])
      })
    )
  )

  it.scopedLive("a seeded activity answers its resource's zone and local times through the API", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const seededActivity = seeded.activities.find(
          (a) => a.resourceTimeZoneIANA === "Australia/Adelaide" && a.startTime !== undefined
        )
        const read = yield* activities.get(seededActivity?.activityId as number)
        expect(read).toMatchObject({
          resourceTimeZoneIANA: "Australia/Adelaide",
          startTime: seededActivity?.startTime,
          resourceTimeZoneDiff: offsetOnDay(String(seededActivity?.date), "Australia/Adelaide")
        })
      })
    )
  )
})
