import { it } from "@effect/vitest"
import { OfscCapacity } from "@ofsc/capacity"
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscStatistics } from "@ofsc/statistics"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { Simulator } from "../src/index.js"
import { send, servicesFor } from "./support/engineClient.js"

/** A small simulator and the API services pointed at it. */
const withSimulator = <A, E, R>(
  body: (sim: Simulator["Type"]) => Effect.Effect<A, E, R>,
  options: Parameters<typeof Simulator.scoped>[0] = {}
) =>
  Effect.gen(function* () {
    const sim = yield* Simulator.scoped(options)
    return yield* body(sim).pipe(Effect.provide(servicesFor(sim)))
  })

describe("generic engine", () => {
  it.scopedLive("lists with the OFS paging envelope, capping the page at 100", () =>
    withSimulator(
      (sim) =>
        Effect.gen(function* () {
          const core = yield* OfscCore
          const first = yield* core.resources.list({ limit: 500 })
          expect(first).toMatchObject({ totalResults: 200, offset: 0, limit: 100, hasMore: true })
          expect(first.items).toHaveLength(100)
          const last = yield* core.resources.list({ offset: 150, limit: 100 })
          expect(last).toMatchObject({ totalResults: 200, offset: 150, hasMore: false })
          expect(last.items?.map((r) => r.resourceId)).toEqual(sim.data.resources.slice(150).map((r) => r.resourceId))
        }),
      { size: "medium" }
    )
  )

  it.scopedLive(
    "PUT creates (201) then replaces (200) a work skill, GET sees it, DELETE removes it (204, then 404)",
    () =>
      withSimulator((sim) =>
        Effect.gen(function* () {
          const metadata = yield* OfscMetadata
          const created = yield* send(sim, "PUT", "/rest/ofscMetadata/v1/workSkills/welding", {
            name: "Welding",
            active: true,
            sharing: "maximal"
          })
          expect(created.status).toBe(201)
          const replaced = yield* metadata.workSkills.put("welding", {
            name: "Welding (certified)",
            active: false,
            sharing: "minimal"
          })
          expect(replaced).toMatchObject({ label: "welding", name: "Welding (certified)", active: false })
          const again = yield* send(sim, "PUT", "/rest/ofscMetadata/v1/workSkills/welding", {
            active: false,
            sharing: "minimal"
          })
          expect(again.status).toBe(200)
          const read = yield* metadata.workSkills.get("welding")
          expect(read).toMatchObject({ label: "welding", active: false, sharing: "minimal" })
          const listed = yield* metadata.workSkills.list()
          expect(listed.items?.map((s) => s.label)).toContain("welding")

          const deleted = yield* send(sim, "DELETE", "/rest/ofscMetadata/v1/workSkills/welding")
          expect(deleted.status).toBe(204)
          const missing = yield* Effect.flip(metadata.workSkills.get("welding"))
          expect(missing).toMatchObject({
            _tag: "OfscNotFound",
            status: 404,
            title: "Not Found",
            detail: "workSkills 'welding' not found"
          })
          const deleteAgain = yield* send(sim, "DELETE", "/rest/ofscMetadata/v1/workSkills/welding")
          expect(deleteAgain).toMatchObject({ status: 404, json: { status: "404", title: "Not Found" } })
        })
      )
  )

  it.scopedLive("PATCH merges fields into a resource; a later GET sees the new and the untouched fields", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const before = sim.data.resources.find((r) => r.resourceId === "TECH_00002")
        const patched = yield* core.resources.update("TECH_00002", { name: "Renamed Tech", status: "inactive" })
        expect(patched).toMatchObject({ resourceId: "TECH_00002", name: "Renamed Tech", status: "inactive" })
        const read = yield* core.resources.get("TECH_00002")
        expect(read).toMatchObject({ name: "Renamed Tech", status: "inactive", email: before?.email })
        const unknown = yield* Effect.flip(core.resources.update("NOBODY", { name: "x" }))
        expect(unknown).toMatchObject({ _tag: "OfscNotFound", status: 404 })
      })
    )
  )

  it.scopedLive("POST creates activities and inventories with server-assigned ids (201) that GET then finds", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.activities.create({
          activityType: "install",
          resourceId: "TECH_00003",
          date: "2026-11-05",
          customerName: "Ada Lovelace"
        })
        const highestSeeded = Math.max(...sim.data.activities.map((a) => Number(a.activityId)))
        expect(created.activityId).toBeGreaterThan(highestSeeded)
        expect(created).toMatchObject({ activityType: "install", status: "pending", customerName: "Ada Lovelace" })
        const read = yield* core.activities.get(created.activityId as number)
        expect(read).toMatchObject({ activityId: created.activityId, resourceId: "TECH_00003", date: "2026-11-05" })

        const raw = yield* send(sim, "POST", "/rest/ofscCore/v1/inventories", {
          inventoryType: "router",
          serialNumber: "SN-1"
        })
        expect(raw.status).toBe(201)
        const first = raw.json as { inventoryId: number }
        const second = yield* core.inventories.create({
          inventoryType: "modem",
          serialNumber: "SN-2",
          resourceId: "TECH_00003"
        })
        expect(second.inventoryId).toBe(first.inventoryId + 1)
        expect(yield* core.inventories.get(first.inventoryId)).toMatchObject({
          serialNumber: "SN-1",
          inventoryType: "router"
        })
        // a resource's inventory list is a view on the same inventories
        const owned = yield* core.resources.inventories.list("TECH_00003")
        const carried = sim.data.inventories.filter((i) => i.resourceId === "TECH_00003" && i.status === "resource")
        expect(owned.items?.map((i) => i.inventoryId)).toEqual([
          ...carried.map((i) => i.inventoryId),
          second.inventoryId
        ])
      })
    )
  )

  it.scopedLive("sub-collections belong to their parent; an unknown parent answers 404", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const location = yield* core.resources.locations.create("TECH_00004", { label: "depot", city: "Riverton" })
        expect(location.locationId).toBeTypeOf("number")
        const mine = yield* core.resources.locations.list("TECH_00004")
        expect(mine.items?.map((l) => l.label)).toEqual(["depot"])
        const theirs = yield* core.resources.locations.list("TECH_00005")
        expect(theirs.items ?? []).toEqual([])
        const moved = yield* core.resources.locations.update("TECH_00004", location.locationId as number, {
          city: "Lakeside"
        })
        expect(moved).toMatchObject({ label: "depot", city: "Lakeside" })
        const orphan = yield* send(sim, "GET", "/rest/ofscCore/v1/resources/NOBODY/locations")
        expect(orphan).toMatchObject({
          status: 404,
          json: { title: "Not Found", detail: "resources 'NOBODY' not found" }
        })
      })
    )
  )

  it.scopedLive("a body that breaks the schema answers 400 naming the field, and nothing is stored", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const bad = yield* send(sim, "PUT", "/rest/ofscMetadata/v1/workSkills/bogus", {
          name: "Bogus",
          active: "yes",
          sharing: "maximal"
        })
        expect(bad.status).toBe(400)
        expect(bad.json).toMatchObject({ status: "400", title: "Bad Request" })
        expect((bad.json as { detail: string }).detail).toMatch(/^body\.active: Expected boolean, actual "yes"/)
        const enumBad = yield* send(sim, "PUT", "/rest/ofscMetadata/v1/workSkills/bogus", {
          active: true,
          sharing: "all"
        })
        expect((enumBad.json as { detail: string }).detail).toContain("body.sharing")
        const after = yield* send(sim, "GET", "/rest/ofscMetadata/v1/workSkills/bogus")
        expect(after.status).toBe(404)
        const badQuery = yield* send(sim, "GET", "/rest/ofscCore/v1/resources?limit=ten")
        expect(badQuery.status).toBe(400)
        expect((badQuery.json as { detail: string }).detail).toContain("query.limit")
      })
    )
  )

  it.scopedLive("operations that are not CRUD answer bodies that decode with their success schema", () =>
    withSimulator(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const metadata = yield* OfscMetadata
        const capacity = yield* OfscCapacity
        const statistics = yield* OfscStatistics
        const secret = yield* metadata.applications.generateClientSecret("ofsc-sim")
        expect(secret.clientSecret).toBeTypeOf("string")
        const matching = yield* core.resources.findMatchingResources({ activity: { activityType: "install" } })
        expect(matching).toBeTypeOf("object")
        const available = yield* capacity.availableCapacity.get({ dates: ["2026-11-02"] })
        expect(available.items?.length).toBeGreaterThan(0)
        const durations = yield* statistics.activityDurationStats.list()
        expect(Array.isArray(durations.items)).toBe(true)
        // the same action twice answers the same body: generation is deterministic
        const again = yield* capacity.availableCapacity.get({ dates: ["2026-11-02"] })
        expect(again).toEqual(available)
        const unknownApp = yield* Effect.flip(metadata.applications.generateClientSecret("nope"))
        expect(unknownApp).toMatchObject({ _tag: "OfscNotFound", status: 404 })
      })
    )
  )

  it.scopedLive("whole-collection PUT replaces a set; DELETE clears it", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const activityId = String(sim.data.activities[0]?.activityId)
        yield* core.activities.resourcePreferences.put(activityId, {
          items: [
            { resourceId: "TECH_00001", preferenceType: "preferred" },
            { resourceId: "TECH_00002", preferenceType: "forbidden" }
          ]
        })
        const two = yield* core.activities.resourcePreferences.list(activityId)
        expect(two.items?.map((p) => p.resourceId)).toEqual(["TECH_00001", "TECH_00002"])
        yield* core.activities.resourcePreferences.put(activityId, {
          items: [{ resourceId: "TECH_00003", preferenceType: "required" }]
        })
        const one = yield* core.activities.resourcePreferences.list(activityId)
        expect(one.items?.map((p) => p.resourceId)).toEqual(["TECH_00003"])
        yield* core.activities.resourcePreferences.deleteAll(activityId)
        const none = yield* core.activities.resourcePreferences.list(activityId)
        expect(none.items ?? []).toEqual([])
      })
    )
  )

  it.scopedLive("query parameters naming a field filter a list; passwords are never answered; jobs report by id", () =>
    withSimulator((sim) =>
      Effect.gen(function* () {
        const metadata = yield* OfscMetadata
        const core = yield* OfscCore
        const activityProperties = yield* metadata.properties.list({ entity: "activity" })
        const expected = sim.data.metadata.properties?.filter((p) => p.entity === "activity").map((p) => p.label)
        expect(activityProperties.items?.map((p) => p.label)).toEqual(expected)

        const user = yield* send(sim, "PUT", "/rest/ofscCore/v1/users/new.dispatcher", {
          name: "New Dispatcher",
          userType: "dispatcher",
          language: "en",
          timeZone: "Eastern",
          resources: ["TECH_00001"],
          mainResourceId: "TECH_00001",
          password: "Secret-123456"
        })
        expect(user.status).toBe(200)
        expect(JSON.stringify(user.json)).not.toContain("Secret-123456")
        expect(JSON.stringify(yield* core.users.get("new.dispatcher"))).not.toContain("Secret-123456")

        const started = yield* metadata.workZones.populateShapes({
          URL: "https://example.com/shapes.zip",
          authentication: { type: "none" },
          shapeIdentifierColumn: "ZONE",
          SRID: 4326
        })
        expect(started.downloadId).toEqual(expect.any(Number))
        const status = yield* metadata.workZones.populateShapesStatus(String(started.downloadId))
        expect(status.downloadId).toBe(started.downloadId)
        const unknown = yield* Effect.flip(metadata.workZones.populateShapesStatus("424242"))
        expect(unknown).toMatchObject({ _tag: "OfscNotFound", status: 404 })
      })
    )
  )
})
