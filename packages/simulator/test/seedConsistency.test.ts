/**
 * The seeded collections are filled and point only at things that exist, for any seed: users at
 * resources and languages, resources' work skills, work zones, inventories and schedules at the
 * catalog, activities' inventories at activities, capacity areas at resources and their group,
 * categories at work skills and time slots, quotas at areas, categories and slots. Read through the
 * real client, so the answers (with their `links`) also decode.
 */
import { OfscCapacity } from "@ofsc/capacity"
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type SimRecord, Simulator } from "../src/index.js"
import { servicesFor } from "./support/engineClient.js"

const labels = (items: ReadonlyArray<{ readonly label?: string | null | undefined }> | null | undefined) =>
  new Set((items ?? []).map((i) => i.label))

/** Every label a work schedule item names: its own shift and its schedule's shifts. */
const shiftLabelsOf = (item: SimRecord): ReadonlyArray<unknown> => [
  ...(item.shiftLabel === undefined ? [] : [item.shiftLabel]),
  ...(Array.isArray(item.scheduleShifts) ? item.scheduleShifts.map((s) => (s as SimRecord).shiftLabel) : [])
]

const consistent = (seed: number) =>
  Effect.gen(function* () {
    const sim = yield* Simulator.scoped({ seed, size: "small" })
    const program = Effect.gen(function* () {
      const core = yield* OfscCore
      const metadata = yield* OfscMetadata
      const capacity = yield* OfscCapacity
      const resources = (yield* core.resources.list({ limit: 100 })).items ?? []
      const resourceIds = new Set(resources.map((r) => r.resourceId))
      const languages = labels((yield* metadata.languages.list()).items)
      const workSkills = labels((yield* metadata.workSkills.list({ limit: 100 })).items)
      const zones = (yield* metadata.workZones.list({ limit: 100 })).items ?? []
      const activeZones = new Set(zones.filter((z) => z.status === "active").map((z) => z.workZoneLabel))
      const inventoryTypes = labels((yield* metadata.inventoryTypes.list({ limit: 100 })).items)
      const shifts = labels((yield* metadata.shifts.list({ limit: 100 })).items)
      const reasons = labels((yield* metadata.nonWorkingReasons.list({ limit: 100 })).items)
      const timeSlots = labels((yield* metadata.timeSlots.list({ limit: 100 })).items)

      const users = (yield* core.users.list({ limit: 100 })).items ?? []
      expect(users.length).toBeGreaterThan(0)
      for (const user of users) {
        expect(resourceIds).toContain(user.mainResourceId)
        for (const r of user.resources ?? []) expect(resourceIds).toContain(r)
        expect(languages).toContain(user.language)
        expect(user.timeZone).toEqual(expect.any(String))
        expect(user.userType).toEqual(expect.any(String))
      }

      const technicians = resources.filter((r) => r.resourceType === "PR").map((r) => String(r.resourceId))
      expect(technicians.length).toBeGreaterThan(0)
      for (const tech of technicians) {
        const skills = (yield* core.resources.workSkills.list(tech)).items ?? []
        expect(skills.length).toBeGreaterThan(0)
        for (const s of skills) expect(workSkills).toContain(s.workSkill)
        const assigned = (yield* core.resources.workZones.list(tech)).items ?? []
        expect(assigned.length).toBeGreaterThan(0)
        for (const z of assigned) expect(activeZones).toContain(z.workZone)
        const carried = (yield* core.resources.inventories.list(tech)).items ?? []
        expect(carried.length).toBeGreaterThan(0)
        for (const i of carried) {
          expect(i.resourceId).toBe(tech)
          expect(inventoryTypes).toContain(i.inventoryType)
        }
        const schedule = (yield* core.resources.workSchedules.list(tech)).items ?? []
        expect(schedule.length).toBeGreaterThan(0)
        for (const item of schedule) {
          for (const label of shiftLabelsOf(item as SimRecord)) expect(shifts).toContain(label)
          if (item.nonWorkingReason !== undefined) expect(reasons).toContain(item.nonWorkingReason)
        }
        // the users that list a resource are its assigned users
        const assignedUsers = (yield* core.resources.users.list(tech)).items?.map((u) => u.login)
        expect(assignedUsers).toEqual(users.filter((u) => u.resources?.includes(tech)).map((u) => u.login))
      }

      const onSite = sim.data.inventories.filter((i) => i.status === "customer").slice(0, 5)
      expect(onSite.length).toBeGreaterThan(0)
      for (const inventory of onSite) {
        const activityId = Number(inventory.activityId)
        expect((yield* core.activities.get(activityId)).activityId).toBe(activityId)
        const listed = (yield* core.activities.customerInventories.list(activityId)).items ?? []
        expect(listed.map((i) => i.inventoryId)).toContain(inventory.inventoryId)
      }

      const areas = (yield* metadata.capacityAreas.list()).items ?? []
      const areaLabels = labels(areas)
      expect(areas.some((a) => a.type === "area")).toBe(true)
      for (const area of areas) {
        expect(resourceIds).toContain(area.label)
        if (area.parent !== undefined) expect(areaLabels).toContain(area.parent?.label)
      }
      const categories = (yield* metadata.capacityCategories.list({ limit: 100 })).items ?? []
      expect(categories.length).toBeGreaterThan(0)
      for (const category of categories) {
        for (const s of category.workSkills ?? []) expect(workSkills).toContain(s.label)
        for (const s of category.timeSlots ?? []) expect(timeSlots).toContain(s.label)
      }
      const categoryLabels = labels(categories)
      const day = sim.data.startDate
      const quota = yield* capacity.quota.get({ dates: [day] })
      const quotaAreas = quota.items?.[0]?.areas ?? []
      expect(quotaAreas.map((a) => a.label)).toEqual(areas.filter((a) => a.type === "area").map((a) => a.label))
      for (const area of quotaAreas) {
        expect(area.quota).toBeGreaterThan(0)
        for (const c of area.categories ?? []) expect(categoryLabels).toContain(c.label)
        for (const s of area.timeSlots ?? []) expect(timeSlots).toContain(s.label)
        // `used` counts the minutes of the area's technicians' activities that day
        const team = new Set(resources.filter((r) => r.parentResourceId === area.label).map((r) => r.resourceId))
        const minutes = sim.data.activities
          .filter((a) => a.date === day && team.has(a.resourceId as string) && a.status !== "cancelled")
          .reduce((sum, a) => sum + Number(a.duration), 0)
        expect(area.used).toBe(minutes)
      }
    })
    yield* Effect.provide(program, servicesFor(sim))
  })

describe("seeded data", () => {
  it("is filled and referentially consistent for any seed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), (seed) =>
        Effect.runPromise(Effect.scoped(consistent(seed)))
      ),
      { numRuns: 4 }
    )
  })
})
