/** The behaviour table: an area's behaviours are keyed by real operation ids, one of each kind per operation. */
import { describe, expect, it } from "vitest"
import { ok } from "../src/engine/answers.js"
import { BehaviourTable, mergeBehaviours } from "../src/engine/behaviour.js"

const answer = () => ok({})
const route = () => () => ok({})

describe("the behaviour table", () => {
  it("refuses an id the operation tables do not have", () => {
    expect(() => new BehaviourTable().answer("metadata.shift.put", answer)).toThrow(/No operation 'metadata.shift.put'/)
  })

  it("refuses two answers or two routes for one operation, across areas too", () => {
    expect(() =>
      new BehaviourTable().answer("core.activities.create", answer).answer("core.activities.create", answer)
    ).toThrow(/Two answers/)
    const a = new BehaviourTable().wrap("core.users.put", route).behaviours
    const b = new BehaviourTable().replace("core.users.put", ok).behaviours
    expect(() => mergeBehaviours([a, b])).toThrow(/Two routes for 'core.users.put'/)
  })

  it("joins an answer from one area with a route from another", () => {
    const a = new BehaviourTable().answer("core.activities.create", answer).behaviours
    const b = new BehaviourTable().wrap("core.activities.create", route).behaviours
    const merged = mergeBehaviours([a, b])["core.activities.create"]
    expect(merged?.answer).toBe(answer)
    expect(merged?.route).toBe(route)
  })
})
