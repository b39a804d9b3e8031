/**
 * `core.events.polls` and `core.events.stream` of @ofsc/core against the simulator, as an
 * integrator's consumer uses them: killed between applying a poll and storing its cursor, then
 * restarted from the stored cursor; following a subscription (paced on the TestClock); and a
 * subscription that is gone. They live here because @ofsc/core cannot depend on the simulator
 * (the simulator depends on core).
 */
import { it } from "@effect/vitest"
import { type EventPoll, OfscClient, OfscCore, OfscHttpClient, OfscSubscriptionExpired } from "@ofsc/core"
import type { OfsEvent } from "@ofsc/models/core"
import { Chunk, Context, Deferred, Effect, Fiber, Layer, Option, Queue, Ref, Runtime, Stream, TestClock } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { Simulator, type SimulatorHandle, simulatorClientOptions } from "../../src/index.js"
import { seeded, upcoming } from "./support/data.js"

type Core = OfscCore["Type"]

/** A simulator for the test's scope and the ofscCore API pointed at it (no retries). */
const simulatorCore = Effect.map(
  Effect.flatMap(Simulator.scoped({ seed: 41 }), (sim) => simulatorCoreOf(sim)),
  ({ core }) => core
)

/** The ofscCore API pointed at a running simulator, with the simulator (for its clock). */
const simulatorCoreOf = (sim: SimulatorHandle) =>
  Effect.gen(function* () {
    const client = OfscClient.layer(
      simulatorClientOptions(sim, { retry: { maxRetries: 0 }, timeout: "20 seconds" })
    ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
    const context = yield* Layer.build(OfscCore.layer.pipe(Layer.provide(client)))
    return { sim, core: Context.get(context, OfscCore) }
  })

/** A new activity whose updates the tests turn into events. */
const newActivity = (core: Core) =>
  Effect.map(
    core.activities.create({ resourceId: seeded.technician(3), date: upcoming(2), activityType: "install" }),
    (created) => created.activityId as number
  )

/** A subscription to activityUpdated: it sees the updates made after this. */
const subscribe = (core: Core) =>
  Effect.map(
    core.events.subscriptions.create({ subscriptionConfig: [{ events: ["activityUpdated"] }] }),
    (created) => ({ subscriptionId: created.subscriptionId as string, start: created.nextPage as string })
  )

/** `count` updates of the activity, each naming itself (`tag-i`) in customerName; the names, in order. */
const produce = (core: Core, activityId: number, tag: string, count: number) =>
  Effect.forEach(
    Array.from({ length: count }, (_, i) => `${tag}-${i}`),
    (name) => Effect.as(core.activities.update(activityId, { customerName: name }), name)
  )

/** The name an update event carries. */
const nameOf = (event: OfsEvent): string =>
  String((event as { readonly activityChanges?: { readonly customerName?: unknown } }).activityChanges?.customerName)

/** The names of every event from `from` on, read to the end without applying anything. */
const namesFrom = (core: Core, subscriptionId: string, from: string) =>
  Effect.map(Stream.runCollect(core.events.polls(subscriptionId, { from })), (polls) =>
    Chunk.toReadonlyArray(polls).flatMap((poll) => poll.items.map(nameOf))
  )

/** Where a run of the consumer is killed: in its `poll`-th poll, after applying `cut` of its events. */
interface CrashPoint {
  readonly poll: number
  readonly cut: number
}

/**
 * One run of the consumer the contract describes: from the stored cursor, apply each poll's events,
 * then store its `nextPage`. At `crash` the fiber stops right there and is interrupted, as a
 * killed process would be. Answers the poll it was killed in, or none when it caught up.
 */
const consume = (
  core: Core,
  subscriptionId: string,
  limit: number,
  stored: Ref.Ref<string>,
  applied: Array<string>,
  crash: CrashPoint | undefined
) =>
  Effect.gen(function* () {
    const killedIn = yield* Deferred.make<EventPoll<OfsEvent>>()
    let polls = 0
    const apply = (poll: EventPoll<OfsEvent>) =>
      Effect.gen(function* () {
        const crashesHere = crash !== undefined && polls++ === crash.poll
        const upTo = crashesHere ? Math.min(crash.cut, poll.items.length) : poll.items.length
        for (const event of poll.items.slice(0, upTo)) applied.push(nameOf(event))
        if (crashesHere) {
          yield* Deferred.succeed(killedIn, poll)
          return yield* Effect.never
        }
        yield* Ref.set(stored, poll.nextPage)
      })
    const from = yield* Ref.get(stored)
    const consumer = yield* Effect.fork(Stream.runForEach(core.events.polls(subscriptionId, { from, limit }), apply))
    const outcome = yield* Effect.race(
      Effect.as(Fiber.join(consumer), Option.none<EventPoll<OfsEvent>>()),
      Effect.map(Deferred.await(killedIn), Option.some)
    )
    yield* Fiber.interrupt(consumer)
    return outcome
  })

const workload = fc.record({
  size: fc.integer({ min: 0, max: 40 }),
  limit: fc.integer({ min: 1, max: 12 }),
  crashes: fc.array(fc.record({ poll: fc.nat(6), cut: fc.nat(12) }), { maxLength: 4 })
})

describe("core.events.polls against the simulator", () => {
  it.scopedLive(
    "a consumer killed between applying a poll and storing its cursor loses nothing when restarted from the stored cursor",
    () =>
      Effect.gen(function* () {
        const core = yield* simulatorCore
        const activityId = yield* newActivity(core)
        const run = Runtime.runPromise(yield* Effect.runtime<never>())
        let round = 0
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(workload, ({ size, limit, crashes }) =>
              run(
                Effect.gen(function* () {
                  const { subscriptionId, start } = yield* subscribe(core)
                  const all = yield* produce(core, activityId, `r${++round}`, size)
                  const stored = yield* Ref.make(start)
                  const applied: Array<string> = []
                  for (const crash of crashes) {
                    const killedIn = yield* consume(core, subscriptionId, limit, stored, applied, crash)
                    if (Option.isNone(killedIn)) continue // the crash point lay past the end: the run caught up
                    const cursor = yield* Ref.get(stored)
                    // the stored cursor is still the one the killed poll read from ...
                    expect(killedIn.value.page).toBe(cursor)
                    // ... so every event behind it was applied: what it did not apply is still ahead of it
                    const ahead = new Set(yield* namesFrom(core, subscriptionId, cursor))
                    expect(all.filter((name) => !ahead.has(name) && !applied.includes(name))).toEqual([])
                  }
                  const last = yield* consume(core, subscriptionId, limit, stored, applied, undefined)
                  expect(Option.isNone(last)).toBe(true)
                  expect(new Set(applied)).toEqual(new Set(all))
                  expect(applied.every((name) => all.includes(name))).toBe(true)
                  expect(yield* namesFrom(core, subscriptionId, yield* Ref.get(stored))).toEqual([])
                  yield* core.events.subscriptions.delete(subscriptionId)
                })
              )
            ),
            { numRuns: 25 }
          )
        )
      }),
    120_000
  )

  it.scoped(
    "follow: a full page is polled after at once, a short one after pollInterval; empty polls are emitted; a deleted subscription ends it",
    () =>
      Effect.gen(function* () {
        const core = yield* simulatorCore
        const activityId = yield* newActivity(core)
        const { subscriptionId, start } = yield* subscribe(core)
        yield* produce(core, activityId, "early", 7)
        const polls = yield* Queue.unbounded<EventPoll<OfsEvent>>()
        const following = yield* core.events
          .polls(subscriptionId, { from: start, limit: 3, follow: true, pollInterval: "1 minute" })
          .pipe(
            Stream.runForEach((poll) => Queue.offer(polls, poll)),
            Effect.fork
          )
        /** Waits until the stream sleeps until `now + 1 minute`; then no poll is waiting in the queue. */
        const sleepingAMinute = Effect.gen(function* () {
          const wakeAt = (yield* TestClock.currentTimeMillis) + 60_000
          yield* Effect.repeat(Effect.zipRight(Effect.yieldNow(), TestClock.sleeps()), {
            until: (sleeps) => Chunk.some(sleeps, (at) => at === wakeAt)
          })
          expect(yield* Queue.size(polls)).toBe(0)
        })

        // the TestClock has not moved: the polls after the two full pages came without a wait
        const [first, second, third] = [yield* Queue.take(polls), yield* Queue.take(polls), yield* Queue.take(polls)]
        expect([first, second, third].map((p) => p.items.map(nameOf))).toEqual([
          ["early-0", "early-1", "early-2"],
          ["early-3", "early-4", "early-5"],
          ["early-6"]
        ])
        expect([first.page, second.page, third.page]).toEqual([start, first.nextPage, second.nextPage])
        // the third was short: the next poll waits a minute
        yield* sleepingAMinute
        yield* produce(core, activityId, "late", 1)
        yield* TestClock.adjust("1 minute")
        const fourth = yield* Queue.take(polls)
        expect(fourth.items.map(nameOf)).toEqual(["late-0"])
        expect(fourth.page).toBe(third.nextPage)
        // nothing new: the poll is emitted all the same, with its cursor
        yield* sleepingAMinute
        yield* TestClock.adjust("1 minute")
        const fifth = yield* Queue.take(polls)
        expect(fifth).toMatchObject({ page: fourth.nextPage, items: [], found: false })
        expect(fifth.nextPage).toEqual(expect.any(String))

        yield* core.events.subscriptions.delete(subscriptionId)
        yield* sleepingAMinute
        yield* TestClock.adjust("1 minute")
        const failure = yield* Effect.flip(Fiber.join(following))
        expect(failure).toBeInstanceOf(OfscSubscriptionExpired)
        expect(failure).toMatchObject({ _tag: "OfscSubscriptionExpired", subscriptionId, status: 404 })
      }),
    60_000
  )

  it.scopedLive("a deleted subscription fails polls and stream with OfscSubscriptionExpired, naming it", () =>
    Effect.gen(function* () {
      const core = yield* simulatorCore
      const activityId = yield* newActivity(core)
      const { subscriptionId, start } = yield* subscribe(core)
      yield* produce(core, activityId, "before", 2)
      expect(yield* namesFrom(core, subscriptionId, start)).toEqual(["before-0", "before-1"])

      yield* core.events.subscriptions.delete(subscriptionId)
      const fromPolls = yield* Effect.flip(Stream.runDrain(core.events.polls(subscriptionId, { from: start })))
      expect(fromPolls).toMatchObject({
        _tag: "OfscSubscriptionExpired",
        subscriptionId,
        status: 404,
        method: "GET",
        path: "/rest/ofscCore/v1/events"
      })
      expect(fromPolls.message).toContain(subscriptionId)
      const fromStream = yield* Effect.flip(Stream.runDrain(core.events.stream({ subscriptionId, page: start })))
      expect(fromStream._tag).toBe("OfscSubscriptionExpired")
    })
  )

  it.scopedLive(
    "a subscription not read for 36 hours (on the simulator's clock) fails polls with OfscSubscriptionExpired",
    () =>
      Effect.gen(function* () {
        const { sim, core } = yield* Effect.flatMap(Simulator.scoped({ seed: 41 }), simulatorCoreOf)
        const activityId = yield* newActivity(core)
        const { subscriptionId, start } = yield* subscribe(core)
        yield* produce(core, activityId, "read", 1)
        expect(yield* namesFrom(core, subscriptionId, start)).toEqual(["read-0"])
        sim.clock.advance(35 * 3_600_000)
        // read within 36 hours: still there, and the read starts a new 36 hours
        expect(yield* namesFrom(core, subscriptionId, start)).toEqual(["read-0"])
        sim.clock.advance(36 * 3_600_000 + 1_000)
        const expired = yield* Effect.flip(Stream.runDrain(core.events.polls(subscriptionId, { from: start })))
        expect(expired).toMatchObject({ _tag: "OfscSubscriptionExpired", subscriptionId, status: 404 })
      })
  )

  it.scopedLive("the stream flattens the polls: every event once, in order, ending once caught up", () =>
    Effect.gen(function* () {
      const core = yield* simulatorCore
      const activityId = yield* newActivity(core)
      const { subscriptionId, start } = yield* subscribe(core)
      const all = yield* produce(core, activityId, "s", 7)
      const cursors: Array<string> = []
      const events = yield* Stream.runCollect(
        core.events.stream(
          { subscriptionId, page: start, limit: 3 },
          { onCursor: (next) => Effect.sync(() => cursors.push(next)) }
        )
      )
      expect(Chunk.toReadonlyArray(events).map(nameOf)).toEqual(all)
      // three polls with events and the empty one that ends the stream
      expect(cursors).toHaveLength(4)
      expect(yield* namesFrom(core, subscriptionId, cursors[3]!)).toEqual([])
    })
  )

  it.scopedLive("`from` and `since` together are refused before anything is sent", () =>
    Effect.gen(function* () {
      const core = yield* simulatorCore
      const refused = yield* Effect.flip(
        Stream.runDrain(core.events.polls("any", { from: "lastRequested", since: "2026-11-01 00:00:00" }))
      )
      expect(refused._tag).toBe("OfscInvalidInput")
    })
  )
})
