/**
 * Deterministic OFS-like data: the same seed and size always give the same resources, activities,
 * work zones, work schedules, users, inventories, capacity and metadata catalog. `large` is the size
 * the benchmarks use. Every size holds what the READMEs' examples name: the on-call shift `blue`,
 * activity 4225 and the organization bucket `FLUSA` over the buckets and their technicians.
 */
import type { SimRecord } from "../state/record.js"
import { technicianWorkSkills, technicianWorkZones, workSkillLabels } from "./assignments.js"
import { seedCapacityAreas, seedCapacityCategories, seedQuotas } from "./capacity.js"
import { addDays, daysAroundClockChange, pad, wallClockAfter } from "./dates.js"
import { IdCounter } from "./ids.js"
import { seedInventories } from "./inventories.js"
import { seededRandom } from "./random.js"
import { seedNonWorkingReasons, seedShifts, technicianSchedule } from "./schedules.js"
import { defaultTimeZone, offsetOnDay, type SimTimeZone, seedTimeZones } from "./timeZones.js"
import { seedUsers } from "./users.js"

export { addDays } from "./dates.js"

/** How much data to make. */
export type DataSize = "small" | "medium" | "large"

const sizes: Record<DataSize, { resources: number; activities: number; days: number; workZones: number }> = {
  small: { resources: 20, activities: 600, days: 10, workZones: 20 },
  medium: { resources: 200, activities: 10_000, days: 30, workZones: 100 },
  large: { resources: 1_000, activities: 100_000, days: 60, workZones: 500 }
}

/** The collections that belong to one resource. */
export interface ResourceCollections {
  readonly workSchedules: ReadonlyArray<SimRecord>
  readonly workSkills: ReadonlyArray<SimRecord>
  readonly workZones: ReadonlyArray<SimRecord>
}

/** The activity the READMEs' examples read (`core.activities.get(4225)`). */
export const exampleActivityId = 4225
/** The organization bucket the READMEs' examples stream activities of. */
export const exampleResourceId = "FLUSA"

/** The seeded data set, by collection. */
export interface SeedData {
  readonly startDate: string
  readonly days: number
  readonly resources: ReadonlyArray<SimRecord>
  readonly activities: ReadonlyArray<SimRecord>
  readonly workZones: ReadonlyArray<SimRecord>
  readonly users: ReadonlyArray<SimRecord>
  readonly inventories: ReadonlyArray<SimRecord>
  /** Each resource's own collections, by resource id (technicians only). */
  readonly resourceCollections: Readonly<Record<string, ResourceCollections>>
  /** Links between activities (4225 starts before 4226). */
  readonly activityLinks: ReadonlyArray<SimRecord>
  /** Capacity quotas: one record per day of the data, every area in it. */
  readonly quotas: ReadonlyArray<SimRecord>
  /** The highest seeded id per kind of numbered item (`workSchedules`, `workZones`, `inventories`). */
  readonly highestIds: Readonly<Record<string, number>>
  readonly metadata: Readonly<Record<string, ReadonlyArray<SimRecord>>>
}

const firstNames = [
  "Ana",
  "Ben",
  "Chen",
  "Dana",
  "Eli",
  "Fatima",
  "Gus",
  "Hana",
  "Ivan",
  "Jo",
  "Kai",
  "Lena",
  "Mo",
  "Nia"
]
const lastNames = ["Silva", "Berg", "Wong", "Kraus", "Novak", "Haddad", "Olsen", "Sato", "Petrov", "Reyes", "Moss"]
const cities = ["Springfield", "Riverton", "Lakeside", "Hillcrest", "Fairview", "Oakridge", "Brookfield", "Milton"]
const streets = ["Main St", "Oak Ave", "Pine Rd", "Maple Dr", "Cedar Ln", "Elm St", "Park Blvd", "Lake Rd"]
const activityTypes = ["install", "repair", "upgrade", "inspection", "removal", "maintenance"]
const statuses = [
  "pending",
  "pending",
  "pending",
  "started",
  "completed",
  "completed",
  "cancelled",
  "notdone",
  "suspended"
]
const timeSlots = [
  { label: "08-10", name: "8-10", timeStart: "08:00", timeEnd: "10:00" },
  { label: "10-12", name: "10-12", timeStart: "10:00", timeEnd: "12:00" },
  { label: "12-14", name: "12-14", timeStart: "12:00", timeEnd: "14:00" },
  { label: "14-16", name: "14-16", timeStart: "14:00", timeEnd: "16:00" },
  { label: "16-18", name: "16-18", timeStart: "16:00", timeEnd: "18:00" }
]

/** A resource's zone fields as OFS answers them. */
const zoneFields = (zone: SimTimeZone) => ({ timeZone: zone.name, timeZoneIANA: zone.iana })

/** How many of the last seeded days a technician in a zone with clock changes spends around a change. */
const clockChangeDays = 3

/**
 * Makes the data set for a seed and size; dates start at `startDate`.
 *
 * Time zones: the root, the region and the first bucket are Eastern; the other buckets take the
 * seed's zones in turn, and the technicians are spread over every zone in turn from a place the seed
 * picks. Activity times are the resource's wall clock. On its second pass over the days, a
 * technician in a zone whose clocks change works its last three days around the change nearest
 * `startDate` (the day before, of and after), so every such zone has work on both sides of one.
 */
export const seedData = (seed: number, size: DataSize, startDate = "2026-11-01"): SeedData => {
  const random = seededRandom(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)] as A
  const n = sizes[size]

  const workZones = Array.from({ length: n.workZones }, (_, i) => ({
    workZoneLabel: `WZ_${pad(i + 1, 4)}`,
    workZoneName: `${pick(cities)} zone ${i + 1}`,
    status: i % 37 === 36 ? "inactive" : "active",
    travelArea: "routing_area",
    keys: [pad(10_000 + i * 7, 5)]
  }))
  const activeZones = workZones.filter((z) => z.status === "active").map((z) => z.workZoneLabel)

  const root: SimRecord = {
    resourceId: "ROOT",
    name: "Organization",
    status: "active",
    resourceType: "OR",
    organization: "default",
    ...zoneFields(defaultTimeZone)
  }
  const region: SimRecord = {
    resourceId: exampleResourceId,
    parentResourceId: root.resourceId,
    name: "Florida, USA",
    status: "active",
    resourceType: "BK",
    language: "en",
    ...zoneFields(defaultTimeZone)
  }
  const buckets: Array<SimRecord> = []
  const bucketCount = Math.max(2, Math.floor(n.resources / 50))
  for (let b = 0; b < bucketCount; b++) {
    buckets.push({
      resourceId: `BUCKET_${pad(b + 1, 3)}`,
      parentResourceId: exampleResourceId,
      name: `${pick(cities)} dispatch ${b + 1}`,
      status: "active",
      resourceType: "BK",
      language: "en",
      ...zoneFields(seedTimeZones[b % seedTimeZones.length] as SimTimeZone)
    })
  }
  const technicians: Array<SimRecord> = []
  const technicianCount = n.resources - 2 - buckets.length
  // its own random source, so the zones leave every other seeded value as it was
  const firstZone = Math.floor(seededRandom(seed ^ 0x7a3e_51c9)() * seedTimeZones.length)
  const zoneOf = new Map<string, SimTimeZone>()
  for (let t = 0; t < technicianCount; t++) {
    const zone = seedTimeZones[(firstZone + t) % seedTimeZones.length] as SimTimeZone
    zoneOf.set(`TECH_${pad(t + 1, 5)}`, zone)
    technicians.push({
      resourceId: `TECH_${pad(t + 1, 5)}`,
      parentResourceId: `BUCKET_${pad((t % bucketCount) + 1, 3)}`,
      name: `${pick(firstNames)} ${pick(lastNames)}`,
      status: t % 41 === 40 ? "inactive" : "active",
      resourceType: "PR",
      language: "en",
      ...zoneFields(zone),
      email: `tech${t + 1}@example.com`,
      phone: `+1555${pad(t, 7)}`,
      workZone: activeZones[t % activeZones.length],
      XR_SKILL_LEVEL: 1 + (t % 5)
    })
  }
  const resources: Array<SimRecord> = [root, region, ...buckets, ...technicians]
  const techIds = technicians.map((r) => r.resourceId as string)

  const dates = Array.from({ length: n.days }, (_, d) => addDays(startDate, d))
  const offsets = new Map<string, number>()
  /** The zone's offset on a day, as the activities of that day give it (remembered: Intl is slow). */
  const offsetOf = (zone: SimTimeZone, date: string): number => {
    const key = `${zone.iana} ${date}`
    const known = offsets.get(key)
    if (known !== undefined) return known
    const offset = offsetOnDay(date, zone.iana)
    offsets.set(key, offset)
    return offset
  }
  const activities: Array<SimRecord> = []
  for (let a = 0; a < n.activities; a++) {
    const day = a % n.days
    const pass = Math.floor(a / n.days)
    const resourceId = techIds[pass % techIds.length] as string
    const zone = zoneOf.get(resourceId) ?? defaultTimeZone
    const aroundChange =
      pass >= techIds.length && pass < 2 * techIds.length && day >= n.days - clockChangeDays
        ? daysAroundClockChange(zone.iana, startDate)
        : undefined
    const date = aroundChange?.[day - (n.days - clockChangeDays)] ?? (dates[day] as string)
    const slot = pick(timeSlots)
    const city = pick(cities)
    const status = pick(statuses)
    activities.push({
      // the first two activities are the ones the READMEs' examples read (and link)
      activityId: a < 2 ? exampleActivityId + a : 4_000_000 + a,
      resourceId,
      date,
      status,
      activityType: pick(activityTypes),
      apptNumber: `APT-${pad(a + 1, 7)}`,
      customerNumber: `C${pad(Math.floor(random() * 900_000) + 100_000, 6)}`,
      customerName: `${pick(firstNames)} ${pick(lastNames)}`,
      streetAddress: `${1 + Math.floor(random() * 999)} ${pick(streets)}`,
      city,
      stateProvince: "NY",
      postalCode: pad(10_000 + Math.floor(random() * 80_000), 5),
      timeSlot: slot.label,
      serviceWindowStart: `${slot.timeStart}:00`,
      serviceWindowEnd: `${slot.timeEnd}:00`,
      duration: 30 + Math.floor(random() * 8) * 15,
      travelTime: 5 + Math.floor(random() * 40),
      latitude: Math.round((40 + random()) * 1e6) / 1e6,
      longitude: Math.round((-74 - random()) * 1e6) / 1e6,
      ...zoneFields(zone),
      resourceTimeZone: zone.name,
      resourceTimeZoneIANA: zone.iana,
      resourceTimeZoneDiff: offsetOf(zone, date),
      recordType: "regular",
      XA_PRIORITY: random() < 0.2 ? "high" : "normal"
    })
    const activity = activities[a] as SimRecord
    // a cancelled activity was never scheduled; the others start after their travel within the slot
    if (status !== "cancelled") {
      const travel = activity.travelTime as number
      activity.startTime = wallClockAfter(date, slot.timeStart, travel)
      activity.endTime = wallClockAfter(date, slot.timeStart, travel + (activity.duration as number))
    }
  }

  const scheduleIds = new IdCounter()
  const zoneIds = new IdCounter()
  const resourceCollections: Record<string, ResourceCollections> = {}
  technicians.forEach((r, t) => {
    resourceCollections[r.resourceId as string] = {
      workSchedules: technicianSchedule(t, startDate, scheduleIds),
      workSkills: technicianWorkSkills(t, startDate),
      workZones: technicianWorkZones(t, r.workZone as string, activeZones, startDate, zoneIds)
    }
  })
  const inventories = seedInventories(techIds, activities)

  const timeSlotLabels = timeSlots.map((s) => s.label)
  const capacityCategories = seedCapacityCategories(timeSlotLabels)
  const capacityAreas = seedCapacityAreas(region, buckets)
  const areaOf = new Map<unknown, string>(technicians.map((r) => [r.resourceId, r.parentResourceId as string]))
  const teamSize = new Map<string, number>()
  for (const r of technicians) {
    if (r.status === "active")
      teamSize.set(String(r.parentResourceId), (teamSize.get(String(r.parentResourceId)) ?? 0) + 1)
  }
  const quotas = seedQuotas({
    dates,
    areas: capacityAreas,
    categories: capacityCategories.map((c) => String(c.label)),
    timeSlots: timeSlotLabels,
    activities,
    areaOf,
    // an eight-hour day of every active technician of the area
    capacityOf: (area) => (teamSize.get(area) ?? 0) * 480
  })

  const metadata: Record<string, ReadonlyArray<SimRecord>> = {
    shifts: seedShifts,
    timeSlots: timeSlots.map((s) => ({ ...s, active: true, isAllDay: false })),
    activityTypes: activityTypes.map((label, i) => ({
      label,
      name: label[0]?.toUpperCase() + label.slice(1),
      active: true,
      groupLabel: "customer",
      defaultDuration: 60 + i * 15,
      colors: { pending: "FFDE00", started: "5DBE3F", completed: "79B6EB" },
      features: { isTeamworkAvailable: false, allowMoveBetweenResources: true }
    })),
    activityTypeGroups: [
      { label: "customer", name: "Customer", activityTypes: activityTypes.map((label) => ({ label })) }
    ],
    workSkills: workSkillLabels.map((label) => ({ label, name: label, active: true, sharing: "maximal" })),
    workSkillGroups: [
      {
        label: "field",
        name: "Field",
        active: true,
        assignToResource: true,
        workSkills: workSkillLabels.map((label) => ({ label, ratio: 100 }))
      }
    ],
    properties: [
      { label: "XA_PRIORITY", name: "Priority", type: "string", entity: "activity", gui: "text" },
      { label: "XR_SKILL_LEVEL", name: "Skill level", type: "integer", entity: "resource", gui: "text" },
      { label: "csign", name: "Customer signature", type: "file", entity: "activity", gui: "signature" },
      { label: "photo", name: "Photo", type: "file", entity: "activity", gui: "image" }
    ],
    resourceTypes: [
      { label: "PR", name: "Technician", active: true, role: "field_resource" },
      { label: "BK", name: "Bucket", active: true, role: "bucket" },
      { label: "OR", name: "Organization", active: true, role: "organization_unit" }
    ],
    inventoryTypes: ["router", "modem", "meter", "cable"].map((label) => ({
      label,
      name: label,
      active: true,
      nonSerialized: label === "cable"
    })),
    capacityAreas,
    capacityCategories,
    languages: [{ label: "en", code: "en-US", name: "English", active: true }],
    nonWorkingReasons: seedNonWorkingReasons,
    organizations: [{ label: "default", name: "Default", type: "inhouse" }],
    workZones,
    applications: [{ label: "ofsc-sim", name: "Simulator app", status: "active", tokenService: "ofsc" }],
    forms: [{ label: "checklist", name: "Checklist" }],
    linkTemplates: [
      { label: "start-before", active: true, linkType: "related", reverseLabel: "start-after" },
      { label: "start-after", active: true, linkType: "related", reverseLabel: "start-before" }
    ],
    mapLayers: [],
    routingProfiles: [{ profileLabel: "default" }],
    plugins: []
  }

  return {
    startDate,
    days: n.days,
    resources,
    activities,
    workZones,
    users: seedUsers(technicians, buckets, root),
    inventories,
    resourceCollections,
    activityLinks: [
      { fromActivityId: exampleActivityId, toActivityId: exampleActivityId + 1, linkType: "start-before" }
    ],
    quotas,
    highestIds: {
      workSchedules: scheduleIds.highest,
      workZones: zoneIds.highest,
      inventories: Math.max(100_000, ...inventories.slice(-1).map((i) => Number(i.inventoryId)))
    },
    metadata
  }
}
