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
})
