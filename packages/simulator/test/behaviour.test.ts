/** The behaviour table: an area's behaviours are keyed by real operation ids, one of each kind per operation. */
import { describe, expect, it } from "vitest"
import { seededRandom } from "../src/data/random.js"
import { seedData } from "../src/data/seed.js"
import { ok } from "../src/engine/answers.js"
import { BehaviourTable, mergeBehaviours } from "../src/engine/behaviour.js"
import { buildEngine } from "../src/engine/routes.js"
import { Store } from "../src/state/store.js"

const answer = () => ok({})
const route = () => () => ok({})

describe("the behaviour table", () => {
  it("an id the operation tables do not have (or the engine does not route) stops the engine being built", () => {
    const ctx = { store: new Store(), data: seedData(1, "small"), instance: "sim", random: seededRandom(1) }
    const typo = new BehaviourTable().answer("metadata.shift.put", answer).behaviours
    expect(() => buildEngine(ctx, typo)).toThrow(/'metadata.shift.put' has a behaviour but no route/)
    // the token service is the edge's own: no engine route to give a behaviour to
    const token = new BehaviourTable().replace("core.tokenService.requestToken", ok).behaviours
    expect(() => buildEngine(ctx, token)).toThrow(/'core.tokenService.requestToken' has a behaviour but no route/)
    expect(buildEngine(ctx, new BehaviourTable().answer("metadata.shifts.put", answer).behaviours).routes.length).toBe(
      241
    )
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
