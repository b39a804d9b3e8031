import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"
import { describe, expect } from "vitest"
import { described, failure, seeded, transport, withRules } from "./support.js"

const pending = seeded.activities.filter((a) => a.status === "pending").map((a) => a.activityId as number)

describe("events", () => {
  it.scopedLive("subscriptions are created, read, listed and deleted; unknown ones answer 404", () =>
    withRules(() =>
      Effect.gen(function* () {
        const subscriptions = (yield* OfscCore).events.subscriptions
        const created = yield* subscriptions.create({
          subscriptionTitle: "dispatch board",
          subscriptionConfig: [{ events: ["activityStarted", "activityCompleted"] }]
        })
        const id = created.subscriptionId ?? ""
        expect(id).toMatch(/^[0-9a-f]{12}$/)
        expect(created.nextPage).toMatch(/^ev[0-9a-f]{8}$/)

        const info = yield* subscriptions.get(id)
        expect(info).toMatchObject({
          subscriptionId: id,
          subscriptionTitle: "dispatch board",
          applicationId: "ofsc-sim",
          subscriptionConfig: [{ events: ["activityStarted", "activityCompleted"] }]
        })
        expect(info.createdTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
        expect(yield* subscriptions.list()).toMatchObject({ totalResults: 1, items: [{ subscriptionId: id }] })
        expect((yield* subscriptions.list({ allSubscriptions: true })).items?.map((s) => s.subscriptionId)).toEqual([
          id
        ])

        yield* subscriptions.delete(id)
        expect(yield* subscriptions.list()).toEqual({ totalResults: 0, items: [] })
        expect(described(yield* failure(subscriptions.get(id)))).toEqual({
          tag: "OfscNotFound",
          status: 404,
          detail: `Subscription '${id}' not found`
        })
        expect(described(yield* failure(subscriptions.delete(id))).tag).toBe("OfscNotFound")
        const events = (yield* OfscCore).events
        expect(described(yield* failure(events.list({ subscriptionId: id }))).tag).toBe("OfscNotFound")
      })
    )
  )

  it.scopedLive("refuses subscriptions without events or with unknown event types", () =>
    withRules(() =>
      Effect.gen(function* () {
        const raw = (yield* transport).raw
        const path = "/rest/ofscCore/v1/events/subscriptions"
        const unknown = yield* failure(
          raw("POST", path, { body: { subscriptionConfig: [{ events: ["lunchStarted"] }] } })
        )
        expect(described(unknown)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Wrong value in field 'subscriptionConfig.events': unknown event type 'lunchStarted'."
        })
        const empty = yield* failure(raw("POST", path, { body: { subscriptionConfig: [] } }))
        expect(described(empty).detail).toBe("Field 'subscriptionConfig' is absent or empty.")
        const noSubscription = yield* failure(raw("GET", "/rest/ofscCore/v1/events"))
        expect(described(noSubscription).detail).toBe("Parameter 'subscriptionId' is absent.")
      })
    )
  )

  it.scopedLive("the cursor walks the subscribed events page by page, then answers none when caught up", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.events.subscriptions.create({
          subscriptionConfig: [{ events: ["activityStarted"] }]
        })
        const subscriptionId = created.subscriptionId ?? ""
        for (const id of pending.slice(0, 3)) yield* core.activities.start(id, {})
        yield* core.activities.cancel(pending[3] as number, {}) // not subscribed

        const first = yield* core.events.list({ subscriptionId, page: created.nextPage ?? "", limit: 2 })
        expect(first.found).toBe(true)
        expect(first.items?.map((e) => e.activityDetails?.activityId)).toEqual(pending.slice(0, 2))
        const second = yield* core.events.list({ subscriptionId, page: first.nextPage ?? "", limit: 2 })
        expect(second.items?.map((e) => e.activityDetails?.activityId)).toEqual([pending[2]])
        // `lastRequested` repeats the previous poll
        const repeated = yield* core.events.list({ subscriptionId, page: "lastRequested", limit: 2 })
        expect(repeated.items?.map((e) => e.activityDetails?.activityId)).toEqual([pending[2]])
        const caughtUp = yield* core.events.list({ subscriptionId, page: second.nextPage ?? "" })
        expect(caughtUp).toMatchObject({ found: false, items: [], nextPage: second.nextPage })

        // without `page`, from the oldest event of the subscription
        const all = yield* core.events.list({ subscriptionId })
        expect(all.items).toHaveLength(3)

        // the client's stream follows nextPage until a poll brings nothing
        const streamed = yield* Stream.runCollect(core.events.stream({ subscriptionId, limit: 1 }))
        expect(Chunk.toReadonlyArray(streamed).map((e) => e.eventType)).toEqual([
          "activityStarted",
          "activityStarted",
          "activityStarted"
        ])

        const unknownPage = yield* failure(core.events.list({ subscriptionId, page: "garbage" }))
        expect(described(unknownPage)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Wrong value of parameter 'page'."
        })
      })
    )
  )

  it.scopedLive("`since` only positions the cursor; it cannot be combined with `page`", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.events.subscriptions.create({
          subscriptionConfig: [{ events: ["activityCanceled"] }]
        })
        const subscriptionId = created.subscriptionId ?? ""
        yield* core.activities.cancel(pending[0] as number, {})

        const future = yield* core.events.list({ subscriptionId, since: "2100-01-01 00:00:00" })
        expect(future.found).toBe(false)
        expect(future.items ?? []).toEqual([])
        yield* core.activities.cancel(pending[1] as number, {})
        const afterFuture = yield* core.events.list({ subscriptionId, page: future.nextPage ?? "" })
        expect(afterFuture.items?.map((e) => e.activityDetails?.activityId)).toEqual([pending[1]])

        const past = yield* core.events.list({ subscriptionId, since: "2000-01-01 00:00:00" })
        const fromPast = yield* core.events.list({ subscriptionId, page: past.nextPage ?? "" })
        expect(fromPast.items?.map((e) => e.activityDetails?.activityId)).toEqual([pending[0], pending[1]])

        const both = yield* failure(
          core.events.list({ subscriptionId, page: past.nextPage ?? "", since: "2000-01-01 00:00:00" })
        )
        expect(described(both).detail).toBe("Parameters 'page' and 'since' cannot be used together.")
        const badSince = yield* failure(core.events.list({ subscriptionId, since: "yesterday" }))
        expect(described(badSince)).toMatchObject({ tag: "OfscBadRequest", status: 400 })
      })
    )
  )

  it.scopedLive("activity creates, updates and deletes through the API are delivered as events", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.events.subscriptions.create({
          subscriptionConfig: [{ events: ["activityCreated", "activityUpdated", "activityDeleted"] }]
        })
        const activity = yield* core.activities.create({
          activityType: "repair",
          resourceId: "TECH_00002",
          date: "2026-11-04",
          apptNumber: "EV-1"
        })
        const id = activity.activityId as number
        yield* core.activities.update(id, { customerName: "Event Tester" })
        yield* core.activities.delete(id)

        const poll = yield* core.events.list({
          subscriptionId: created.subscriptionId ?? "",
          page: created.nextPage ?? ""
        })
        expect(poll.items?.map((e) => [e.eventType, e.activityDetails?.activityId])).toEqual([
          ["activityCreated", id],
          ["activityUpdated", id],
          ["activityDeleted", id]
        ])
        expect(poll.items?.[0]?.activityDetails).toMatchObject({ apptNumber: "EV-1", resourceId: "TECH_00002" })
        expect(poll.items?.[1]?.activityChanges).toMatchObject({ customerName: "Event Tester" })
      })
    )
  )

  it.scopedLive("user and resource changes through the API are delivered as events, without passwords", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.events.subscriptions.create({
          subscriptionConfig: [{ events: ["userCreated", "userUpdated", "userDeleted", "resourceUpdated"] }]
        })
        yield* core.users.put("events.user", {
          name: "Events User",
          userType: "technician",
          language: "en",
          timeZone: "Eastern",
          mainResourceId: "TECH_00002",
          resources: ["TECH_00002"],
          password: "Secret-987654"
        })
        yield* core.users.update("events.user", { name: "Events User 2" })
        yield* core.users.delete("events.user")
        yield* core.resources.update("TECH_00002", { name: "Renamed Tech" })

        const poll = yield* core.events.list({
          subscriptionId: created.subscriptionId ?? "",
          page: created.nextPage ?? ""
        })
        expect(poll.items?.map((e) => e.eventType)).toEqual([
          "userCreated",
          "userUpdated",
          "userDeleted",
          "resourceUpdated"
        ])
        expect(poll.items?.[0]).toMatchObject({
          userDetails: { login: "events.user" },
          userChanges: { name: "Events User" }
        })
        expect(poll.items?.[3]).toMatchObject({
          resourceDetails: { resourceId: "TECH_00002", name: "Renamed Tech" },
          resourceChanges: { name: "Renamed Tech" }
        })
        expect(JSON.stringify(poll)).not.toContain("Secret-987654")
      })
    )
  )
})
