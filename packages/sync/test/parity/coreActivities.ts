/** Parity table of ofscCore activities: the e2e calls whose arguments are ids of activities created here. */
import { at, call, later, type ParityCall, plusDays, saving, seeded, seedStart, upcoming, utf8 } from "./data.js"

const tech1 = seeded.technician(1)
const tech2 = seeded.technician(2)

/** Creates an activity and saves it under `name` (its id is then `saved[name].activityId`). */
const newActivity = (name: string, resourceId: string, date: string, extra: Record<string, unknown> = {}) =>
  saving(name, "core.activities.create", {
    resourceId,
    date,
    activityType: "install",
    apptNumber: `PARITY-${name}`,
    customerName: `Customer ${name}`,
    city: "Springfield",
    duration: 60,
    timeSlot: "08-10",
    ...extra
  })

const query = { resources: [tech1], dateFrom: seedStart, dateTo: plusDays(seedStart, 2) }
const day = upcoming(1)

/** The calls, in order. */
export const coreActivityCalls: ReadonlyArray<ParityCall> = [
  call("core.activities.list", { ...query, limit: 100 }),
  call("core.activities.stream", query, { pageSize: 3 }),
  call("core.activities.list", { ...query, limit: 2 }),
  newActivity("one", tech1, day, { customerPhone: "+15550100", XA_PRIORITY: "high" }),
  later("core.activities.get", (s) => [s.one.activityId]),
  later("core.activities.update", (s) => [s.one.activityId, { customerName: "Renamed customer", duration: 90 }]),
  call("core.activities.list", { resources: [tech1], dateFrom: day, dateTo: day }),
  later("core.activities.delete", (s) => [s.one.activityId]),
  later("core.activities.get", (s) => [s.one.activityId]),
  later("core.activities.update", (s) => [s.one.activityId, { customerName: "gone" }]),
  later("core.activities.delete", (s) => [s.one.activityId]),
  call("core.activities.bulkUpdate", {
    updateParameters: { identifyActivityBy: "apptNumber", ifInFinalStatusThen: "doNothing" },
    activities: [{ apptNumber: "PARITY-BULK", resourceId: tech2, date: upcoming(2), activityType: "repair" }]
  }),
  call("core.resources.routes.activate", tech2, day, { time: at(day, "07:30") }),
  newActivity("life", tech2, day, { setPositionInRoute: { position: "first" } }),
  later("core.activities.enroute", (s) => [s.life.activityId]),
  later("core.activities.stopTravel", (s) => [s.life.activityId]),
  later("core.activities.start", (s) => [s.life.activityId, { time: at(day, "08:05") }]),
  later("core.activities.delay", (s) => [s.life.activityId, { delayMinutes: 30 }]),
  later("core.activities.complete", (s) => [s.life.activityId, { time: at(day, "09:40") }]),
  later("core.activities.reopen", (s) => [s.life.activityId, { setPositionInRoute: { position: "last" } }]),
  call("core.resources.routes.activate", tech1, day, { time: at(day, "07:00") }),
  newActivity("a", tech1, day),
  later("core.activities.start", (s) => [s.a.activityId, {}]),
  later("core.activities.notDone", (s) => [s.a.activityId, { time: at(day, "08:30") }]),
  newActivity("b", tech1, day),
  later("core.activities.cancel", (s) => [s.b.activityId, {}]),
  newActivity("c", tech1, day),
  later("core.activities.start", (s) => [s.c.activityId, { time: at(day, "10:00") }]),
  later("core.activities.suspend", (s) => [s.c.activityId, { time: at(day, "10:45") }]),
  newActivity("d", tech1, day),
  later("core.activities.startPrework", (s) => [s.d.activityId, { time: at(day, "11:00") }]),
  newActivity("moved", tech1, upcoming(3)),
  later("core.activities.move", (s) => [
    s.moved.activityId,
    { setResource: { resourceId: tech2 }, setDate: { date: upcoming(4) } }
  ]),
  later("core.activities.get", (s) => [s.moved.activityId]),
  newActivity("e", tech1, upcoming(5)),
  later("core.activities.capacityCategories.list", (s) => [s.e.activityId]),
  later("core.activities.multidaySegments.list", (s) => [s.e.activityId]),
  later("core.activities.submittedForms.list", (s) => [s.e.activityId, { limit: 10 }]),
  later(
    "core.activities.customerInventories.create",
    (s) => [s.e.activityId, { inventoryType: "router", serialNumber: "SN-PARITY-CUST-1", quantity: 1 }],
    "customerInventory"
  ),
  later("core.activities.customerInventories.list", (s) => [s.e.activityId]),
  later("core.inventories.get", (s) => [s.customerInventory.inventoryId]),
  later("core.activities.installedInventories.list", (s) => [s.e.activityId]),
  later("core.activities.deinstalledInventories.list", (s) => [s.e.activityId]),
  newActivity("from", tech1, upcoming(6)),
  newActivity("to", tech1, upcoming(6)),
  later("core.activities.linkedActivities.create", (s) => [String(s.from.activityId), link(s)]),
  later("core.activities.linkedActivities.list", (s) => [String(s.from.activityId)]),
  later("core.activities.linkedActivities.get", (s) => linkKey(s)),
  later("core.activities.linkedActivities.put", (s) => [
    ...linkKey(s),
    { ...link(s), minIntervalValue: 15, maxIntervalValue: 120 }
  ]),
  later("core.activities.linkedActivities.delete", (s) => linkKey(s)),
  later("core.activities.linkedActivities.create", (s) => [String(s.from.activityId), link(s)]),
  later("core.activities.linkedActivities.deleteAll", (s) => [String(s.from.activityId)]),
  later("core.activities.linkedActivities.list", (s) => [String(s.from.activityId)]),
  later("core.activities.requiredInventories.put", (s) => [
    String(s.to.activityId),
    { items: [{ inventoryType: "cable", model: "CAT6", quantity: 3 }] }
  ]),
  later("core.activities.requiredInventories.list", (s) => [String(s.to.activityId)]),
  later("core.activities.requiredInventories.deleteAll", (s) => [String(s.to.activityId)]),
  later("core.activities.resourcePreferences.put", (s) => [
    String(s.to.activityId),
    { items: [{ resourceId: tech2, preferenceType: "preferred" }] }
  ]),
  later("core.activities.resourcePreferences.list", (s) => [String(s.to.activityId)]),
  later("core.activities.resourcePreferences.deleteAll", (s) => [String(s.to.activityId)]),
  later("core.activities.files.put", (s) => [
    s.to.activityId,
    "csign",
    { data: utf8("signed by the customer"), contentType: "text/plain", filename: "signature.txt" }
  ]),
  later("core.activities.files.get", (s) => [s.to.activityId, "csign"]),
  later("core.activities.files.delete", (s) => [s.to.activityId, "csign"]),
  later("core.activities.files.get", (s) => [s.to.activityId, "csign"])
]

function link(s: Record<string, any>) {
  return { fromActivityId: s.from.activityId, toActivityId: s.to.activityId, linkType: "start_after" }
}

function linkKey(s: Record<string, any>) {
  return [String(s.from.activityId), String(s.to.activityId), "start_after"]
}
