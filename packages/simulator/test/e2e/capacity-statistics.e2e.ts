/** End-to-end: every ofscCapacity and ofscStatistics operation, against the simulator. */
import { OfscCapacity } from "@ofsc/capacity"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscStatistics } from "@ofsc/statistics"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { seeded, upcoming } from "./support/data.js"
import { e2eSuite } from "./support/harness.js"

const area = "BUCKET_001"

/** Registers the capacity/statistics suite. */
export const capacityStatisticsSuite = () =>
  e2eSuite("e2e capacity and statistics", (it) => {
    it.effect("available capacity of an area on a day", () =>
      Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const day = upcoming(3)
        const result = yield* capacity.availableCapacity.get({ dates: [day], areas: [area] })
        expect(result.items?.map((i) => i.date)).toEqual([day])
        expect(result.items?.[0]?.areas?.map((a) => a.label)).toEqual([area])
        // counts and minutes come as one object of parallel arrays, as OFS sends them
        const calendar = result.items?.[0]?.areas?.[0]?.calendar
        expect(Array.isArray(calendar)).toBe(false)
        expect(calendar?.count?.length).toBe(calendar?.minutes?.length)
      })
    )

    it.effect("quota v1 and v2: patch then get sees the new quota", () =>
      Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const day = upcoming(4)
        const v1 = yield* capacity.quota.updateV1({ items: [{ date: day, areas: [{ label: area, quota: 480 }] }] })
        expect(v1.results?.updatedFieldCount).toBeGreaterThanOrEqual(1)
        const readV1 = yield* capacity.quota.getV1({ dates: [day], areas: [area] })
        expect(readV1.items?.[0]?.date).toBe(day)
        expect(readV1.items?.[0]?.areas?.find((a) => a.label === area)?.quota).toBe(480)

        const later = upcoming(5)
        const v2 = yield* capacity.quota.update({
          items: [{ date: later, areas: [{ label: area, quota: 600, quotaIsClosed: true }] }]
        })
        expect(v2.errorsCount ?? 0).toBe(0)
        const readV2 = yield* capacity.quota.get({ dates: [later], areas: [area] })
        expect(readV2.items?.[0]?.areas?.find((a) => a.label === area)).toMatchObject({
          quota: 600,
          quotaIsClosed: true
        })
      })
    )

    it.effect("booking closing schedule and booking statuses: patch then read", () =>
      Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const patched = yield* capacity.bookingClosingSchedule.update({
          items: [{ area, dayOffset: 1, category: "install", closeTime: "18:00" }]
        })
        expect(patched.results?.updatedFieldCount).toBeGreaterThanOrEqual(1)
        const schedule = yield* capacity.bookingClosingSchedule.get({ areas: [area] })
        expect(schedule.items?.find((s) => s.area === area && s.dayOffset === 1)).toMatchObject({
          category: "install",
          closeTime: "18:00"
        })

        const day = upcoming(6)
        const statuses = yield* capacity.bookingStatuses.update({
          items: [{ date: day, area, statuses: [{ category: "install", state: "closed" }] }]
        })
        expect(statuses.results?.updatedFieldCount).toBeGreaterThanOrEqual(1)
        const read = yield* capacity.bookingStatuses.list({ dates: day, areas: [area] })
        const status = read.items?.find((s) => s.area === area && s.date === day)
        expect(status?.statuses?.find((s) => s.category === "install")?.bookingStatus?.state).toBe("closed")
      })
    )

    it.effect("booking options, booking grid and booking field dependencies", () =>
      Effect.gen(function* () {
        const capacity = yield* OfscCapacity
        const meta = yield* OfscMetadata
        const slots = ((yield* meta.timeSlots.list()).items ?? []).map((s) => s.label)
        const day = upcoming(7)

        const options = yield* capacity.activityBookingOptions.get({ dates: [day], activityType: "install" })
        expect(options.dates?.map((d) => d.date)).toEqual([day])

        const grid = yield* capacity.bookingGrid.show({
          activity: { activityType: "install", timeZone: "Eastern" },
          dateFrom: day,
          includeTimeSlotsDictionary: true
        })
        expect((grid.timeSlotsDictionary ?? []).length).toBeGreaterThan(0)
        for (const s of grid.timeSlotsDictionary ?? []) expect(slots).toContain(s.label)

        const dependencies = yield* capacity.bookingFieldsDependencies.get()
        const all = [
          ...(dependencies.commonDependencies ?? []),
          ...(dependencies.durationDependencies ?? []),
          ...(dependencies.travelTimeDependencies ?? []),
          ...(dependencies.workZoneDependencies ?? []),
          ...(dependencies.workSkillDependencies ?? [])
        ]
        expect(all.length).toBeGreaterThan(0)
      })
    )

    it.effect("activity duration statistics: patch an override, then list sees it", () =>
      Effect.gen(function* () {
        const stats = yield* OfscStatistics
        const resourceId = seeded.technician(1)
        const patched = yield* stats.activityDurationStats.update({
          items: [{ resourceId, akey: "install", override: 75 }]
        })
        expect(patched.results?.updatedRecords).toBe(1)
        const read = yield* stats.activityDurationStats.list({ resourceId, akey: "install" })
        expect(read.items?.find((d) => d.resourceId === resourceId && d.akey === "install")?.override).toBe(75)
        const streamed = yield* Stream.runCollect(stats.activityDurationStats.stream({ resourceId }, { pageSize: 5 }))
        expect(Chunk.toReadonlyArray(streamed).some((d) => d.akey === "install" && d.override === 75)).toBe(true)
      })
    )

    it.effect("activity travel statistics: patch an override, then list sees it", () =>
      Effect.gen(function* () {
        const stats = yield* OfscStatistics
        const patched = yield* stats.activityTravelStats.update({
          items: [{ fkey: "10001", tkey: "10008", override: 25 }]
        })
        expect(patched.results?.updatedRecords).toBe(1)
        const read = yield* stats.activityTravelStats.list({ fkey: "10001", tkey: "10008" })
        expect(read.items?.find((t) => t.fkey === "10001" && t.tkey === "10008")?.override).toBe(25)
      })
    )

    it.effect("airline distance based travel: patch an override, then list sees it", () =>
      Effect.gen(function* () {
        const stats = yield* OfscStatistics
        const patched = yield* stats.airlineDistanceBasedTravel.update({
          items: [{ level: "company", data: [{ distance: 10, override: 20 }] }]
        })
        expect(patched.results?.updatedRecords).toBe(1)
        const read = yield* stats.airlineDistanceBasedTravel.list({ level: "company" })
        const company = read.items?.find((t) => t.level === "company")
        expect(company?.data?.find((d) => d.distance === 10)?.override).toBe(20)
      })
    )
  })
