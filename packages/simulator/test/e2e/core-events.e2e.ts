/** End-to-end: event subscriptions, event polling and the daily extract of ofscCore, against the simulator. */
import { OfscCore } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { seeded, upcoming } from "./support/data.js"
import { e2eSuite, expectFailure } from "./support/harness.js"

/** Registers the events / daily extract suite. */
export const coreEventsSuite = () =>
  e2eSuite("e2e core events and daily extract", (it) => {
    it.effect("subscriptions: create, list, get, delete then get is not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.events.subscriptions.create({
          subscriptionTitle: "e2e subscription",
          subscriptionConfig: [{ events: ["activityCreated"] }]
        })
        const id = created.subscriptionId!
        expect(id).toEqual(expect.any(String))
        expect(created.nextPage).toEqual(expect.any(String))

        const listed = yield* core.events.subscriptions.list()
        expect(listed.totalResults).toBe(listed.items?.length)
        expect(listed.items?.map((s) => s.subscriptionId)).toContain(id)
        const read = yield* core.events.subscriptions.get(id)
        expect(read.subscriptionId).toBe(id)
        expect(read.createdTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)

        yield* core.events.subscriptions.delete(id)
        yield* expectFailure(core.events.subscriptions.get(id), "OfscNotFound")
        expect((yield* core.events.subscriptions.list()).items?.map((s) => s.subscriptionId)).not.toContain(id)
        yield* expectFailure(core.events.subscriptions.delete(id), "OfscNotFound")
      })
    )

    it.effect("events: a poll brings the subscribed changes made since the cursor, then nothing", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const { subscriptionId, nextPage } = yield* core.events.subscriptions.create({
          subscriptionTitle: "e2e activity events",
          subscriptionConfig: [{ events: ["activityCreated", "activityUpdated"] }]
        })
        const day = upcoming(1)
        const created = yield* core.activities.create({
          resourceId: seeded.technician(16),
          date: day,
          activityType: "install",
          apptNumber: "E2E-EVT-1"
        })
        const activityId = created.activityId as number
        yield* core.activities.update(activityId, { customerName: "Evented" })
        yield* core.activities.delete(activityId)

        const poll = yield* core.events.list({ subscriptionId: subscriptionId!, page: nextPage! })
        const mine = (poll.items ?? []).filter((e) => e.activityDetails?.activityId === activityId)
        expect(mine.map((e) => e.eventType)).toEqual(["activityCreated", "activityUpdated"])
        expect(mine[0]?.activityDetails).toMatchObject({ apptNumber: "E2E-EVT-1", resourceId: seeded.technician(16) })
        for (const e of poll.items ?? []) expect(["activityCreated", "activityUpdated"]).toContain(e.eventType)
        expect(poll.nextPage).toEqual(expect.any(String))

        const empty = yield* core.events.list({ subscriptionId: subscriptionId!, page: poll.nextPage! })
        expect(empty.items ?? []).toEqual([])

        // the stream from the first cursor sees the same events and stops once caught up
        const streamed = yield* Stream.runCollect(
          core.events.stream({ subscriptionId: subscriptionId!, page: nextPage! })
        )
        expect(
          Chunk.toReadonlyArray(streamed)
            .filter((e) => e.activityDetails?.activityId === activityId)
            .map((e) => e.eventType)
        ).toEqual(["activityCreated", "activityUpdated"])

        yield* expectFailure(core.events.list({ subscriptionId: "no-such-subscription" }), "OfscNotFound")
      })
    )

    it.effect("daily extract: folders, files of a folder, download a file", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const folders = yield* core.dailyExtract.folders()
        const names = (folders.items ?? []).map((f) => f.name ?? "")
        expect(names.length).toBeGreaterThan(0)
        for (const name of names) expect(name).toMatch(/^\d{4}-\d\d-\d\d$/)

        const date = names[0]!
        const files = yield* core.dailyExtract.files(date)
        const fileNames = (files.items ?? []).map((f) => f.name ?? "")
        expect(fileNames.length).toBeGreaterThan(0)
        const bytes = yield* core.dailyExtract.download(date, fileNames[0]!)
        expect(bytes.byteLength).toBeGreaterThan(0)

        yield* expectFailure(core.dailyExtract.files("1999-01-01"), "OfscNotFound")
        yield* expectFailure(core.dailyExtract.download(date, "no-such-file.zip"), "OfscNotFound")
      })
    )
  })
