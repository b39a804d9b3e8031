import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { described, failure, http, seeded, transport, withRules } from "./support.js"

/** Seeded activities of one status, by id. */
const ids = (status: string): ReadonlyArray<number> =>
  seeded.activities.filter((a) => a.status === status).map((a) => a.activityId as number)
const pending = ids("pending")
const started = ids("started")
const completed = ids("completed")

/** The events a fresh subscription to these types sees once `run` has happened. */
const eventsOf = <A, E, R>(types: ReadonlyArray<string>, run: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const events = (yield* OfscCore).events
    const subscription = yield* events.subscriptions.create({
      subscriptionConfig: [{ events: types as never }]
    })
    const result = yield* run
    const poll = yield* events.list({
      subscriptionId: subscription.subscriptionId ?? "",
      page: subscription.nextPage ?? ""
    })
    return { result, items: poll.items ?? [] }
  })

describe("activity lifecycle", () => {
  it.scopedLive("pending → enroute → started → completed, each step answered, read back and logged", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[0] as number
        const { items } = yield* eventsOf(
          ["activityTravelStarted", "activityStarted", "activityCompleted"],
          Effect.gen(function* () {
            expect((yield* activities.enroute(id)).status).toBe("enroute")
            const start = yield* activities.start(id, { time: "2026-11-01 09:15:00" })
            expect(start).toMatchObject({ activityId: id, status: "started", startTime: "2026-11-01 09:15:00" })
            const done = yield* activities.complete(id, { time: "2026-11-01 10:05:00" })
            expect(done).toMatchObject({ status: "completed", endTime: "2026-11-01 10:05:00" })
          })
        )
        expect(yield* activities.get(id)).toMatchObject({
          status: "completed",
          startTime: "2026-11-01 09:15:00",
          endTime: "2026-11-01 10:05:00"
        })
        expect(items.map((e) => [e.eventType, e.activityDetails?.activityId, e.user])).toEqual([
          ["activityTravelStarted", id, "ofsc-sim"],
          ["activityStarted", id, "ofsc-sim"],
          ["activityCompleted", id, "ofsc-sim"]
        ])
        expect(items[1]?.activityChanges).toMatchObject({ status: "started", startTime: "2026-11-01 09:15:00" })
      })
    )
  )

  it.scopedLive("a transition the status does not allow answers 409 naming the status; unknown ids 404", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[1] as number
        const early = yield* failure(activities.complete(id, {}))
        expect(described(early)).toEqual({
          tag: "OfscConflict",
          status: 409,
          detail: `Activity ${id} is in status 'pending'; 'complete' is allowed only in status 'started'.`
        })
        expect((yield* activities.cancel(id, {})).status).toBe("cancelled")
        const late = yield* failure(activities.start(id, {}))
        expect(described(late).detail).toBe(
          `Activity ${id} is in status 'cancelled'; 'start' is allowed only in status 'pending', 'enroute'.`
        )
        expect(described(yield* failure(activities.suspend(completed[0] as number, {}))).detail).toContain(
          "in status 'completed'"
        )
        expect(described(yield* failure(activities.stopTravel(started[0] as number))).tag).toBe("OfscConflict")
        expect((yield* activities.get(id)).status).toBe("cancelled")

        const unknown = yield* failure(activities.start(12, {}))
        expect(described(unknown)).toEqual({ tag: "OfscNotFound", status: 404, detail: "Activity '12' not found" })
        // the client checks `time` itself; the raw call shows what the server says
        const raw = (yield* transport).raw
        const path = `/rest/ofscCore/v1/activities/${pending[2]}/custom-actions/start`
        const badTime = yield* failure(raw("POST", path, { body: { time: "soon" } }))
        expect(described(badTime)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Wrong value in field 'time'. The format is 'YYYY-MM-DD HH:MM:SS'."
        })
        expect((yield* activities.get(pending[2] as number)).status).toBe("pending")
      })
    )
  )

  it.scopedLive("enroute then stopTravel goes back to pending; notDone ends a started activity only", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[3] as number
        yield* activities.enroute(id)
        expect((yield* activities.stopTravel(id)).status).toBe("pending")
        expect(described(yield* failure(activities.notDone(id, {}))).detail).toBe(
          `Activity ${id} is in status 'pending'; 'notDone' is allowed only in status 'started'.`
        )
        expect((yield* activities.notDone(started[1] as number, {})).status).toBe("notdone")
        expect((yield* activities.get(started[1] as number)).status).toBe("notdone")
      })
    )
  )

  it.scopedLive("suspend sends a started activity back to pending and keeps the visit in a suspended copy", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[7] as number
        yield* activities.start(id, { time: "2026-11-01 09:00:00" })
        const { result, items } = yield* eventsOf(
          ["activitySuspended", "activityCreated"],
          activities.suspend(id, { time: "2026-11-01 10:30:00" })
        )
        expect(result).toMatchObject({ activityId: id, status: "pending" })
        expect(items.map((e) => [e.eventType, e.activityDetails?.status])).toEqual([
          ["activitySuspended", "pending"],
          ["activityCreated", "suspended"]
        ])
        const visitId = items[1]?.activityDetails?.activityId as number
        expect(visitId).not.toBe(id)
        const visit = yield* activities.get(visitId)
        expect(visit).toMatchObject({
          status: "suspended",
          startTime: "2026-11-01 09:00:00",
          endTime: "2026-11-01 10:30:00",
          apptNumber: result.apptNumber,
          resourceId: result.resourceId
        })
        const back = yield* activities.get(id)
        expect(back.status).toBe("pending")
        expect(back.startTime ?? undefined).toBeUndefined()

        // a pending activity stays as it is: nothing is copied
        const other = pending[8] as number
        const quiet = yield* eventsOf(["activitySuspended", "activityCreated"], activities.suspend(other, {}))
        expect(quiet.result.status).toBe("pending")
        expect(quiet.items.map((e) => e.eventType)).toEqual(["activitySuspended"])
        expect(described(yield* failure(activities.suspend(completed[0] as number, {}))).tag).toBe("OfscConflict")
      })
    )
  )

  it.scopedLive("reopen creates one reopened activity per completed one and answers it again after", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = completed[1] as number
        const { result: reopened, items } = yield* eventsOf(
          ["activityReopened"],
          activities.reopen(id, { setPositionInRoute: { position: "last" } })
        )
        expect(reopened).toMatchObject({ status: "pending", recordType: "reopened" })
        expect(reopened.activityId).not.toBe(id)
        expect(items.map((e) => [e.eventType, e.activityDetails?.activityId])).toEqual([
          ["activityReopened", reopened.activityId]
        ])
        const again = yield* activities.reopen(id, { setPositionInRoute: { position: "last" } })
        expect(again.activityId).toBe(reopened.activityId)
        expect((yield* activities.get(reopened.activityId as number)).recordType).toBe("reopened")
        expect((yield* activities.get(id)).status).toBe("completed")

        // a cancelled activity can be reopened too
        const cancelled = pending[10] as number
        yield* activities.cancel(cancelled, {})
        const fromCancelled = yield* activities.reopen(cancelled, { setPositionInRoute: { position: "last" } })
        expect(fromCancelled).toMatchObject({ status: "pending", recordType: "reopened" })

        const notFinished = yield* failure(
          activities.reopen(pending[4] as number, { setPositionInRoute: { position: "last" } })
        )
        expect(described(notFinished).detail).toBe(
          `Activity ${pending[4]} is in status 'pending'; 'reopen' is allowed only in status 'completed', 'cancelled', 'notdone'.`
        )
      })
    )
  )

  it.scopedLive("move changes the resource and date of a pending activity (204) and logs activityMoved", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[5] as number
        const before = yield* activities.get(id)
        const target = before.resourceId === "TECH_00004" ? "TECH_00005" : "TECH_00004"
        const answer = yield* http(sim, "POST", `/rest/ofscCore/v1/activities/${id}/custom-actions/move`, {
          json: { setResource: { resourceId: target }, setDate: { date: "2026-11-09" } }
        })
        expect(answer.status).toBe(204)
        expect(yield* activities.get(id)).toMatchObject({ resourceId: target, date: "2026-11-09" })

        const { items } = yield* eventsOf(
          ["activityMoved"],
          activities.move(id, { setResource: { resourceId: "BUCKET_001" } })
        )
        expect(items[0]).toMatchObject({
          eventType: "activityMoved",
          activityDetails: { activityId: id, resourceId: "BUCKET_001" },
          activityChanges: { resourceId: "BUCKET_001" },
          moveDetails: { moveCondition: "resourceToBucket" }
        })

        const nowhere = yield* failure(activities.move(id, { setResource: { resourceId: "NOBODY" } }))
        expect(described(nowhere)).toMatchObject({ tag: "OfscBadRequest", status: 400 })
        expect(described(yield* failure(activities.move(id, {}))).detail).toBe(
          "At least one of 'setDate', 'setResource' or 'setPositionInRoute' is required."
        )
        const busy = yield* failure(activities.move(started[3] as number, { setDate: { date: "2026-11-09" } }))
        expect(described(busy)).toMatchObject({ tag: "OfscConflict", status: 409 })
        expect((yield* activities.get(id)).resourceId).toBe("BUCKET_001")
      })
    )
  )

  it.scopedLive("delay extends a started activity's duration and logs activityDelayed", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const raw = (yield* transport).raw
        const id = pending[6] as number
        const before = yield* activities.get(id)
        yield* activities.start(id, { time: `${before.date} 09:00:00` })
        const { result, items } = yield* eventsOf(["activityDelayed"], activities.delay(id, { delayMinutes: 45 }))
        expect(result).toMatchObject({ status: "started", duration: (before.duration as number) + 45 })
        expect(items.map((e) => [e.eventType, e.activityChanges?.duration])).toEqual([
          ["activityDelayed", (before.duration as number) + 45]
        ])
        const until = yield* activities.delay(id, { delayUntilTime: `${before.date} 15:30:00` })
        expect(until.duration).toBe(390)
        expect((yield* activities.get(id)).duration).toBe(390)

        const path = `/rest/ofscCore/v1/activities/${id}/custom-actions/delay`
        const neither = yield* failure(raw("POST", path, { body: {} }))
        expect(described(neither).detail).toBe("Either 'delayMinutes' or 'delayUntilTime' is required.")
        const earlier = yield* failure(activities.delay(id, { delayUntilTime: `${before.date} 09:10:00` }))
        expect(described(earlier).detail).toBe("Field 'delayUntilTime' must be later than the activity's current end.")
        const notStarted = yield* failure(activities.delay(pending[9] as number, { delayMinutes: 5 }))
        expect(described(notStarted).detail).toBe(
          `Activity ${pending[9]} is in status 'pending'; 'delay' is allowed only in status 'started'.`
        )
      })
    )
  )

  it.scopedLive("startPrework starts a prework copy of a pending activity, which itself stays pending", () =>
    withRules(() =>
      Effect.gen(function* () {
        const activities = (yield* OfscCore).activities
        const id = pending[11] as number
        const { result: prework, items } = yield* eventsOf(
          ["activityPreworkCreated"],
          activities.startPrework(id, { time: "2026-11-01 07:45:00", properties: { customerName: "Prework Ltd" } })
        )
        expect(prework).toMatchObject({
          status: "started",
          recordType: "prework",
          startTime: "2026-11-01 07:45:00",
          customerName: "Prework Ltd"
        })
        expect(prework.activityId).not.toBe(id)
        expect(items.map((e) => [e.eventType, e.activityDetails?.activityId])).toEqual([
          ["activityPreworkCreated", prework.activityId]
        ])
        expect((yield* activities.get(id)).status).toBe("pending")
        expect((yield* activities.get(prework.activityId as number)).recordType).toBe("prework")
        expect(described(yield* failure(activities.startPrework(completed[3] as number, {}))).tag).toBe("OfscConflict")
      })
    )
  )
})
