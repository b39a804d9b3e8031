import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ResourceWorkSkills } from "../src/core.js"
import { linkHref, linksOf } from "../src/index.js"

describe("linksOf", () => {
  it("reads the links OFS puts on a response even where the model leaves them out of its type", () => {
    const skills = Schema.decodeUnknownSync(ResourceWorkSkills, { onExcessProperty: "preserve" })({
      totalResults: 0,
      items: [],
      links: [{ rel: "canonical", href: "https://example.test/skills" }]
    })
    expect("links" in ResourceWorkSkills.fields).toBe(false)
    expect(linksOf(skills)).toEqual([{ rel: "canonical", href: "https://example.test/skills" }])
    expect(linkHref(skills, "canonical")).toBe("https://example.test/skills")
    expect(linkHref(skills, "next")).toBeUndefined()
  })

  it("gives an empty list for values without links and skips malformed entries", () => {
    expect(linksOf(undefined)).toEqual([])
    expect(linksOf({ links: "nope" })).toEqual([])
    expect(linksOf({ links: [{ rel: "next" }, { rel: "self", href: "/x", mediaType: "application/json" }] })).toEqual([
      { rel: "self", href: "/x", mediaType: "application/json" }
    ])
  })
})
