/** Parity table of ofscCore inventories, service requests, users and events: calls on ids made here. */
import { at, call, later, type ParityCall, saving, seeded, upcoming, utf8 } from "./data.js"

const tech = seeded.technician(13)
const day = upcoming(1)
const visit = (s: Record<string, any>) => ({ activityId: s.visit.activityId })

/** The calls, in order. */
export const coreInventoryCalls: ReadonlyArray<ParityCall> = [
  saving("meter", "core.inventories.create", {
    resourceId: tech,
    status: "resource",
    inventoryType: "meter",
    serialNumber: "SN-PARITY-M1",
    quantity: 1
  }),
  later("core.inventories.get", (s) => [s.meter.inventoryId]),
  later("core.inventories.update", (s) => [s.meter.inventoryId, { serialNumber: "SN-PARITY-M1-B" }]),
  later("core.inventories.files.put", (s) => [
    s.meter.inventoryId,
    "XI_LABEL_PHOTO",
    { data: utf8("label"), contentType: "text/plain" }
  ]),
  later("core.inventories.files.get", (s) => [s.meter.inventoryId, "XI_LABEL_PHOTO"]),
  later("core.inventories.files.delete", (s) => [s.meter.inventoryId, "XI_LABEL_PHOTO"]),
  later("core.inventories.delete", (s) => [s.meter.inventoryId]),
  later("core.inventories.get", (s) => [s.meter.inventoryId]),
  saving("visit", "core.activities.create", {
    resourceId: tech,
    date: day,
    activityType: "install",
    apptNumber: "P-INV"
  }),
  later("core.activities.start", (s) => [s.visit.activityId, { time: at(day, "09:00") }]),
  saving("r1", "core.resources.inventories.create", tech, { inventoryType: "router", serialNumber: "SN-PARITY-R1" }),
  call("core.resources.inventories.stream", tech, {}, { pageSize: 2 }),
  later("core.inventories.install", (s) => [s.r1.inventoryId, visit(s)]),
  later("core.inventories.undoInstall", (s) => [s.r1.inventoryId, visit(s)]),
  saving("r2", "core.resources.inventories.create", tech, { inventoryType: "modem", serialNumber: "SN-PARITY-R2" }),
  later("core.resources.inventories.install", (s) => [tech, s.r2.inventoryId, visit(s)]),
  later(
    "core.activities.customerInventories.create",
    (s) => [s.visit.activityId, { inventoryType: "router", serialNumber: "SN-PARITY-C1" }],
    "c1"
  ),
  later("core.inventories.deinstall", (s) => [s.c1.inventoryId, visit(s)]),
  later("core.activities.deinstalledInventories.list", (s) => [s.visit.activityId]),
  later("core.inventories.undoDeinstall", (s) => [s.c1.inventoryId, visit(s)]),
  saving("request", "core.serviceRequests.create", { resourceId: tech, date: upcoming(2), requestType: "SR" }),
  later("core.serviceRequests.get", (s) => [s.request.requestId]),
  later("core.serviceRequests.files.get", (s) => [s.request.requestId, "XS_ATTACHMENT"]),
  call("core.users.collaborationGroups.create", seeded.user(2), { items: [{ name: "Dispatch" }, { name: "Field" }] }),
  call("core.users.collaborationGroups.list", seeded.user(2)),
  call("core.users.collaborationGroups.deleteAll", seeded.user(2)),
  call("core.users.files.put", seeded.user(3), "XU_AVATAR", {
    data: utf8("avatar"),
    contentType: "text/plain",
    filename: "a.txt"
  }),
  call("core.users.files.get", seeded.user(3), "XU_AVATAR"),
  call("core.users.files.delete", seeded.user(3), "XU_AVATAR"),
  call("core.users.files.get", seeded.user(3), "XU_AVATAR"),
  saving("subscription", "core.events.subscriptions.create", {
    subscriptionTitle: "parity subscription",
    subscriptionConfig: [{ events: ["activityCreated", "activityUpdated"] }]
  }),
  later("core.events.subscriptions.get", (s) => [s.subscription.subscriptionId]),
  saving("evented", "core.activities.create", {
    resourceId: seeded.technician(16),
    date: day,
    activityType: "install"
  }),
  later("core.activities.update", (s) => [s.evented.activityId, { customerName: "Evented" }]),
  later("core.events.list", (s) => [{ subscriptionId: s.subscription.subscriptionId, page: s.subscription.nextPage }]),
  later("core.events.stream", (s) => [
    { subscriptionId: s.subscription.subscriptionId, page: s.subscription.nextPage }
  ]),
  later("core.events.subscriptions.delete", (s) => [s.subscription.subscriptionId]),
  later("core.events.subscriptions.get", (s) => [s.subscription.subscriptionId]),
  call("core.resources.routes.activate", seeded.technician(15), day, { time: at(day, "07:00") }),
  saving("tracked", "core.activities.create", {
    resourceId: seeded.technician(15),
    date: day,
    activityType: "repair",
    setPositionInRoute: { position: "first" }
  }),
  later("core.whereIsMyTech.get", (s) => [{ activityId: s.tracked.activityId }]),
  later("core.activities.enroute", (s) => [s.tracked.activityId]),
  later("core.whereIsMyTech.get", (s) => [{ activityId: s.tracked.activityId }]),
  saving("folders", "core.dailyExtract.folders"),
  later("core.dailyExtract.files", (s) => [s.folders.items[0].name], "files"),
  later("core.dailyExtract.download", (s) => [s.folders.items[0].name, s.files.items[0].name])
]
