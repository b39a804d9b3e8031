import { describe, expect, it } from "vitest"
import { configResources, metadataOperationGroups, uncoveredGroups } from "../src/index.js"

describe("the resource catalog, read off the metadata operation table", () => {
  it("covers every operation group of the table, or says why not", () => {
    const covered = new Set(configResources.map((r) => r.group))
    const missing = metadataOperationGroups.filter(
      (group) => !covered.has(group) && uncoveredGroups[group] === undefined
    )
    expect(missing).toEqual([])
  })

  it("writes what the table can write and exports the rest with a reason", () => {
    const written = configResources.filter((r) => r.written).map((r) => r.name)
    expect(written.sort()).toEqual(
      [
        "activityTypeGroups",
        "activityTypes",
        "applicationApiAccess",
        "applications",
        "capacityCategories",
        "forms",
        "inventoryTypes",
        "linkTemplates",
        "mapLayers",
        "propertyEnumerations",
        "properties",
        "routingPlans",
        "shifts",
        "workSkillConditions",
        "workSkillGroups",
        "workSkills",
        "workZones"
      ].sort()
    )
    for (const resource of configResources.filter((r) => !r.written)) expect(resource.readOnlyReason).not.toBe("")
    // a write operation never becomes an export-only resource's, and read-only ones have none
    for (const name of ["languages", "resourceTypes", "nonWorkingReasons"]) {
      const resource = configResources.find((r) => r.name === name)
      expect(resource?.operations.put ?? resource?.operations.create ?? resource?.operations.delete).toBeUndefined()
    }
  })

  it("orders every resource after what it depends on", () => {
    const position = new Map(configResources.map((r, i) => [r.name, i]))
    for (const resource of configResources)
      for (const dependency of resource.dependsOn)
        expect(position.get(dependency) ?? -1).toBeLessThan(position.get(resource.name) ?? -1)
  })

  it("never exports an application's secrets", () => {
    const applications = configResources.find((r) => r.name === "applications")
    expect(applications?.writableFields).not.toContain("clientSecret")
    expect(applications?.drop).toContain("clientSecret")
  })
})
