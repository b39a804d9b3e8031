import { describe, expect, it } from "vitest"
import { planChanges, renderPlan } from "../src/index.js"

// plain snapshots, as a synchronous script builds them from @ofsc/sync answers: no Effect involved
const skill = (label: string) => ({ active: true, label, name: label, sharing: "maximal" })
const group = (label: string, skills: ReadonlyArray<string>) => ({
  active: true,
  addToCapacityCategory: false,
  assignToResource: true,
  label,
  name: label,
  translations: [{ language: "en", name: label }],
  workSkills: skills.map((s) => ({ label: s, ratio: 100 }))
})

describe("planChanges", () => {
  it("creates what an item references before it, and deletes it after what references it", () => {
    const source = { workSkillGroups: { net: group("net", ["fiber"]) }, workSkills: { fiber: skill("fiber") } }
    const target = { workSkillGroups: { old: group("old", ["copper"]) }, workSkills: { copper: skill("copper") } }
    const plan = planChanges(source, target, { prune: true })
    expect(plan.entries.map((e) => `${e.action} ${e.resource}/${e.key}`)).toEqual([
      "create workSkills/fiber",
      "create workSkillGroups/net",
      "delete workSkillGroups/old",
      "delete workSkills/copper"
    ])
  })

  it("compares only the resources the source holds, and never an export-only one", () => {
    const source = { shifts: {}, languages: { fr: { label: "fr", name: "French" } } }
    const target = {
      shifts: { day: { active: true, label: "day", name: "Day" } },
      workSkills: { fiber: skill("fiber") },
      languages: {}
    }
    const plan = planChanges(source, target)
    expect(plan.entries).toEqual([])
    expect(plan.kept).toEqual([{ resource: "shifts", key: "day", reason: "no --prune" }])
    expect(plan.notWritten).toEqual(["languages"])
    expect(renderPlan(plan)).toBe(
      "No changes: the target matches the source.\nPlan: 0 to create, 0 to update, 0 to delete (1 only in the target, kept).\nExported only, not compared: languages.\n"
    )
  })

  it("an update lists each changed field with its value before and after", () => {
    const before = { active: true, label: "fiber", name: "Fiber", sharing: "maximal" }
    const after = { active: false, label: "fiber", sharing: "minimal" }
    const plan = planChanges({ workSkills: { fiber: after } }, { workSkills: { fiber: before } })
    expect(plan.entries).toEqual([
      {
        action: "update",
        resource: "workSkills",
        key: "fiber",
        item: after,
        changes: [
          { field: "active", before: true, after: false },
          { field: "name", before: "Fiber" },
          { field: "sharing", before: "maximal", after: "minimal" }
        ]
      }
    ])
    expect(renderPlan(plan)).toContain('    name: "Fiber" → (absent)\n')
  })

  it("keeps what it cannot delete, and says why", () => {
    const zone = { label: "WZ_1", travelArea: "a", workZoneLabel: "WZ_1", workZoneName: "Zone 1" }
    const plan = planChanges({ workZones: {} }, { workZones: { WZ_1: zone } }, { prune: true })
    expect(plan.entries).toEqual([])
    expect(plan.kept).toEqual([{ resource: "workZones", key: "WZ_1", reason: "cannot be deleted through the API" }])
  })
})
