/**
 * The simulator's clock and the rules that hang on it: events are kept 7 days, a subscription not
 * read for 36 hours expires (404), the clock moves forward only (in code and over HTTP); the
 * subscription rules (same config → same subscription, 100 at most, options checked); and the
 * "applied, then dropped" fault.
 */
import { it } from "@effect/vitest"
import { OfscCore, OfscTransport } from "@ofsc/core"
import { Effect, Either, Layer } from "effect"
import { describe, expect } from "vitest"
import { Simulator, type SimulatorHandle } from "../../src/index.js"
import { clientLayer, described, failure, type RuleServices, seeded, testSeed } from "./support.js"

const hour = 3_600_000
const day = 24 * hour
const pending = seeded.activities.filter((a) => a.status === "pending").map((a) => a.activityId as number)

/** A simulator whose clock starts at a fixed time, and the client pointed at it. */
const atFixedTime = <A, E>(body: (sim: SimulatorHandle) => Effect.Effect<A, E, RuleServices>) =>
  Effect.flatMap(Simulator.scoped({ seed: testSeed, size: "small", clockStart: "2026-03-01T12:00:00Z" }), (sim) =>
    Effect.provide(body(sim), Layer.fresh(clientLayer(sim)))
  )

/** A subscription to activityUpdated, made now, and the core API. */
const subscribeToUpdates = Effect.gen(function* () {
  const core = yield* OfscCore
  const created = yield* core.events.subscriptions.create({ subscriptionConfig: [{ events: ["activityUpdated"] }] })
  return { core, created, subscriptionId: created.subscriptionId ?? "" }
})

const rename = (id: number, customerName: string) =>
  Effect.flatMap(OfscCore, (core) => core.activities.update(id, { customerName }))

describe("the simulator's clock", () => {
  it.scopedLive("events are timed by the clock and kept 7 days; older ones are gone from every cursor", () =>
    atFixedTime((sim) =>
      Effect.gen(function* () {
        const { core, created, subscriptionId } = yield* subscribeToUpdates
        yield* rename(pending[0] as number, "day one")
        // a day at a time, reading each day so that the subscription does not expire
        const passDays = (n: number) =>
          Effect.forEach(Array.from({ length: n }), () => {
            sim.clock.advance(day)
            return core.events.list({ subscriptionId, page: "lastRequested" })
          })
        yield* passDays(6)
        yield* rename(pending[1] as number, "day seven")
        const early = yield* core.events.list({ subscriptionId, page: created.nextPage ?? "" })
        expect(early.items?.map((e) => [e.activityChanges?.customerName, e.time?.slice(0, 10)])).toEqual([
          ["day one", "2026-03-01"],
          ["day seven", "2026-03-07"]
        ])
        yield* passDays(1)
        sim.clock.advance(hour) // day one's event is now older than 7 days
        const later = yield* core.events.list({ subscriptionId, page: created.nextPage ?? "" })
        expect(later.items?.map((e) => e.activityChanges?.customerName)).toEqual(["day seven"])
        const fromSince = yield* core.events.list({ subscriptionId, since: "2026-03-01 00:00:00" })
        const sinceItems = yield* core.events.list({ subscriptionId, page: fromSince.nextPage ?? "" })
        expect(sinceItems.items?.map((e) => e.activityChanges?.customerName)).toEqual(["day seven"])
      })
    )
  )

  it.scopedLive("a subscription not read for 36 hours expires: GET /events answers 404 and the lists forget it", () =>
    atFixedTime((sim) =>
      Effect.gen(function* () {
        const { core, created, subscriptionId } = yield* subscribeToUpdates
        expect((yield* core.events.subscriptions.get(subscriptionId)).expirationTime).toBe("2026-03-03 00:00:00")
        sim.clock.advance(35 * hour)
        yield* core.events.list({ subscriptionId, page: created.nextPage ?? "" })
        // the read moved the expiry: 35 more hours are fine
        sim.clock.advance(35 * hour)
        const info = yield* core.events.subscriptions.get(subscriptionId)
        expect(info.expirationTime).toBe("2026-03-04 11:00:00")
        sim.clock.advance(hour + 1000)
        expect(described(yield* failure(core.events.list({ subscriptionId, page: "lastRequested" })))).toEqual({
          tag: "OfscNotFound",
          status: 404,
          detail: `Subscription '${subscriptionId}' not found`
        })
        expect((yield* core.events.subscriptions.list()).items).toEqual([])
        expect(described(yield* failure(core.events.subscriptions.get(subscriptionId))).status).toBe(404)
      })
    )
  )

  it.scopedLive("the clock moves forward over HTTP, never back", () =>
    atFixedTime((sim) =>
      Effect.gen(function* () {
        const { raw } = yield* OfscTransport
        const read = (yield* raw("GET", "/simulator/v1/clock")) as { time: string; epochMs: number }
        expect(read.time.slice(0, 13)).toBe("2026-03-01 12")
        const moved = (yield* raw("POST", "/simulator/v1/clock", { body: { advanceSeconds: 86_400 } })) as {
          time: string
        }
        expect(moved.time.slice(0, 13)).toBe("2026-03-02 12")
        const set = (yield* raw("POST", "/simulator/v1/clock", { body: { time: "2026-04-01 08:30:00" } })) as {
          time: string
        }
        expect(set.time.slice(0, 16)).toBe("2026-04-01 08:30")
        expect(new Date(sim.clock.now()).toISOString().slice(0, 16)).toBe("2026-04-01T08:30")
        const back = yield* Effect.either(raw("POST", "/simulator/v1/clock", { body: { time: "2026-01-01 00:00:00" } }))
        expect(Either.isLeft(back) && back.left._tag).toBe("OfscConflict")
        const negative = yield* Effect.either(raw("POST", "/simulator/v1/clock", { body: { advanceSeconds: -5 } }))
        expect(Either.isLeft(negative) && negative.left._tag).toBe("OfscBadRequest")
        expect(sim.clock.advance(-1)).toBe(false)
      })
    )
  )
})

describe("subscription rules", () => {
  it.scopedLive("the same config is the same subscription; 100 live at most (503 for the next)", () =>
    atFixedTime(() =>
      Effect.gen(function* () {
        const subscriptions = (yield* OfscCore).events.subscriptions
        const config = [{ events: ["activityCreated", "activityUpdated"] as never, fields: ["city", "apptNumber"] }]
        const first = yield* subscriptions.create({ subscriptionConfig: config })
        const again = yield* subscriptions.create({
          subscriptionConfig: [
            { events: ["activityUpdated", "activityCreated"] as never, fields: ["apptNumber", "city"] }
          ]
        })
        expect(again.subscriptionId).toBe(first.subscriptionId)
        const other = yield* subscriptions.create({ subscriptionConfig: [{ events: ["activityCreated"] }] })
        expect(other.subscriptionId).not.toBe(first.subscriptionId)
        for (let n = 2; n < 100; n++)
          yield* subscriptions.create({ subscriptionConfig: [{ events: ["activityUpdated"], fields: [`XA_${n}`] }] })
        expect((yield* subscriptions.list()).totalResults).toBe(100)
        const refused = yield* Effect.either(
          subscriptions.create({ subscriptionConfig: [{ events: ["activityUpdated"], fields: ["XA_100"] }] })
        )
        expect(Either.isLeft(refused) && refused.left).toMatchObject({
          _tag: "OfscServerError",
          status: 503,
          detail: "Too many subscriptions registered. Found 100."
        })
        // the same config as a live one still answers that one
        expect((yield* subscriptions.create({ subscriptionConfig: config })).subscriptionId).toBe(first.subscriptionId)
      })
    )
  )

  it.scopedLive("options are checked as OFS documents: one entity per item, filters that parse and fit", () =>
    atFixedTime(() =>
      Effect.gen(function* () {
        const { raw } = yield* OfscTransport
        const refusal = (subscriptionConfig: unknown, subscriptionTitle?: unknown) =>
          Effect.map(
            Effect.flip(
              raw("POST", "/rest/ofscCore/v1/events/subscriptions", { body: { subscriptionConfig, subscriptionTitle } })
            ),
            (e) => ("detail" in e ? e.detail : e._tag)
          )
        expect(yield* refusal([{ events: ["activityCreated", "inventoryInstalled"], fields: ["city"] }])).toMatch(
          /events of one entity/
        )
        expect(
          yield* refusal([{ events: ["activityCreated"], filterExpression: "'x' == activityDetails.city" }])
        ).toMatch(/^Wrong value in field 'subscriptionConfig.filterExpression'/)
        expect(yield* refusal([{ events: ["activityCreated"], filterExpression: "resourceDetails.name == 'x'" }])).toBe(
          "Wrong value in field 'subscriptionConfig.filterExpression': field 'resourceDetails.name' does not exist for these events."
        )
        expect(yield* refusal([{ events: ["activityCreated"], filterExpression: "doesNotExist == 'x'" }])).toMatch(
          /field 'doesNotExist' does not exist/
        )
        expect(yield* refusal([{ events: ["activityCreated"] }], "")).toMatch(/subscriptionTitle/)
        expect(yield* refusal([{ events: ["activityCreated"] }], "t".repeat(256))).toMatch(/subscriptionTitle/)
        // without options, events of several entities are fine
        yield* raw("POST", "/rest/ofscCore/v1/events/subscriptions", {
          body: { subscriptionConfig: [{ events: ["activityCreated", "inventoryInstalled"] }] }
        })
      })
    )
  )
})

describe("applied, then dropped", () => {
  it.scopedLive("the write runs and stays, its event is published, and only the answer is lost", () =>
    atFixedTime((sim) =>
      Effect.gen(function* () {
        const { core, created } = yield* subscribeToUpdates
        sim.faults.appliedDropRate = 1
        sim.faults.appliedDropOn = ["PATCH /rest/ofscCore/v1/activities/{activityId}"]
        const id = pending[2] as number
        const lost = yield* Effect.either(rename(id, "applied"))
        expect(Either.isLeft(lost) && lost.left).toMatchObject({ _tag: "OfscTransportError" })
        // reads are not picked, so the effect can be seen
        expect((yield* core.activities.get(id)).customerName).toBe("applied")
        const poll = yield* core.events.list({
          subscriptionId: created.subscriptionId ?? "",
          page: created.nextPage ?? ""
        })
        expect(poll.items?.map((e) => e.activityChanges?.customerName)).toEqual(["applied"])
        expect(sim.stats.appliedThenDropped).toBe(1)
        expect(sim.stats.byOperation["PATCH /rest/ofscCore/v1/activities/{activityId}"]?.appliedThenDropped).toBe(1)
        sim.faults.appliedDropOn = ["POST"]
        yield* rename(id, "answered")
        expect(sim.stats.appliedThenDropped).toBe(1)
      })
    )
  )
})
