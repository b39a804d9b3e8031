/** Parity table of ofscCapacity and ofscStatistics. */
import { call, type ParityCall, seeded, upcoming } from "./data.js"

const area = "BUCKET_001"

/** The calls, in order; later calls may rely on the state earlier ones left. */
export const capacityStatisticsCalls: ReadonlyArray<ParityCall> = [
  call("capacity.bookingFieldsDependencies.get"),
  call("statistics.activityTravelStats.update", {
    items: [{ fkey: "10001", tkey: "10008", override: 25 }]
  }),
  call("statistics.activityTravelStats.list", { fkey: "10001", tkey: "10008" }),
  call("statistics.airlineDistanceBasedTravel.update", {
    items: [{ level: "company", data: [{ distance: 10, override: 20 }] }]
  }),
  call("statistics.airlineDistanceBasedTravel.list", { level: "company" }),
  // free variables of the e2e suite bound here
  call("capacity.availableCapacity.get", { dates: [upcoming(3)], areas: [area] }),
  call("capacity.quota.updateV1", { items: [{ date: upcoming(4), areas: [{ label: area, quota: 480 }] }] }),
  call("capacity.quota.getV1", { dates: [upcoming(4)], areas: [area] }),
  call("capacity.quota.update", {
    items: [{ date: upcoming(5), areas: [{ label: area, quota: 600, quotaIsClosed: true }] }]
  }),
  call("capacity.quota.get", { dates: [upcoming(5)], areas: [area] }),
  call("capacity.bookingClosingSchedule.update", {
    items: [{ area, dayOffset: 1, category: "install", closeTime: "18:00" }]
  }),
  call("capacity.bookingClosingSchedule.get", { areas: [area] }),
  call("capacity.bookingStatuses.update", {
    items: [{ date: upcoming(6), area, statuses: [{ category: "install", state: "closed" }] }]
  }),
  call("capacity.bookingStatuses.list", { dates: upcoming(6), areas: [area] }),
  call("capacity.activityBookingOptions.get", { dates: [upcoming(7)], activityType: "install" }),
  call("capacity.bookingGrid.show", {
    activity: { activityType: "install", timeZone: "Eastern" },
    dateFrom: upcoming(7),
    includeTimeSlotsDictionary: true
  }),
  call("statistics.activityDurationStats.update", {
    items: [{ resourceId: seeded.technician(1), akey: "install", override: 75 }]
  }),
  call("statistics.activityDurationStats.list", { resourceId: seeded.technician(1), akey: "install" }),
  call("statistics.activityDurationStats.stream", { resourceId: seeded.technician(1) }, { pageSize: 5 })
]
