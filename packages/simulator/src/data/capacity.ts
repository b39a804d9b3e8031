/**
 * Capacity as a tenant configures it: the `FLUSA` group holding one capacity area per bucket,
 * capacity categories that name their work skills and time slots, and a quota per day of the data
 * for every area, its categories and its time slots, with `used` and `bookedActivities` counted
 * from the seeded activities of the area's technicians.
 */
import type { SimRecord } from "../state/record.js"

/** The capacity categories: each needs work skills of the catalog and is booked in every time slot. */
export const seedCapacityCategories = (timeSlotLabels: ReadonlyArray<string>): ReadonlyArray<SimRecord> =>
  [
    { label: "install", name: "Installation", workSkills: ["electrical", "fiber"] },
    { label: "repair", name: "Repair", workSkills: ["plumbing", "hvac"] },
    { label: "maintenance", name: "Maintenance", workSkills: ["safety"] }
  ].map((c) => ({
    label: c.label,
    name: c.name,
    active: true,
    workSkills: c.workSkills.map((label, i) => ({ label, ratio: i === 0 ? 100 : 50 })),
    workSkillGroups: [],
    timeSlots: timeSlotLabels.map((label) => ({ label })),
    translations: [{ language: "en", name: c.name }]
  }))

/** The capacity areas: the group and one area per bucket. */
export const seedCapacityAreas = (group: SimRecord, buckets: ReadonlyArray<SimRecord>): ReadonlyArray<SimRecord> => [
  { label: group.resourceId, name: group.name, type: "group", status: "active" },
  ...buckets.map((b) => ({
    label: b.resourceId,
    name: b.name,
    type: "area",
    status: "active",
    parent: { label: group.resourceId, name: group.name }
  }))
]

/** What the seeded activities book, per area and day. */
interface Booked {
  minutes: number
  activities: number
  byCategory: Map<string, number>
  bySlot: Map<string, number>
}

const categoryOf = (activityType: unknown): string =>
  activityType === "install" || activityType === "upgrade"
    ? "install"
    : activityType === "repair"
      ? "repair"
      : "maintenance"

/** One quota record per day: every area with its categories and time slots. */
export const seedQuotas = (input: {
  readonly dates: ReadonlyArray<string>
  readonly areas: ReadonlyArray<SimRecord>
  readonly categories: ReadonlyArray<string>
  readonly timeSlots: ReadonlyArray<string>
  readonly activities: ReadonlyArray<SimRecord>
  /** The area (bucket) of each technician. */
  readonly areaOf: ReadonlyMap<unknown, string>
  /** Working minutes per area and day. */
  readonly capacityOf: (area: string) => number
}): ReadonlyArray<SimRecord> => {
  const booked = new Map<string, Booked>()
  for (const a of input.activities) {
    const area = input.areaOf.get(a.resourceId)
    if (area === undefined || a.status === "cancelled") continue
    const key = `${String(a.date)}|${area}`
    let b = booked.get(key)
    if (b === undefined) {
      b = { minutes: 0, activities: 0, byCategory: new Map(), bySlot: new Map() }
      booked.set(key, b)
    }
    const minutes = Number(a.duration) || 0
    const category = categoryOf(a.activityType)
    b.minutes += minutes
    b.activities += 1
    b.byCategory.set(category, (b.byCategory.get(category) ?? 0) + minutes)
    b.bySlot.set(String(a.timeSlot), (b.bySlot.get(String(a.timeSlot)) ?? 0) + minutes)
  }
  const areas = input.areas.filter((a) => a.type === "area")
  return input.dates.map((date) => ({
    date,
    areas: areas.map((area) => {
      const label = String(area.resourceId ?? area.label)
      const b = booked.get(`${date}|${label}`)
      const maxAvailable = input.capacityOf(label)
      const quota = Math.round(maxAvailable * 0.8)
      return {
        label,
        name: area.name,
        maxAvailable,
        quota,
        quotaPercent: 80,
        used: b?.minutes ?? 0,
        usedQuotaPercent: quota === 0 ? 0 : Math.round(((b?.minutes ?? 0) / quota) * 1000) / 10,
        bookedActivities: b?.activities ?? 0,
        quotaIsClosed: false,
        categories: input.categories.map((c) => ({
          label: c,
          quota: Math.round(quota / input.categories.length),
          used: b?.byCategory.get(c) ?? 0
        })),
        timeSlots: input.timeSlots.map((s) => ({
          label: s,
          quota: Math.round(quota / input.timeSlots.length),
          used: b?.bySlot.get(s) ?? 0
        }))
      }
    })
  }))
}
