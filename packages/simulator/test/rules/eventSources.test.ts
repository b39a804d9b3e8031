/**
 * Every event type an API operation can cause comes from that operation: one subscription to all 50
 * types, a tour of the writes that publish, and after each write exactly the events it caused, in
 * order. Writes that change nothing publish nothing.
 */
import { it } from "@effect/vitest"
import { OfscCore } from "@ofsc/core"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { eventTypes } from "../../src/areas/events/eventLog.js"
import { seeded, transport, withRules } from "./support.js"

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

const byStatus = (status: string) => seeded.activities.filter((a) => a.status === status)
const pendingIds = byStatus("pending").map((a) => a.activityId as number)
const technician = seeded.inventories.find((i) => i.status === "resource" && i.serialNumber !== undefined)
  ?.resourceId as string
const resourceItem = seeded.inventories.find((i) => i.status === "resource" && i.resourceId === technician)
  ?.inventoryId as number
const customerItem = seeded.inventories.find(
  (i) => i.status === "customer" && pendingIds.includes(i.activityId as number)
)
/** The event types no API operation causes: they come from the UI, mobile forms or OFS itself. */
const notFromTheApi = ["routeUpdated", "transactionUpdated", "broadcastStatusUpdate", "formSubmitted"]

describe("event sources", () => {
  it.scopedLive("each write publishes the events OFS publishes for it, and a no-op publishes none", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        // a routing plan to start (importing one takes a file upload, which is not what this test is about)
        sim.store.collection("routingProfiles/default/plans").put("nightly", { planLabel: "nightly" })
        const core = yield* OfscCore
        const raw = (yield* transport).raw
        const created = yield* core.events.subscriptions.create({
          subscriptionConfig: [{ events: [...eventTypes] as never }]
        })
        const subscriptionId = created.subscriptionId ?? ""
        let page = created.nextPage ?? ""
        const seen = new Set<string>()
        /** Makes one call, then answers the types of the events it published. */
        const published = (method: Method, path: string, body?: unknown) =>
          Effect.gen(function* () {
            yield* raw(method, path, body === undefined ? undefined : { body })
            const poll = yield* core.events.list({ subscriptionId, page })
            page = poll.nextPage ?? page
            const types = (poll.items ?? []).map((e) => String(e.eventType))
            for (const type of types) seen.add(type)
            return types
          })
        const core1 = "/rest/ofscCore/v1"
        const [a, b, c, d, e] = pendingIds as [number, number, number, number, number]

        // activities and their lifecycle
        const act = (id: number, action: string) => `${core1}/activities/${id}/custom-actions/${action}`
        expect(
          yield* published("POST", `${core1}/activities`, {
            activityType: "repair",
            resourceId: technician,
            date: seeded.activities[0]?.date
          })
        ).toEqual(["activityCreated"])
        expect(yield* published("PATCH", `${core1}/activities/${a}`, { customerName: "Events" })).toEqual([
          "activityUpdated"
        ])
        expect(yield* published("PATCH", `${core1}/activities/${a}`, { customerName: "Events" })).toEqual([])
        expect(yield* published("POST", act(a, "enroute"), {})).toEqual(["activityTravelStarted"])
        expect(yield* published("POST", act(a, "stopTravel"), {})).toEqual(["activityTravelStopped"])
        expect(yield* published("POST", act(a, "start"), {})).toEqual(["activityStarted"])
        expect(yield* published("POST", act(a, "delay"), { delayMinutes: 15 })).toEqual(["activityDelayed"])
        expect(yield* published("POST", act(a, "suspend"), {})).toEqual(["activitySuspended", "activityCreated"])
        expect(yield* published("POST", act(a, "start"), {})).toEqual(["activityStarted"])
        expect(yield* published("POST", act(a, "complete"), {})).toEqual(["activityCompleted"])
        expect(yield* published("POST", act(a, "reopen"), {})).toEqual(["activityReopened"])
        expect(yield* published("POST", act(a, "reopen"), {})).toEqual([])
        expect(yield* published("POST", act(b, "start"), {})).toEqual(["activityStarted"])
        expect(yield* published("POST", act(b, "notDone"), {})).toEqual(["activityNotDone"])
        expect(yield* published("POST", act(c, "cancel"), {})).toEqual(["activityCanceled"])
        expect(yield* published("POST", act(d, "startPrework"), {})).toEqual(["activityPreworkCreated"])
        expect(yield* published("POST", act(d, "move"), { setResource: { resourceId: technician } })).toEqual([
          "activityMoved"
        ])
        const bulkItem = { apptNumber: "EV-BULK-1", resourceId: technician, date: seeded.activities[0]?.date }
        const bulk = (customerName: string) =>
          published("POST", `${core1}/activities/custom-actions/bulkUpdate`, {
            updateParameters: { identifyActivityBy: "apptNumber", ifInFinalStatusThen: "doNothing" },
            activities: [{ ...bulkItem, activityType: "repair", customerName }]
          })
        expect(yield* bulk("Bulk")).toEqual(["activityCreated"])
        expect(yield* bulk("Bulk, updated")).toEqual(["activityUpdated"])
        expect(yield* bulk("Bulk, updated")).toEqual([])

        // links, preferences, required inventories
        const links = `${core1}/activities/${e}/linkedActivities`
        const link = { fromActivityId: e, toActivityId: d, linkType: "start-before" }
        expect(yield* published("POST", links, link)).toEqual(["activityLinkCreated"])
        expect(yield* published("DELETE", links)).toEqual(["activityLinkDeleted"])
        const preferences = `${core1}/activities/${e}/resourcePreferences`
        expect(
          yield* published("PUT", preferences, { items: [{ resourceId: technician, preferenceType: "preferred" }] })
        ).toEqual(["resourcePreferenceCreated"])
        expect(yield* published("DELETE", preferences)).toEqual(["resourcePreferenceDeleted"])
        const required = `${core1}/activities/${e}/requiredInventories`
        expect(
          yield* published("PUT", required, { items: [{ inventoryType: "router", model: "R1", quantity: 1 }] })
        ).toEqual(["requiredInventoryCreated"])
        expect(
          yield* published("PUT", required, { items: [{ inventoryType: "router", model: "R1", quantity: 2 }] })
        ).toEqual(["requiredInventoryUpdated"])
        expect(yield* published("DELETE", required)).toEqual(["requiredInventoryDeleted"])

        // inventories
        expect(
          yield* published("POST", `${core1}/activities/${e}/customerInventories`, {
            inventoryType: "meter",
            serialNumber: "EV-METER-1",
            quantity: 1
          })
        ).toEqual(["customerInventoryCreated"])
        expect(
          yield* published("POST", `${core1}/resources/${technician}/inventories`, {
            inventoryType: "cable",
            quantity: 5
          })
        ).toEqual(["resourceInventoryCreated"])
        expect(
          yield* published(
            "POST",
            `${core1}/resources/${technician}/inventories/${resourceItem}/custom-actions/install`,
            { activityId: e }
          )
        ).toEqual(["inventoryInstalled"])
        expect(yield* published("POST", `${core1}/inventories/${resourceItem}/custom-actions/undoInstall`, {})).toEqual(
          ["inventoryUndoInstall"]
        )
        const customer = customerItem?.inventoryId as number
        expect(
          yield* published("POST", `${core1}/inventories/${customer}/custom-actions/deinstall`, {
            activityId: customerItem?.activityId
          })
        ).toEqual(["inventoryDeinstalled"])
        expect(yield* published("POST", `${core1}/inventories/${customer}/custom-actions/undoDeinstall`, {})).toEqual([
          "inventoryUndoDeinstall"
        ])
        expect(yield* published("PATCH", `${core1}/inventories/${customer}`, { serialNumber: "EV-SN-2" })).toEqual([
          "customerInventoryUpdated"
        ])
        expect(yield* published("PATCH", `${core1}/inventories/${resourceItem}`, { quantity: 3 })).toEqual([
          "resourceInventoryUpdated"
        ])
        expect(yield* published("DELETE", `${core1}/inventories/${customer}`)).toEqual(["customerInventoryDeleted"])
        expect(yield* published("DELETE", `${core1}/inventories/${resourceItem}`)).toEqual(["resourceInventoryDeleted"])

        // routes
        const route = `${core1}/resources/${technician}/routes/2026-12-01/custom-actions`
        expect(yield* published("POST", `${route}/activate`, {})).toEqual(["routeCreated", "routeActivated"])
        expect(yield* published("POST", `${route}/deactivate`, {})).toEqual(["routeDeactivated"])
        expect(yield* published("POST", `${route}/activate`, { time: "2026-12-01 09:00:00" })).toEqual([
          "routeReactivated"
        ])

        // service requests
        for (const [requestType, type] of [
          ["CR", "customerRequestCreated"],
          ["IR", "inventoryRequestCreated"],
          ["SR", "resourceRequestCreated"]
        ] as const) {
          expect(
            yield* published("POST", `${core1}/serviceRequests`, { requestType, resourceId: technician, activityId: e })
          ).toEqual([type])
        }

        // resources and users
        expect(yield* published("PATCH", `${core1}/resources/${technician}`, { name: "Renamed" })).toEqual([
          "resourceUpdated"
        ])
        expect(yield* published("PATCH", `${core1}/resources/${technician}`, { name: "Renamed" })).toEqual([])
        expect(
          yield* published("PUT", `${core1}/resources/EV_TECH`, {
            name: "Events Tech",
            resourceType: "PR",
            parentResourceId: "BUCKET_002",
            status: "active",
            language: "en",
            timeZone: "Eastern"
          })
        ).toEqual(["resourceCreated"])
        expect(
          yield* published("POST", `${core1}/resources/EV_TECH/workSkills`, [{ workSkill: "install", ratio: 100 }])
        ).toEqual(["resourceUpdated"])
        expect(
          yield* published("PUT", `${core1}/users/ev.user`, {
            name: "Events User",
            userType: "technician",
            language: "en",
            timeZone: "Eastern",
            mainResourceId: "EV_TECH",
            resources: ["EV_TECH"],
            password: "Secret-987654"
          })
        ).toEqual(["userCreated"])
        expect(yield* published("PATCH", `${core1}/users/ev.user`, { name: "Events User 2" })).toEqual(["userUpdated"])
        expect(yield* published("DELETE", `${core1}/users/ev.user`)).toEqual(["userDeleted"])
        expect(yield* published("DELETE", `${core1}/activities/${c}`)).toEqual(["activityDeleted"])

        // collaboration and routing
        const chats = "/rest/ofscCollaboration/v1/chats"
        const chat = (yield* raw("POST", chats, { body: { recipients: ["tech.1"], text: "hello" } })) as {
          chatId: number
        }
        const opened = yield* core.events.list({ subscriptionId, page })
        page = opened.nextPage ?? page
        for (const event of opened.items ?? []) seen.add(String(event.eventType))
        expect(opened.items?.map((x) => x.eventType)).toEqual(["chatUpdated", "chatMessageSent"])
        expect(yield* published("POST", `${chats}/${chat.chatId}/messages`, { text: "again" })).toEqual([
          "chatMessageSent"
        ])
        expect(
          yield* published(
            "POST",
            `/rest/ofscMetadata/v1/routingProfiles/default/plans/nightly/${technician}/2026-12-01/custom-actions/start`
          )
        ).toEqual(["routingRun"])

        const missing = eventTypes.filter((type) => !seen.has(type))
        expect(missing.sort()).toEqual([...notFromTheApi].sort())
      })
    )
  )
})
