/** End-to-end: every activity operation of ofscCore through OfscCore, against the simulator. */
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import type { CreateActivitySchemaInput } from "@ofsc/models/core"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { at, plusDays, seeded, seedStart, upcoming } from "./support/data.js"
import { e2eSuite, expectFailure, text, utf8 } from "./support/harness.js"

const tech1 = seeded.technician(1)
const tech2 = seeded.technician(2)

/** A new activity for `resourceId` on `date`; every call gets its own appointment number. */
let appointments = 0
const newActivity = (resourceId: string, date: string, extra: Partial<CreateActivitySchemaInput> = {}) =>
  Effect.flatMap(OfscCore, (core) =>
    core.activities.create({
      resourceId,
      date,
      activityType: "install",
      apptNumber: `E2E-${++appointments}`,
      customerName: `Customer ${appointments}`,
      city: "Springfield",
      duration: 60,
      timeSlot: "08-10",
      ...extra
    })
  )

/** The id of an activity the simulator answered (every activity it creates has one). */
const idOf = (activity: { readonly activityId?: number | undefined }): number => {
  expect(activity.activityId).toEqual(expect.any(Number))
  return activity.activityId as number
}

/** Registers the activities suite. */
export const coreActivitiesSuite = () =>
  e2eSuite("e2e core activities", (it) => {
    it.effect("list by resource and dates, stream it in pages, search by appointment number", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const query = { resources: [tech1], dateFrom: seedStart, dateTo: plusDays(seedStart, 2) }
        const page = yield* core.activities.list({ ...query, limit: 100 })
        const items = page.items ?? []
        expect(items.length).toBeGreaterThan(0)
        for (const a of items) {
          expect(a.resourceId).toBe(tech1)
          expect(a.date! >= seedStart && a.date! <= plusDays(seedStart, 2)).toBe(true)
        }
        const streamed = yield* Stream.runCollect(core.activities.stream(query, { pageSize: 3 }))
        expect(Chunk.toReadonlyArray(streamed).map((a) => a.activityId)).toEqual(items.map((a) => a.activityId))
        const firstTwo = yield* core.activities.list({ ...query, limit: 2 })
        expect(firstTwo.items?.map((a) => a.activityId)).toEqual(items.slice(0, 2).map((a) => a.activityId))
        expect(firstTwo.hasMore).toBe(items.length > 2)

        const target = items[0]!
        const found = yield* core.activities.search({
          searchInField: "apptNumber",
          searchForValue: target.apptNumber!,
          dateFrom: seedStart,
          dateTo: plusDays(seedStart, 9)
        })
        expect(found.items?.map((a) => a.activityId)).toEqual([target.activityId])
        const none = yield* core.activities.search({ searchInField: "apptNumber", searchForValue: "NO-SUCH-APPT" })
        expect(none.items ?? []).toEqual([])
      })
    )

    it.effect("create then get, update then get, delete then get is not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(1)
        const created = yield* newActivity(tech1, day, { customerPhone: "+15550100", XA_PRIORITY: "high" })
        const id = idOf(created)
        expect(created).toMatchObject({ resourceId: tech1, date: day, activityType: "install", status: "pending" })

        const read = yield* core.activities.get(id)
        expect(read).toMatchObject({ activityId: id, apptNumber: created.apptNumber, customerPhone: "+15550100" })
        expect(read.XA_PRIORITY).toBe("high")

        const updated = yield* core.activities.update(id, { customerName: "Renamed customer", duration: 90 })
        expect(updated).toMatchObject({ activityId: id, customerName: "Renamed customer", duration: 90 })
        expect(yield* core.activities.get(id)).toMatchObject({ customerName: "Renamed customer", duration: 90 })

        const listed = yield* core.activities.list({ resources: [tech1], dateFrom: day, dateTo: day })
        expect(listed.items?.map((a) => a.activityId)).toContain(id)

        yield* core.activities.delete(id)
        yield* expectFailure(core.activities.get(id), "OfscNotFound")
        yield* expectFailure(core.activities.update(id, { customerName: "gone" }), "OfscNotFound")
        yield* expectFailure(core.activities.delete(id), "OfscNotFound")
      })
    )

    it.effect("bulk update creates by appointment number, then updates the same activity", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(2)
        const item = { apptNumber: "E2E-BULK-1", resourceId: tech2, date: day, activityType: "repair" }
        const first = yield* core.activities.bulkUpdate({
          updateParameters: { identifyActivityBy: "apptNumber", ifInFinalStatusThen: "doNothing" },
          activities: [{ ...item, customerName: "Bulk one" }]
        })
        expect(first.results?.length).toBe(1)
        const search = () =>
          core.activities.search({
            searchInField: "apptNumber",
            searchForValue: "E2E-BULK-1",
            dateFrom: day,
            dateTo: day
          })
        const afterCreate = yield* search()
        expect(afterCreate.items?.length).toBe(1)
        // the created activity's id comes back as an integer, as OFS sends it
        expect(first.results?.[0]?.activityKeys?.activityId).toBe(afterCreate.items?.[0]?.activityId)
        expect(first.results?.[0]?.activityKeys?.activityId).toEqual(expect.any(Number))
        expect(afterCreate.items?.[0]).toMatchObject({
          customerName: "Bulk one",
          resourceId: tech2,
          activityType: "repair"
        })

        yield* core.activities.bulkUpdate({
          updateParameters: { identifyActivityBy: "apptNumber", ifInFinalStatusThen: "doNothing" },
          activities: [{ ...item, customerName: "Bulk one, updated" }]
        })
        const afterUpdate = yield* search()
        expect(afterUpdate.items?.map((a) => a.activityId)).toEqual(afterCreate.items?.map((a) => a.activityId))
        expect(afterUpdate.items?.[0]?.customerName).toBe("Bulk one, updated")
      })
    )

    it.effect("status lifecycle: enroute, stop travel, start, delay, complete, reopen", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(1)
        yield* core.resources.routes.activate(tech2, day, { time: at(day, "07:30") })
        const id = idOf(yield* newActivity(tech2, day, { setPositionInRoute: { position: "first" } }))

        expect((yield* core.activities.enroute(id)).status).toBe("enroute")
        expect((yield* core.activities.get(id)).status).toBe("enroute")
        expect((yield* core.activities.stopTravel(id)).status).toBe("pending")
        expect((yield* core.activities.get(id)).status).toBe("pending")

        const started = yield* core.activities.start(id, { time: at(day, "08:05") })
        expect(started).toMatchObject({ activityId: id, status: "started" })
        expect((yield* core.activities.get(id)).startTime).toBe(at(day, "08:05"))
        // started activities cannot travel or be cancelled
        yield* expectFailure(core.activities.enroute(id), "OfscConflict")
        yield* expectFailure(core.activities.cancel(id, {}), "OfscConflict")

        // delay extends a started activity's duration
        const delayed = yield* core.activities.delay(id, { delayMinutes: 30 })
        expect(delayed).toMatchObject({ status: "started", duration: (started.duration ?? 0) + 30 })
        expect((yield* core.activities.get(id)).duration).toBe((started.duration ?? 0) + 30)

        const completed = yield* core.activities.complete(id, { time: at(day, "09:40") })
        expect(completed).toMatchObject({ activityId: id, status: "completed" })
        expect(yield* core.activities.get(id)).toMatchObject({ status: "completed", endTime: at(day, "09:40") })
        yield* expectFailure(core.activities.complete(id, {}), "OfscConflict")

        const reopened = yield* core.activities.reopen(id, { setPositionInRoute: { position: "last" } })
        expect(reopened.status).toBe("pending")
        expect(reopened.activityId).not.toBe(id)
        expect(reopened.apptNumber).toBe(completed.apptNumber)
        expect((yield* core.activities.get(idOf(reopened))).status).toBe("pending")
        expect((yield* core.activities.get(id)).status).toBe("completed")
      })
    )

    it.effect("status lifecycle: not done, cancel, suspend, prework, and refusals", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(1)
        yield* core.resources.routes.activate(tech1, day, { time: at(day, "07:00") })

        const a = idOf(yield* newActivity(tech1, day))
        yield* core.activities.start(a, {})
        expect((yield* core.activities.notDone(a, { time: at(day, "08:30") })).status).toBe("notdone")
        expect((yield* core.activities.get(a)).status).toBe("notdone")

        const b = idOf(yield* newActivity(tech1, day))
        // only started activities can be completed
        yield* expectFailure(core.activities.complete(b, {}), "OfscConflict")
        expect((yield* core.activities.cancel(b, {})).status).toBe("cancelled")
        expect((yield* core.activities.get(b)).status).toBe("cancelled")
        yield* expectFailure(core.activities.start(b, {}), "OfscConflict")

        // suspending a started activity: the activity goes back to pending, a suspended copy records the visit
        const c = idOf(yield* newActivity(tech1, day))
        yield* core.activities.start(c, { time: at(day, "10:00") })
        const suspended = yield* core.activities.suspend(c, { time: at(day, "10:45") })
        expect(suspended.activityId).toEqual(expect.any(Number))
        expect((yield* core.activities.get(c)).status).toBe("pending")
        const copies = yield* core.activities.search({
          searchInField: "apptNumber",
          searchForValue: suspended.apptNumber!,
          dateFrom: day,
          dateTo: day
        })
        expect(copies.items?.map((x) => x.status).sort()).toEqual(["pending", "suspended"])

        const d = idOf(yield* newActivity(tech1, day))
        // prework is a started activity of its own; the activity it prepares stays pending
        const prework = yield* core.activities.startPrework(d, { time: at(day, "11:00") })
        expect(prework).toMatchObject({ status: "started", recordType: "prework" })
        expect(prework.activityId).not.toBe(d)
        expect((yield* core.activities.get(d)).status).toBe("pending")

        yield* expectFailure(core.activities.start(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(core.activities.complete(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(core.activities.notDone(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(core.activities.suspend(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(core.activities.cancel(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(core.activities.enroute(99_999_999), "OfscNotFound")
        yield* expectFailure(core.activities.stopTravel(99_999_999), "OfscNotFound")
        yield* expectFailure(core.activities.delay(99_999_999, { delayMinutes: 5 }), "OfscNotFound")
        yield* expectFailure(core.activities.startPrework(99_999_999, {}), "OfscNotFound")
        yield* expectFailure(
          core.activities.reopen(99_999_999, { setPositionInRoute: { position: "last" } }),
          "OfscNotFound"
        )
      })
    )

    it.effect("create refuses an unknown resource or activity type, and nothing is created", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(8)
        yield* expectFailure(newActivity("NO_SUCH_RESOURCE", day), "OfscBadRequest")
        yield* expectFailure(newActivity(tech1, day, { activityType: "no_such_type" }), "OfscBadRequest")
        const listed = yield* core.activities.list({ resources: [tech1], dateFrom: day, dateTo: day })
        expect(listed.items ?? []).toEqual([])
      })
    )

    it.effect("move to another resource and date, then get sees both", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const id = idOf(yield* newActivity(tech1, upcoming(3)))
        yield* core.activities.move(id, { setResource: { resourceId: tech2 }, setDate: { date: upcoming(4) } })
        expect(yield* core.activities.get(id)).toMatchObject({ resourceId: tech2, date: upcoming(4) })
        const onNewDay = yield* core.activities.list({ resources: [tech2], dateFrom: upcoming(4), dateTo: upcoming(4) })
        expect(onNewDay.items?.map((a) => a.activityId)).toContain(id)
        yield* expectFailure(core.activities.move(99_999_999, { setDate: { date: upcoming(4) } }), "OfscNotFound")
      })
    )

    it.effect("capacity categories, multiday segments and submitted forms of an activity", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const meta = yield* OfscMetadata
        const id = idOf(yield* newActivity(tech1, upcoming(5)))
        const known = ((yield* meta.capacityCategories.list()).items ?? []).map((c) => c.label)
        const categories = yield* core.activities.capacityCategories.list(id)
        for (const c of categories.items ?? []) expect(known).toContain(c.capacityCategory)

        const segments = yield* core.activities.multidaySegments.list(id)
        expect(segments.items ?? []).toEqual([])
        const forms = yield* core.activities.submittedForms.list(id, { limit: 10 })
        expect(forms.items ?? []).toEqual([])
        expect(forms.totalResults ?? 0).toBe(0)

        yield* expectFailure(core.activities.capacityCategories.list(99_999_999), "OfscNotFound")
        yield* expectFailure(core.activities.multidaySegments.list(99_999_999), "OfscNotFound")
        yield* expectFailure(core.activities.submittedForms.list(99_999_999), "OfscNotFound")
      })
    )

    it.effect("customer inventories: create then list", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const id = idOf(yield* newActivity(tech1, upcoming(5)))
        const created = yield* core.activities.customerInventories.create(id, {
          inventoryType: "router",
          serialNumber: "SN-E2E-CUST-1",
          quantity: 1
        })
        expect(created).toMatchObject({ activityId: id, status: "customer", serialNumber: "SN-E2E-CUST-1" })
        expect(created.inventoryId).toEqual(expect.any(Number))
        const listed = yield* core.activities.customerInventories.list(id)
        expect(listed.items?.map((i) => i.serialNumber)).toEqual(["SN-E2E-CUST-1"])
        expect((yield* core.inventories.get(created.inventoryId!)).status).toBe("customer")
        const installed = yield* core.activities.installedInventories.list(id)
        expect(installed.items ?? []).toEqual([])
        const deinstalled = yield* core.activities.deinstalledInventories.list(id)
        expect(deinstalled.items ?? []).toEqual([])
        yield* expectFailure(core.activities.customerInventories.list(99_999_999), "OfscNotFound")
      })
    )

    it.effect("linked activities: create, list, get, put, delete, delete all", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(6)
        const a = idOf(yield* newActivity(tech1, day))
        const b = idOf(yield* newActivity(tech1, day))
        const c = idOf(yield* newActivity(tech2, day))

        const link = yield* core.activities.linkedActivities.create(String(a), {
          fromActivityId: a,
          toActivityId: b,
          linkType: "start_after"
        })
        expect(link).toMatchObject({ fromActivityId: a, toActivityId: b, linkType: "start_after" })
        const listed = yield* core.activities.linkedActivities.list(String(a))
        expect(listed.items?.map((l) => [l.fromActivityId, l.toActivityId, l.linkType])).toEqual([
          [a, b, "start_after"]
        ])
        const read = yield* core.activities.linkedActivities.get(String(a), String(b), "start_after")
        expect(read).toMatchObject({ fromActivityId: a, toActivityId: b })

        const put = yield* core.activities.linkedActivities.put(String(a), String(b), "start_after", {
          fromActivityId: a,
          toActivityId: b,
          linkType: "start_after",
          minIntervalValue: 15,
          maxIntervalValue: 120
        })
        expect(put).toMatchObject({ minIntervalValue: 15, maxIntervalValue: 120 })
        expect(yield* core.activities.linkedActivities.get(String(a), String(b), "start_after")).toMatchObject({
          minIntervalValue: 15,
          maxIntervalValue: 120
        })

        yield* core.activities.linkedActivities.delete(String(a), String(b), "start_after")
        yield* expectFailure(core.activities.linkedActivities.get(String(a), String(b), "start_after"), "OfscNotFound")

        yield* core.activities.linkedActivities.create(String(a), {
          fromActivityId: a,
          toActivityId: b,
          linkType: "start_after"
        })
        yield* core.activities.linkedActivities.create(String(a), {
          fromActivityId: a,
          toActivityId: c,
          linkType: "start_after"
        })
        expect((yield* core.activities.linkedActivities.list(String(a))).items?.length).toBe(2)
        yield* core.activities.linkedActivities.deleteAll(String(a))
        expect((yield* core.activities.linkedActivities.list(String(a))).items ?? []).toEqual([])
        yield* expectFailure(core.activities.linkedActivities.list("99999999"), "OfscNotFound")
      })
    )

    it.effect("required inventories: put, list, delete all", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const id = String(idOf(yield* newActivity(tech2, upcoming(6))))
        yield* core.activities.requiredInventories.put(id, {
          items: [
            { inventoryType: "cable", model: "CAT6", quantity: 3 },
            { inventoryType: "router", model: "RX-100", quantity: 1 }
          ]
        })
        const listed = yield* core.activities.requiredInventories.list(id)
        expect(listed.items).toEqual([
          { inventoryType: "cable", model: "CAT6", quantity: 3 },
          { inventoryType: "router", model: "RX-100", quantity: 1 }
        ])
        // PUT replaces the whole list
        yield* core.activities.requiredInventories.put(id, {
          items: [{ inventoryType: "modem", model: "M1", quantity: 2 }]
        })
        expect((yield* core.activities.requiredInventories.list(id)).items?.map((i) => i.model)).toEqual(["M1"])
        yield* core.activities.requiredInventories.deleteAll(id)
        expect((yield* core.activities.requiredInventories.list(id)).items ?? []).toEqual([])
        yield* expectFailure(core.activities.requiredInventories.list("99999999"), "OfscNotFound")
      })
    )

    it.effect("resource preferences: put, list, delete all", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const id = String(idOf(yield* newActivity(tech2, upcoming(6))))
        yield* core.activities.resourcePreferences.put(id, {
          items: [
            { resourceId: tech1, preferenceType: "preferred" },
            { resourceId: seeded.technician(3), preferenceType: "forbidden" }
          ]
        })
        const listed = yield* core.activities.resourcePreferences.list(id)
        expect(listed.items).toEqual([
          { resourceId: tech1, preferenceType: "preferred" },
          { resourceId: seeded.technician(3), preferenceType: "forbidden" }
        ])
        yield* core.activities.resourcePreferences.deleteAll(id)
        expect((yield* core.activities.resourcePreferences.list(id)).items ?? []).toEqual([])
        yield* expectFailure(core.activities.resourcePreferences.list("99999999"), "OfscNotFound")
      })
    )

    it.effect("file property: put bytes, get the same bytes, delete then get is not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const id = idOf(yield* newActivity(tech1, upcoming(7)))
        const signature = "signed by the customer"
        yield* core.activities.files.put(id, "csign", {
          data: utf8(signature),
          contentType: "text/plain",
          filename: "signature.txt"
        })
        expect(text(yield* core.activities.files.get(id, "csign"))).toBe(signature)
        yield* core.activities.files.delete(id, "csign")
        yield* expectFailure(core.activities.files.get(id, "csign"), "OfscNotFound")
        yield* expectFailure(core.activities.files.get(99_999_999, "csign"), "OfscNotFound")
      })
    )
  })
