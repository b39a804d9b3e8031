/** End-to-end: every resource operation of ofscCore (and calendars) through OfscCore, against the simulator. */
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { at, plusDays, seeded, seedStart, upcoming } from "./support/data.js"
import { e2eSuite, expectFailure, text, utf8 } from "./support/harness.js"

/** True for a 'YYYY-MM-DD' key (the calendar view keys its days by date, beside `links`). */
const isDate = (key: string): boolean => /^\d{4}-\d\d-\d\d$/.test(key)

/** An ISO 8601 time as OFS writes GPS positions (`2026-11-25T10:00:00+0000`). */
const isoPosition = (date: Date): string => `${date.toISOString().slice(0, 19)}+0000`

/** Registers the resources suite. */
export const coreResourcesSuite = () =>
  e2eSuite("e2e core resources", (it) => {
    it.effect("list, stream, get, children, descendants", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const all = yield* core.resources.list({ limit: 100 })
        expect(all.totalResults).toBe(20)
        expect(all.items?.length).toBe(20)
        const page = yield* core.resources.list({ offset: 5, limit: 5 })
        expect(page.items?.map((r) => r.resourceId)).toEqual(all.items?.slice(5, 10).map((r) => r.resourceId))
        const streamed = yield* Stream.runCollect(core.resources.stream({}, { pageSize: 7 }))
        expect(Chunk.toReadonlyArray(streamed).map((r) => r.resourceId)).toEqual(all.items?.map((r) => r.resourceId))

        const tech = yield* core.resources.get(seeded.technician(1))
        expect(tech).toMatchObject({
          resourceId: "TECH_00001",
          resourceType: "PR",
          parentResourceId: "BUCKET_001",
          status: "active",
          email: "tech1@example.com"
        })
        yield* expectFailure(core.resources.get("NO_SUCH_RESOURCE"), "OfscNotFound")

        const children = yield* core.resources.children.list("BUCKET_001")
        expect(children.items?.length).toBeGreaterThan(0)
        for (const r of children.items ?? []) expect(r.parentResourceId).toBe("BUCKET_001")
        expect(children.items?.map((r) => r.resourceId)).toContain("TECH_00001")
        const descendants = yield* core.resources.descendants.list("ROOT", { limit: 100 })
        expect(descendants.items?.length).toBe(19)
        expect(descendants.items?.map((r) => r.resourceId)).not.toContain("ROOT")
        yield* expectFailure(core.resources.children.list("NO_SUCH_RESOURCE"), "OfscNotFound")
      })
    )

    it.effect("put creates a resource, update changes it, both seen by get and children", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.resources.put("E2E_TECH", {
          name: "E2E Technician",
          resourceType: "PR",
          parentResourceId: "BUCKET_002",
          status: "active",
          language: "en",
          timeZone: "Eastern",
          email: "e2e@example.com"
        })
        expect(created).toMatchObject({
          resourceId: "E2E_TECH",
          name: "E2E Technician",
          parentResourceId: "BUCKET_002"
        })
        expect((yield* core.resources.get("E2E_TECH")).email).toBe("e2e@example.com")

        const updated = yield* core.resources.update("E2E_TECH", {
          name: "E2E Technician (renamed)",
          phone: "+15550199"
        })
        expect(updated).toMatchObject({ resourceId: "E2E_TECH", name: "E2E Technician (renamed)", phone: "+15550199" })
        expect(yield* core.resources.get("E2E_TECH")).toMatchObject({
          name: "E2E Technician (renamed)",
          email: "e2e@example.com"
        })
        const children = yield* core.resources.children.list("BUCKET_002")
        expect(children.items?.map((r) => r.resourceId)).toContain("E2E_TECH")
        expect((yield* core.resources.list()).totalResults).toBe(21)
        yield* expectFailure(core.resources.update("NO_SUCH_RESOURCE", { name: "x" }), "OfscNotFound")
      })
    )

    it.effect("locations: create, list, get, update, assigned locations, delete", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(4)
        const location = yield* core.resources.locations.create(res, {
          label: "home",
          address: "12 Main St",
          city: "Springfield",
          postalCode: "10001",
          country: "US",
          latitude: 40.7,
          longitude: -74.0
        })
        expect(location).toMatchObject({ label: "home", city: "Springfield" })
        const locationId = location.locationId!
        expect(locationId).toEqual(expect.any(Number))
        expect((yield* core.resources.locations.list(res)).items?.map((l) => l.locationId)).toContain(locationId)
        expect(yield* core.resources.locations.get(res, locationId)).toMatchObject({ label: "home", latitude: 40.7 })
        const updated = yield* core.resources.locations.update(res, locationId, { city: "Lakeside" })
        expect(updated.city).toBe("Lakeside")
        expect((yield* core.resources.locations.get(res, locationId)).city).toBe("Lakeside")

        const week = { start: locationId, end: locationId, homeZoneCenter: locationId }
        const assigned = yield* core.resources.assignedLocations.put(res, {
          mon: week,
          tue: week,
          wed: { start: locationId }
        })
        expect(assigned.mon).toMatchObject(week)
        const read = yield* core.resources.assignedLocations.get(res)
        expect(read.mon).toMatchObject(week)
        expect(read.wed?.start).toBe(locationId)

        const day = upcoming(3)
        yield* core.resources.assignedLocations.update(res, { [day]: { start: locationId, end: locationId } })
        yield* core.resources.assignedLocations.delete(res, day)

        yield* core.resources.locations.delete(res, locationId)
        yield* expectFailure(core.resources.locations.get(res, locationId), "OfscNotFound")
        expect((yield* core.resources.locations.list(res)).items?.map((l) => l.locationId) ?? []).not.toContain(
          locationId
        )
      })
    )

    it.effect("positions: set, last known, history, resources in area", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(5)
        const now = new Date()
        // both positions on today's UTC date, even a minute after midnight
        const earlier = new Date(Math.max(now.getTime() - 60_000, Date.parse(now.toISOString().slice(0, 10))))
        const set = yield* core.resources.setPositions({
          items: [
            { resourceId: res, time: isoPosition(earlier), lat: 40.1, lng: -74.1 },
            { resourceId: res, time: isoPosition(now), lat: 40.2, lng: -74.2, spd: 12 }
          ]
        })
        expect(set.itemsProcessed).toBe(2)
        expect(set.itemsFailed ?? 0).toBe(0)

        const last = yield* core.resources.lastKnownPositions({ resources: [res] })
        expect(last.items?.length).toBe(1)
        expect(last.items?.[0]).toMatchObject({ resourceId: res, lat: 40.2, lng: -74.2 })

        const history = yield* core.resources.positionHistory.list(res, { date: now.toISOString().slice(0, 10) })
        expect(history.items?.map((p) => [p.lat, p.lng])).toEqual([
          [40.1, -74.1],
          [40.2, -74.2]
        ])

        const inArea = yield* core.resources.resourcesInArea({ lat: 40.2, lng: -74.2, radius: 1000 })
        expect(inArea.items?.map((r) => r.resourceId)).toContain(res)
        const far = yield* core.resources.resourcesInArea({ lat: -33.9, lng: 151.2, radius: 1000 })
        expect(far.items?.map((r) => r.resourceId) ?? []).not.toContain(res)

        yield* expectFailure(
          core.resources.positionHistory.list("NO_SUCH_RESOURCE", { date: seedStart }),
          "OfscNotFound"
        )
      })
    )

    it.effect("nearby activities: today's pending activities around a point, nearest first, at most limit", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(14)
        // "today" is the resource's own day (its time zone is Eastern)
        const localToday = new Date().toLocaleDateString("en-CA", { timeZone: "America/New_York" })
        const make = (latitude: number, longitude: number) =>
          Effect.map(
            core.activities.create({ resourceId: res, date: localToday, activityType: "repair", latitude, longitude }),
            (a) => a.activityId as number
          )
        const near = yield* make(45.0001, -70.0001)
        const farther = yield* make(45.02, -70.02)
        const nearby = yield* core.resources.findNearbyActivities(res, { latitude: 45, longitude: -70, limit: 5 })
        const ids = (nearby.items ?? []).map((a) => a.activityId)
        expect(ids.slice(0, 2)).toEqual([near, farther])
        const one = yield* core.resources.findNearbyActivities(res, { latitude: 45, longitude: -70, limit: 1 })
        expect((one.items ?? []).map((a) => a.activityId)).toEqual([near])
        yield* expectFailure(
          core.resources.findNearbyActivities("NO_SUCH_RESOURCE", { latitude: 45, longitude: -70 }),
          "OfscNotFound"
        )
      })
    )

    it.effect("routes: get matches the activity list; activate and deactivate are seen by get", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(6)
        const route = yield* core.resources.routes.get(res, seedStart)
        const listed = yield* core.activities.list({ resources: [res], dateFrom: seedStart, dateTo: seedStart })
        expect(route.items?.map((a) => a.activityId).sort()).toEqual(listed.items?.map((a) => a.activityId).sort())
        const streamed = yield* Stream.runCollect(
          core.resources.routes.streamActivities(res, seedStart, {}, { pageSize: 2 })
        )
        expect(Chunk.size(streamed)).toBe(route.items?.length ?? 0)

        const day = upcoming(2)
        yield* core.resources.routes.activate(res, day, { time: at(day, "07:45") })
        expect((yield* core.resources.routes.get(res, day)).routeStartTime).toBe(at(day, "07:45"))
        yield* core.resources.routes.deactivate(res, day, { time: at(day, "17:10") })
        expect((yield* core.resources.routes.get(res, day)).routeEndTime).toBe(at(day, "17:10"))
        yield* expectFailure(core.resources.routes.get("NO_SUCH_RESOURCE", day), "OfscNotFound")
        yield* expectFailure(core.resources.routes.activate("NO_SUCH_RESOURCE", day, {}), "OfscNotFound")
      })
    )

    it.effect("users of a resource: list, put, delete all", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(7)
        expect((yield* core.resources.users.list(res)).items?.map((u) => u.login)).toEqual([seeded.user(7)])
        const put = yield* core.resources.users.put(res, {
          items: [{ login: seeded.user(7) }, { login: seeded.user(8) }]
        })
        expect(put.items?.map((u) => u.login)).toEqual([seeded.user(7), seeded.user(8)])
        expect((yield* core.resources.users.list(res)).items?.map((u) => u.login)).toEqual([
          seeded.user(7),
          seeded.user(8)
        ])
        yield* core.resources.users.deleteAll(res)
        expect((yield* core.resources.users.list(res)).items ?? []).toEqual([])
        yield* expectFailure(core.resources.users.list("NO_SUCH_RESOURCE"), "OfscNotFound")
      })
    )

    it.effect("work schedules: create, list, calendar view, calendars, delete", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(8)
        const from = upcoming(10)
        const to = plusDays(from, 2)
        const created = yield* core.resources.workSchedules.create(res, {
          recordType: "shift",
          shiftLabel: "early",
          startDate: from,
          endDate: to,
          recurrence: { recurrenceType: "daily", recurEvery: 1 }
        })
        const item = created.items?.find((s) => s.shiftLabel === "early")
        expect(item).toMatchObject({ recordType: "shift", startDate: from })
        const itemId = item?.scheduleItemId
        expect(itemId).toEqual(expect.any(Number))
        expect((yield* core.resources.workSchedules.list(res)).items?.map((s) => s.scheduleItemId)).toContain(itemId)

        const view = yield* core.resources.workSchedules.calendarView(res, { dateFrom: from, dateTo: to })
        expect(Object.keys(view).filter(isDate).sort()).toEqual([from, plusDays(from, 1), to])
        // a day worked on a shift shows as `working`, naming the shift (as OFS documents the view)
        expect(view[from]?.regular).toMatchObject({ recordType: "working", shiftLabel: "early" })
        expect(view[from]?.regular?.workTimeStart?.startsWith("06:00")).toBe(true)

        const calendars = yield* core.calendars.list({ resources: [res], dateFrom: from, dateTo: to })
        expect(calendars.items?.map((c) => c.date)).toEqual([from, plusDays(from, 1), to])
        expect(calendars.items?.[0]).toMatchObject({ resourceId: res, regular: { recordType: "working" } })
        const streamedCalendars = yield* Stream.runCollect(
          core.calendars.stream({ resources: [res], dateFrom: from, dateTo: to }, { pageSize: 1 })
        )
        expect(Chunk.size(streamedCalendars)).toBe(3)

        const nonWorking = yield* core.resources.workSchedules.create(res, {
          recordType: "non-working",
          nonWorkingReason: "vacation",
          startDate: plusDays(from, 1),
          endDate: plusDays(from, 1),
          recurrence: { recurrenceType: "daily", recurEvery: 1 }
        })
        expect(nonWorking.items?.some((s) => s.recordType === "non-working")).toBe(true)
        const withVacation = yield* core.resources.workSchedules.calendarView(res, { dateFrom: from, dateTo: to })
        expect(withVacation[plusDays(from, 1)]?.regular).toMatchObject({
          recordType: "non-working",
          nonWorkingReason: "vacation"
        })
        expect(withVacation[from]?.regular?.recordType).toBe("working")

        yield* core.resources.workSchedules.delete(res, String(itemId))
        expect((yield* core.resources.workSchedules.list(res)).items?.map((s) => s.scheduleItemId) ?? []).not.toContain(
          itemId
        )
        const afterDelete = yield* core.resources.workSchedules.calendarView(res, { dateFrom: from, dateTo: from })
        expect(afterDelete[from]?.regular?.shiftLabel).not.toBe("early")
        yield* expectFailure(core.resources.workSchedules.delete(res, String(itemId)), "OfscNotFound")
        yield* expectFailure(
          core.resources.workSchedules.calendarView("NO_SUCH_RESOURCE", { dateFrom: from, dateTo: to }),
          "OfscNotFound"
        )
      })
    )

    it.effect("work skills and work zones of a resource: create, list, delete", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(9)
        const skills = yield* core.resources.workSkills.create(res, [
          { workSkill: "electrical", ratio: 80, startDate: upcoming(0) }
        ])
        expect(skills.items?.find((s) => s.workSkill === "electrical")?.ratio).toBe(80)
        expect((yield* core.resources.workSkills.list(res)).items?.map((s) => s.workSkill)).toContain("electrical")
        yield* core.resources.workSkills.delete(res, "electrical")
        expect((yield* core.resources.workSkills.list(res)).items?.map((s) => s.workSkill) ?? []).not.toContain(
          "electrical"
        )

        yield* core.resources.workZones.create(res, { workZone: "WZ_0003", ratio: 100, startDate: upcoming(0) })
        const zones = yield* core.resources.workZones.list(res)
        const zone = zones.items?.find((z) => z.workZone === "WZ_0003")
        expect(zone).toMatchObject({ workZone: "WZ_0003", ratio: 100, workZoneStatus: "active" })
        expect(zone?.workZoneItemId).toEqual(expect.any(Number))
        yield* core.resources.workZones.delete(res, String(zone?.workZoneItemId))
        expect((yield* core.resources.workZones.list(res)).items?.map((z) => z.workZoneItemId) ?? []).not.toContain(
          zone?.workZoneItemId
        )
        yield* expectFailure(core.resources.workSkills.list("NO_SUCH_RESOURCE"), "OfscNotFound")
        yield* expectFailure(core.resources.workZones.list("NO_SUCH_RESOURCE"), "OfscNotFound")
      })
    )

    it.effect("bulk updates of work skills, zones, schedules and inventories are seen by the reads", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = seeded.technician(10)
        const skills = yield* core.resources.bulkUpdateWorkSkills([
          { resourceId: res, workSkills: [{ workSkill: "fiber", ratio: 50 }] }
        ])
        expect(skills.results?.length).toBe(1)
        expect((yield* core.resources.workSkills.list(res)).items?.find((s) => s.workSkill === "fiber")?.ratio).toBe(50)

        const zones = yield* core.resources.bulkUpdateWorkZones([
          { resourceId: res, workZones: [{ workZone: "WZ_0005", ratio: 60, startDate: upcoming(0) }] }
        ])
        expect(zones.results?.length).toBe(1)
        expect((yield* core.resources.workZones.list(res)).items?.map((z) => z.workZone)).toContain("WZ_0005")

        const day = upcoming(12)
        const schedules = yield* core.resources.bulkUpdateWorkSchedules([
          {
            resourceId: res,
            workSchedules: [
              {
                recordType: "shift",
                shiftLabel: "late",
                startDate: day,
                endDate: day,
                recurrence: { recurrenceType: "daily", recurEvery: 1 }
              }
            ]
          }
        ])
        expect(schedules.results?.length).toBe(1)
        const view = yield* core.resources.workSchedules.calendarView(res, { dateFrom: day, dateTo: day })
        expect(view[day]?.regular?.shiftLabel).toBe("late")

        const inventories = yield* core.resources.bulkUpdateInventories({
          resources: [{ resourceId: res, inventories: [{ inventoryType: "cable", quantity: 25 }] }]
        })
        expect((inventories.created ?? 0) + (inventories.updated ?? 0)).toBe(1)
        const stock = yield* core.resources.inventories.list(res)
        expect(stock.items?.find((i) => i.inventoryType === "cable")).toMatchObject({
          quantity: 25,
          status: "resource"
        })
      })
    )

    it.effect("plans: create, list, delete", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const res = "BUCKET_001"
        const day = upcoming(4)
        yield* core.resources.plans.create(res, { measure: "points", value: 120, date: day })
        const plans = yield* core.resources.plans.list(res, { dateFrom: day, dateTo: day })
        expect(plans?.items?.map(({ date, measure, value }) => ({ date, measure, value }))).toEqual([
          { measure: "points", value: 120, date: day }
        ])
        yield* core.resources.plans.delete(res, { measure: "points", date: day })
        const after = yield* core.resources.plans.list(res, { dateFrom: day, dateTo: day })
        expect(after?.items ?? []).toEqual([])
      })
    )

    it.effect("assistants, matching resources and resources for urgent assignment", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const assistants = yield* core.resources.assistants.list(seeded.technician(11), { dateFrom: seedStart })
        for (const day of assistants.items ?? []) expect(day.date).toBe(seedStart)

        const matching = yield* core.resources.findMatchingResources({
          date: seedStart,
          activity: { activityType: "install", latitude: 40.5, longitude: -74.5, duration: 60 },
          criteria: { includeResources: "technicians" },
          limit: 5
        })
        expect((matching.items ?? []).length).toBeGreaterThan(0)
        expect((matching.items ?? []).length).toBeLessThanOrEqual(5)
        for (const m of matching.items ?? []) expect(m.resource?.resourceId).toMatch(/^TECH_/)

        const urgent = yield* core.resources.findResourcesForUrgentAssignment({
          activity: { activityType: "repair", latitude: 40.5, longitude: -74.5 }
        })
        expect((urgent.items ?? []).length).toBeGreaterThan(0)
        for (const u of urgent.items ?? []) expect(u.resourceDetails?.resourceId).toMatch(/^TECH_/)
        yield* expectFailure(
          core.resources.assistants.list("NO_SUCH_RESOURCE", { dateFrom: seedStart }),
          "OfscNotFound"
        )
      })
    )

    it.effect("file property of a resource: put, get, delete then not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const meta = yield* OfscMetadata
        yield* meta.properties.put("XR_BADGE", {
          label: "XR_BADGE",
          name: "Badge photo",
          type: "file",
          entity: "resource",
          gui: "image"
        })
        const res = seeded.technician(12)
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
        yield* core.resources.files.put(res, "XR_BADGE", { data: png, contentType: "image/png", filename: "badge.png" })
        expect([...(yield* core.resources.files.get(res, "XR_BADGE"))]).toEqual([...png])
        yield* core.resources.files.put(res, "XR_BADGE", { data: utf8("v2"), contentType: "text/plain" })
        expect(text(yield* core.resources.files.get(res, "XR_BADGE"))).toBe("v2")
        yield* core.resources.files.delete(res, "XR_BADGE")
        yield* expectFailure(core.resources.files.get(res, "XR_BADGE"), "OfscNotFound")
      })
    )
  })
