import { describe, expect, it } from "vitest"
import { allModules } from "../src/all.js"
import { apiModules } from "../src/index.js"

describe("the module registry", () => {
  it("lists the six API modules once, each with its package and path prefix", () => {
    expect(apiModules.map((m) => [m.name, m.packageName, m.pathPrefix])).toEqual([
      ["core", "@ofsc/core", "/rest/ofscCore/"],
      ["metadata", "@ofsc/metadata", "/rest/ofscMetadata/"],
      ["capacity", "@ofsc/capacity", "/rest/ofscCapacity/"],
      ["statistics", "@ofsc/statistics", "/rest/ofscStatistics/"],
      ["partsCatalog", "@ofsc/parts-catalog", "/rest/ofscPartsCatalog/"],
      ["collaboration", "@ofsc/collaboration", "/rest/ofscCollaboration/"]
    ])
  })

  it("loads a module's table, tag and layer; every operation of it is under its path prefix", async () => {
    for (const info of apiModules) {
      const module = await info.load()
      expect(module.name).toBe(info.name)
      expect(module.operations.length).toBeGreaterThan(0)
      expect(module.tag.key).toContain(info.packageName)
      const foreign = module.operations.filter(
        (op) => !op.path.startsWith(info.pathPrefix) && !op.path.startsWith("/rest/oauthTokenService/")
      )
      expect(foreign.map((op) => op.id)).toEqual([])
    }
  })

  it("names as stream methods exactly the paged lists' streams and the events polls", async () => {
    const metadata = await apiModules[1].load()
    const paged = metadata.operations.filter((op) => op.paging === "offset-limit")
    expect(apiModules[1].streamMethods).toHaveLength(paged.length)
    expect(apiModules[1].streamMethods).toContain("metadata.shifts.stream")
    expect(apiModules[0].streamMethods).toContain("core.events.polls")
  })

  it("has the same modules loaded at once in @ofsc/modules/all", () => {
    expect(allModules.map((m) => m.name)).toEqual(apiModules.map((m) => m.name))
    expect(allModules.reduce((n, m) => n + m.operations.length, 0)).toBe(243)
  })
})
