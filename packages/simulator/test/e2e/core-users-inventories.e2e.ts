/** End-to-end: inventories, service requests, users and whereIsMyTech of ofscCore, against the simulator. */
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { at, seeded, upcoming } from "./support/data.js"
import { e2eSuite, expectFailure, text, utf8 } from "./support/harness.js"

const tech = seeded.technician(13)

/** A started activity of `tech` (inventory moves need a started visit). */
const startedActivity = (apptNumber: string) =>
  Effect.gen(function* () {
    const core = yield* OfscCore
    const day = upcoming(1)
    const created = yield* core.activities.create({ resourceId: tech, date: day, activityType: "install", apptNumber })
    const id = created.activityId as number
    yield* core.activities.start(id, { time: at(day, "09:00") })
    return id
  })

/** Registers the inventories/users suite. */
export const coreUsersInventoriesSuite = () =>
  e2eSuite("e2e core inventories, service requests, users", (it) => {
    it.effect("inventories: create, get, update, delete then not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const created = yield* core.inventories.create({
          resourceId: tech,
          status: "resource",
          inventoryType: "meter",
          serialNumber: "SN-E2E-M1",
          quantity: 1
        })
        expect(created).toMatchObject({ resourceId: tech, status: "resource", serialNumber: "SN-E2E-M1" })
        const id = created.inventoryId!
        expect(id).toEqual(expect.any(Number))
        expect((yield* core.inventories.get(id)).inventoryType).toBe("meter")
        const updated = yield* core.inventories.update(id, { serialNumber: "SN-E2E-M1-B" })
        expect(updated).toMatchObject({ inventoryId: id, serialNumber: "SN-E2E-M1-B", inventoryType: "meter" })
        expect((yield* core.inventories.get(id)).serialNumber).toBe("SN-E2E-M1-B")
        expect((yield* core.resources.inventories.list(tech)).items?.map((i) => i.inventoryId)).toContain(id)
        yield* core.inventories.delete(id)
        yield* expectFailure(core.inventories.get(id), "OfscNotFound")
        yield* expectFailure(core.inventories.update(id, { serialNumber: "x" }), "OfscNotFound")
        expect((yield* core.resources.inventories.list(tech)).items?.map((i) => i.inventoryId) ?? []).not.toContain(id)
      })
    )

    it.effect("install and undo install, resource install, deinstall and undo deinstall", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const activityId = yield* startedActivity("E2E-INV-1")

        const r1 = yield* core.resources.inventories.create(tech, {
          inventoryType: "router",
          serialNumber: "SN-E2E-R1"
        })
        expect(r1).toMatchObject({ resourceId: tech, status: "resource", serialNumber: "SN-E2E-R1" })
        const r1Id = r1.inventoryId!
        const stock = yield* Stream.runCollect(core.resources.inventories.stream(tech, {}, { pageSize: 2 }))
        expect(Chunk.toReadonlyArray(stock).map((i) => i.inventoryId)).toContain(r1Id)

        // a 200 without a body (the spec leaves it untyped) answers undefined
        expect(yield* core.inventories.install(r1Id, { activityId })).toBeUndefined()
        expect(yield* core.inventories.get(r1Id)).toMatchObject({ status: "installed", activityId })
        const installed = yield* core.activities.installedInventories.list(activityId)
        expect(installed.items?.map((i) => i.serialNumber)).toEqual(["SN-E2E-R1"])
        yield* core.inventories.undoInstall(r1Id, { activityId })
        expect((yield* core.inventories.get(r1Id)).status).toBe("resource")
        expect((yield* core.activities.installedInventories.list(activityId)).items ?? []).toEqual([])

        const r2 = yield* core.resources.inventories.create(tech, { inventoryType: "modem", serialNumber: "SN-E2E-R2" })
        yield* core.resources.inventories.install(tech, r2.inventoryId!, { activityId })
        expect(yield* core.inventories.get(r2.inventoryId!)).toMatchObject({ status: "installed", activityId })

        const c1 = yield* core.activities.customerInventories.create(activityId, {
          inventoryType: "router",
          serialNumber: "SN-E2E-C1"
        })
        yield* core.inventories.deinstall(c1.inventoryId!, { activityId })
        expect((yield* core.inventories.get(c1.inventoryId!)).status).toBe("deinstalled")
        const deinstalled = yield* core.activities.deinstalledInventories.list(activityId)
        expect(deinstalled.items?.map((i) => i.serialNumber)).toEqual(["SN-E2E-C1"])
        yield* core.inventories.undoDeinstall(c1.inventoryId!, { activityId })
        expect((yield* core.inventories.get(c1.inventoryId!)).status).toBe("customer")
        expect((yield* core.activities.deinstalledInventories.list(activityId)).items ?? []).toEqual([])
        expect(
          (yield* core.activities.customerInventories.list(activityId)).items?.map((i) => i.serialNumber)
        ).toContain("SN-E2E-C1")

        yield* expectFailure(core.inventories.install(99_999_999, { activityId }), "OfscNotFound")
        yield* expectFailure(core.inventories.undoInstall(99_999_999, { activityId }), "OfscNotFound")
        yield* expectFailure(core.inventories.deinstall(99_999_999, { activityId }), "OfscNotFound")
        yield* expectFailure(core.inventories.undoDeinstall(99_999_999, { activityId }), "OfscNotFound")
        yield* expectFailure(core.resources.inventories.install(tech, 99_999_999, { activityId }), "OfscNotFound")
      })
    )

    it.effect("inventory file property: put, get, delete then not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const meta = yield* OfscMetadata
        yield* meta.properties.put("XI_LABEL_PHOTO", {
          label: "XI_LABEL_PHOTO",
          name: "Label photo",
          type: "file",
          entity: "inventory",
          gui: "image"
        })
        const inv = yield* core.inventories.create({ resourceId: tech, status: "resource", inventoryType: "meter" })
        const id = inv.inventoryId!
        yield* core.inventories.files.put(id, "XI_LABEL_PHOTO", { data: utf8("label"), contentType: "text/plain" })
        expect(text(yield* core.inventories.files.get(id, "XI_LABEL_PHOTO"))).toBe("label")
        yield* core.inventories.files.delete(id, "XI_LABEL_PHOTO")
        yield* expectFailure(core.inventories.files.get(id, "XI_LABEL_PHOTO"), "OfscNotFound")
      })
    )

    it.effect("service requests: create then get; a file property never set is not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(2)
        const created = yield* core.serviceRequests.create({ resourceId: tech, date: day, requestType: "SR" })
        expect(created).toMatchObject({ resourceId: tech, date: day, requestType: "SR" })
        const requestId = created.requestId!
        expect(requestId).toEqual(expect.any(Number))
        expect(yield* core.serviceRequests.get(requestId)).toMatchObject({ requestId, resourceId: tech, date: day })
        yield* expectFailure(core.serviceRequests.get(99_999_999), "OfscNotFound")
        yield* expectFailure(core.serviceRequests.files.get(requestId, "XS_ATTACHMENT"), "OfscNotFound")
      })
    )

    it.effect("users: list, stream, get, put, update, delete then not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const users = yield* core.users.list({ limit: 5 })
        expect(users.totalResults).toBe(seeded.users)
        expect(users.items?.length).toBe(5)
        const all = yield* Stream.runCollect(core.users.stream({}, { pageSize: 6 }))
        expect(Chunk.size(all)).toBe(seeded.users)
        expect(yield* core.users.get(seeded.user(1))).toMatchObject({
          login: seeded.user(1),
          mainResourceId: seeded.technician(1),
          status: "active"
        })

        const put = yield* core.users.put("e2e.dispatcher", {
          name: "E2E Dispatcher",
          userType: "technician",
          language: "en",
          timeZone: "Eastern",
          mainResourceId: seeded.technician(14),
          resources: [seeded.technician(14)],
          password: "Secret-123456"
        })
        expect(put).toMatchObject({ name: "E2E Dispatcher", userType: "technician", language: "en" })
        expect(JSON.stringify(put)).not.toContain("Secret-123456")
        expect(yield* core.users.get("e2e.dispatcher")).toMatchObject({
          login: "e2e.dispatcher",
          mainResourceId: seeded.technician(14)
        })
        const updated = yield* core.users.update("e2e.dispatcher", {
          name: "E2E Dispatcher (renamed)",
          status: "inactive"
        })
        expect(updated).toMatchObject({ name: "E2E Dispatcher (renamed)", status: "inactive" })
        expect((yield* core.users.get("e2e.dispatcher")).name).toBe("E2E Dispatcher (renamed)")
        expect((yield* core.users.list()).totalResults).toBe(seeded.users + 1)

        yield* core.users.delete("e2e.dispatcher")
        yield* expectFailure(core.users.get("e2e.dispatcher"), "OfscNotFound")
        yield* expectFailure(core.users.update("e2e.dispatcher", { name: "gone" }), "OfscNotFound")
        yield* expectFailure(core.users.delete("e2e.dispatcher"), "OfscNotFound")
      })
    )

    it.effect("collaboration groups of a user: create, list, delete all", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const login = seeded.user(2)
        const created = yield* core.users.collaborationGroups.create(login, {
          items: [{ name: "Dispatch" }, { name: "Field" }]
        })
        expect(created.items?.map((g) => g.name)).toEqual(expect.arrayContaining(["Dispatch", "Field"]))
        const listed = yield* core.users.collaborationGroups.list(login)
        expect(listed.items?.map((g) => g.name)).toEqual(expect.arrayContaining(["Dispatch", "Field"]))
        yield* core.users.collaborationGroups.deleteAll(login)
        expect((yield* core.users.collaborationGroups.list(login)).items ?? []).toEqual([])
        yield* expectFailure(core.users.collaborationGroups.list("no.such.user"), "OfscNotFound")
      })
    )

    it.effect("user file property: put, get, delete then not found", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const meta = yield* OfscMetadata
        yield* meta.properties.put("XU_AVATAR", {
          label: "XU_AVATAR",
          name: "Avatar",
          type: "file",
          entity: "user",
          gui: "image"
        })
        const login = seeded.user(3)
        yield* core.users.files.put(login, "XU_AVATAR", {
          data: utf8("avatar"),
          contentType: "text/plain",
          filename: "a.txt"
        })
        expect(text(yield* core.users.files.get(login, "XU_AVATAR"))).toBe("avatar")
        yield* core.users.files.delete(login, "XU_AVATAR")
        yield* expectFailure(core.users.files.get(login, "XU_AVATAR"), "OfscNotFound")
      })
    )

    it.effect("where is my tech: assigned, then on the way after enroute", () =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const day = upcoming(1)
        const res = seeded.technician(15)
        yield* core.resources.routes.activate(res, day, { time: at(day, "07:00") })
        const created = yield* core.activities.create({
          resourceId: res,
          date: day,
          activityType: "repair",
          setPositionInRoute: { position: "first" }
        })
        const activityId = created.activityId as number
        const assigned = yield* core.whereIsMyTech.get({ activityId })
        expect(assigned.status).toBe("assigned")
        expect(assigned.activityDetails?.activityId).toBe(activityId)
        yield* core.activities.enroute(activityId)
        const onTheWay = yield* core.whereIsMyTech.get({ activityId })
        expect(onTheWay.status).toBe("onTheWay")
        yield* expectFailure(core.whereIsMyTech.get({ activityId: 99_999_999 }), "OfscNotFound")
      })
    )
  })
