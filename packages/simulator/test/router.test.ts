/**
 * The edge's router (find-my-way-ts): for generated ids, an encoded path segment comes back as the
 * same value and never reaches another route; literal segments win over parameters; a path known
 * for another method is a 405, an unknown one a 404; a handler can be replaced.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Router } from "../src/edge/router.js"
import { ok } from "../src/engine/answers.js"

const item = () => ok({ route: "item" })
const calendar = () => ok({ route: "calendar" })
const file = () => ok({ route: "file" })

const router = () =>
  new Router()
    .on("GET", "/rest/ofscCore/v1/resources/{resourceId}", item)
    .on("GET", "/rest/ofscCore/v1/resources/{resourceId}/workSchedules/calendarView", calendar)
    .on("GET", "/rest/ofscCore/v1/resources/{resourceId}/{propertyLabel}", file)

describe("the router", () => {
  it("an id of any text, encoded, comes back whole and addresses the same route", () => {
    const r = router()
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }),
        fc.string({ minLength: 1 }),
        (id, label) => {
          const one = r.match("GET", `/rest/ofscCore/v1/resources/${encodeURIComponent(id)}`)
          expect(one).toMatchObject({ handler: item, params: { resourceId: id } })
          const two = r.match(
            "GET",
            `/rest/ofscCore/v1/resources/${encodeURIComponent(id)}/${encodeURIComponent(label)}`
          )
          expect(two).toMatchObject({ params: { resourceId: id, propertyLabel: label } })
        }
      ),
      { numRuns: 300 }
    )
  })

  it("literal segments win over parameters; 405 for a known path, 404 for an unknown one; handlers replace", () => {
    const r = router()
    expect(r.match("GET", "/rest/ofscCore/v1/resources/T1/workSchedules/calendarView")).toMatchObject({
      handler: calendar,
      template: "/rest/ofscCore/v1/resources/{resourceId}/workSchedules/calendarView"
    })
    expect(r.match("DELETE", "/rest/ofscCore/v1/resources/T1")).toBe("method-not-allowed")
    expect(r.match("GET", "/rest/ofscCore/v1/nothing/here/at/all")).toBe("not-found")
    const other = () => ok({ route: "other" })
    r.on("GET", "/rest/ofscCore/v1/resources/{resourceId}", other)
    expect(r.match("GET", "/rest/ofscCore/v1/resources/T1")).toMatchObject({ handler: other })
    expect(r.list()).toHaveLength(3)
  })

  it("routers over the same routes share their tree, not their handlers; a route added to one stays its own", () => {
    const routes = [
      { method: "GET", path: "/rest/ofscMetadata/v1/workSkills/{label}", handler: item },
      { method: "PUT", path: "/rest/ofscMetadata/v1/workSkills/{label}", handler: item }
    ]
    const a = Router.over(routes)
    const b = Router.over(routes)
    a.on("GET", "/rest/ofscMetadata/v1/workSkills/forbidden", file)
    b.on("GET", "/rest/ofscMetadata/v1/workSkills/{label}", calendar)
    expect(a.match("GET", "/rest/ofscMetadata/v1/workSkills/forbidden")).toMatchObject({ handler: file })
    expect(a.match("GET", "/rest/ofscMetadata/v1/workSkills/other")).toMatchObject({
      handler: item,
      params: { label: "other" }
    })
    expect(b.match("GET", "/rest/ofscMetadata/v1/workSkills/forbidden")).toMatchObject({
      handler: calendar,
      params: { label: "forbidden" }
    })
    expect(b.match("DELETE", "/rest/ofscMetadata/v1/workSkills/x")).toBe("method-not-allowed")
    expect(a.list()).toHaveLength(3)
    expect(b.list()).toHaveLength(2)
  })
})
