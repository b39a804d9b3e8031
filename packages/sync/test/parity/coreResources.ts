/** Parity table of ofscCore resources: the e2e calls whose arguments are ids made or read here. */
import { at, call, later, type ParityCall, plusDays, saving, seeded, seedStart, upcoming, utf8 } from "./data.js"

const res = seeded.technician(4)
const located = (s: Record<string, any>) => s.location.locationId
const isoPosition = (date: Date): string => `${date.toISOString().slice(0, 19)}+0000`
const now = new Date()
const earlier = new Date(Math.max(now.getTime() - 60_000, Date.parse(now.toISOString().slice(0, 10))))
const from = upcoming(10)
const to = plusDays(from, 2)
const bulkDay = upcoming(12)
const planDay = upcoming(4)
/** Today where TECH_00014 works (Eastern): nearby activities are looked for on the resource's own day. */
const localToday = now.toLocaleDateString("en-CA", { timeZone: "America/New_York" })

/** The calls, in order. */
export const coreResourceCalls: ReadonlyArray<ParityCall> = [
  saving("location", "core.resources.locations.create", res, {
    label: "home",
    address: "12 Main St",
    city: "Springfield",
    postalCode: "10001",
    country: "US",
    latitude: 40.7,
    longitude: -74.0
  }),
  call("core.resources.locations.list", res),
  later("core.resources.locations.get", (s) => [res, located(s)]),
  later("core.resources.locations.update", (s) => [res, located(s), { city: "Lakeside" }]),
  later("core.resources.assignedLocations.put", (s) => [
    res,
    { mon: { start: located(s), end: located(s) }, wed: { start: located(s) } }
  ]),
  call("core.resources.assignedLocations.get", res),
  later("core.resources.assignedLocations.update", (s) => [
    res,
    { [upcoming(3)]: { start: located(s), end: located(s) } }
  ]),
  call("core.resources.assignedLocations.delete", res, upcoming(3)),
  later("core.resources.locations.delete", (s) => [res, located(s)]),
  later("core.resources.locations.get", (s) => [res, located(s)]),
  call("core.resources.setPositions", {
    items: [
      { resourceId: seeded.technician(5), time: isoPosition(earlier), lat: 40.1, lng: -74.1 },
      { resourceId: seeded.technician(5), time: isoPosition(now), lat: 40.2, lng: -74.2, spd: 12 }
    ]
  }),
  call("core.resources.lastKnownPositions", { resources: [seeded.technician(5)] }),
  call("core.resources.positionHistory.list", seeded.technician(5), { date: now.toISOString().slice(0, 10) }),
  call("core.activities.create", {
    resourceId: seeded.technician(14),
    date: localToday,
    activityType: "repair",
    latitude: 45.0001,
    longitude: -70.0001
  }),
  call("core.resources.findNearbyActivities", seeded.technician(14), { latitude: 45, longitude: -70, limit: 5 }),
  call("core.resources.routes.get", seeded.technician(6), seedStart),
  call("core.resources.routes.streamActivities", seeded.technician(6), seedStart, {}, { pageSize: 2 }),
  call("core.resources.routes.activate", seeded.technician(6), upcoming(2), { time: at(upcoming(2), "07:45") }),
  call("core.resources.routes.deactivate", seeded.technician(6), upcoming(2), { time: at(upcoming(2), "17:10") }),
  call("core.resources.routes.get", "NO_SUCH_RESOURCE", upcoming(2)),
  call("core.resources.users.put", seeded.technician(7), {
    items: [{ login: seeded.user(7) }, { login: seeded.user(8) }]
  }),
  call("core.resources.users.list", seeded.technician(7)),
  call("core.resources.users.deleteAll", seeded.technician(7)),
  saving("schedule", "core.resources.workSchedules.create", seeded.technician(8), {
    recordType: "shift",
    shiftLabel: "early",
    startDate: from,
    endDate: to,
    recurrence: { recurrenceType: "daily", recurEvery: 1 }
  }),
  call("core.resources.workSchedules.list", seeded.technician(8)),
  call("core.resources.workSchedules.calendarView", seeded.technician(8), { dateFrom: from, dateTo: to }),
  call("core.calendars.list", { resources: [seeded.technician(8)], dateFrom: from, dateTo: to }),
  call("core.calendars.stream", { resources: [seeded.technician(8)], dateFrom: from, dateTo: to }, { pageSize: 1 }),
  later("core.resources.workSchedules.delete", (s) => [
    seeded.technician(8),
    String(s.schedule.items?.find((i: any) => i.shiftLabel === "early")?.scheduleItemId)
  ]),
  call("core.resources.workSkills.create", seeded.technician(9), [
    { workSkill: "electrical", ratio: 80, startDate: upcoming(0) }
  ]),
  call("core.resources.workSkills.delete", seeded.technician(9), "electrical"),
  call("core.resources.workZones.create", seeded.technician(9), {
    workZone: "WZ_0003",
    ratio: 100,
    startDate: upcoming(0)
  }),
  call("core.resources.workSkills.list", seeded.technician(9)),
  saving("zones", "core.resources.workZones.list", seeded.technician(9)),
  later("core.resources.workZones.delete", (s) => [
    seeded.technician(9),
    String(s.zones.items?.find((z: any) => z.workZone === "WZ_0003")?.workZoneItemId)
  ]),
  call("core.resources.bulkUpdateWorkSkills", [
    { resourceId: seeded.technician(10), workSkills: [{ workSkill: "fiber", ratio: 50 }] }
  ]),
  call("core.resources.bulkUpdateWorkZones", [
    { resourceId: seeded.technician(10), workZones: [{ workZone: "WZ_0005", ratio: 60, startDate: upcoming(0) }] }
  ]),
  call("core.resources.bulkUpdateWorkSchedules", [
    {
      resourceId: seeded.technician(10),
      workSchedules: [
        {
          recordType: "shift",
          shiftLabel: "late",
          startDate: bulkDay,
          endDate: bulkDay,
          recurrence: { recurrenceType: "daily", recurEvery: 1 }
        }
      ]
    }
  ]),
  call("core.resources.bulkUpdateInventories", {
    resources: [{ resourceId: seeded.technician(10), inventories: [{ inventoryType: "cable", quantity: 25 }] }]
  }),
  call("core.resources.inventories.list", seeded.technician(10)),
  call("core.resources.plans.create", "BUCKET_001", { measure: "points", value: 120, date: planDay }),
  call("core.resources.plans.list", "BUCKET_001", { dateFrom: planDay, dateTo: planDay }),
  call("core.resources.plans.delete", "BUCKET_001", { measure: "points", date: planDay }),
  call("core.resources.files.put", seeded.technician(12), "XR_BADGE", {
    data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    contentType: "image/png",
    filename: "badge.png"
  }),
  call("core.resources.files.get", seeded.technician(12), "XR_BADGE"),
  call("core.resources.files.put", seeded.technician(12), "XR_BADGE", { data: utf8("v2"), contentType: "text/plain" }),
  call("core.resources.files.get", seeded.technician(12), "XR_BADGE"),
  call("core.resources.files.delete", seeded.technician(12), "XR_BADGE"),
  call("core.resources.files.get", seeded.technician(12), "XR_BADGE")
]
