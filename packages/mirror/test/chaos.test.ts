/**
 * The mirror under chaos, on SQLite: the simulator answers 5xx, drops connections, rate-limits and
 * drops the answers of writes it applied, while a random workload writes through the API during the
 * first load and after it, and mirror processes are killed with SIGKILL at random points and
 * started again. Once quiet (faults off, the last process stopped cleanly, the rest applied in
 * process), the tables equal the store, no event was applied twice (the database counts as many
 * as the subscription delivered since the run began) and the cursor never went back (the versions
 * the processes printed strictly increase across restarts).
 *
 * The workload stays clear of gaps found while writing it (reported, not tested here): `suspend`
 * (core drops the nulls of an event's changes block, so the `startTime` it clears stays in the
 * mirror), work skills (their `resourceUpdated` carries work zones without the `workZoneStatus`
 * the GET answers have) and links whose activities move or go, or take part in another link (see
 * workload.ts).
 *
 * One scenario per run; fast-check prints its seed when it fails: replay with FC_SEED=<seed>.
 */
import { Simulator, type SimulatorHandle } from "@ofsc/simulator"
import { Effect, Fiber, Layer } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Mirror } from "../src/index.js"
import {
  eventsDeliveredAfter,
  firstFollowedCursor,
  printedVersions,
  storedState,
  strictlyIncreasing
} from "./support/exactlyOnce.js"
import { coreLayer, differences, mirrorLayer, sqlLayer, tempSqlite } from "./support/harness.js"
import {
  holdsWithin,
  killIfRunning,
  type MirrorProcess,
  processOutput,
  startMirrorProcess,
  stopMirrorProcess,
  waitForLine,
  waitUntil
} from "./support/processes.js"
import { type Command, command, makeWorkload } from "./support/workload.js"

const window = { from: "2026-11-03", to: "2026-11-05" }
const workloadScope = { first: "2026-11-02", window }

/**
 * Where a restarted process is killed: some time after it started (maybe before its run, maybe in
 * a load), or some time after it applied some polls (in a poll, or between two).
 */
type KillPoint =
  | { readonly after: "start"; readonly ms: number }
  | { readonly after: "applied"; readonly polls: number; readonly ms: number }

interface Scenario {
  readonly seed: number
  readonly duringLoad: ReadonlyArray<Command>
  readonly afterLoad: ReadonlyArray<Command>
  /** The pause between two commands after the load. */
  readonly paceMs: number
  /** The first process dies this long after its run started: during the first load. */
  readonly firstKillMs: number
  readonly kills: ReadonlyArray<KillPoint>
}

const afterStart = fc.record({ after: fc.constant("start" as const), ms: fc.integer({ min: 0, max: 2_500 }) })
const afterApplied = fc.record({
  after: fc.constant("applied" as const),
  polls: fc.integer({ min: 1, max: 6 }),
  ms: fc.integer({ min: 0, max: 300 })
})
/** Two kills while following, and maybe one at any time, in a random order. */
const kills: fc.Arbitrary<ReadonlyArray<KillPoint>> = fc
  .tuple(afterApplied, afterApplied, fc.option(afterStart, { nil: undefined }), fc.nat({ max: 2 }))
  .map(([a, b, extra, at]) => {
    const points: Array<KillPoint> = [a, b]
    if (extra !== undefined) points.splice(at, 0, extra)
    return points
  })

const scenario: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  duringLoad: fc.array(command, { minLength: 25, maxLength: 40 }),
  afterLoad: fc.array(command, { minLength: 40, maxLength: 70 }),
  paceMs: fc.integer({ min: 20, max: 150 }),
  firstKillMs: fc.integer({ min: 0, max: 1_500 }),
  kills
})

const faultsOn = (sim: SimulatorHandle) =>
  Object.assign(sim.faults, {
    latencyMs: 1,
    latencyJitterMs: 8,
    faultRate: 0.04,
    dropRate: 0.02,
    rateLimitPerSecond: 150,
    appliedDropRate: 0.1,
    appliedDropOn: ["POST", "PATCH", "PUT", "DELETE"]
  })

const faultsOff = (sim: SimulatorHandle) =>
  Object.assign(sim.faults, {
    latencyMs: 0,
    latencyJitterMs: 0,
    faultRate: 0,
    dropRate: 0,
    rateLimitPerSecond: 0,
    appliedDropRate: 0
  })

const chaos = (s: Scenario) =>
  Effect.scoped(
    Effect.gen(function* () {
      const sim = yield* Simulator.scoped({ seed: s.seed, size: "small" })
      const database = tempSqlite()
      const context = yield* Layer.build(Layer.merge(coreLayer(sim), sqlLayer(database)))
      const processes: Array<MirrorProcess> = []
      const start = () =>
        Effect.tap(
          Effect.sync(() => {
            const p = startMirrorProcess(`mirror ${processes.length + 1}`, {
              sim,
              database,
              window,
              leaseTtlMs: 2_000,
              pollIntervalMs: 150
            })
            processes.push(p)
            return p
          }),
          (p) => Effect.addFinalizer(() => killIfRunning(p))
        )
      const printed = (type: string) => processes.some((p) => p.lines.some((l) => l.type === type))
      const outputs = () => processes.map(processOutput).join("\n\n")

      faultsOn(sim)
      const workload = makeWorkload(sim, workloadScope)
      const writes = yield* Effect.fork(
        Effect.gen(function* () {
          yield* waitUntil("a run to start", () => printed("runStarted"), { timeoutMs: 90_000, describe: outputs })
          const during = yield* workload.runAll(s.duringLoad)
          yield* waitUntil("a load to end", () => printed("loaded"), { timeoutMs: 90_000, describe: outputs })
          const after = yield* workload.runAll(s.afterLoad, s.paceMs)
          return { during, after }
        }).pipe(Effect.provide(context))
      )

      // the first process dies during the first load, the next ones at the scenario's points
      const first = yield* start()
      yield* waitForLine(first, "a run started", (l) => l.type === "runStarted", 90_000)
      yield* Effect.sleep(s.firstKillMs)
      expect(yield* stopMirrorProcess(first, "SIGKILL"), outputs()).toBe("SIGKILL")
      for (const kill of s.kills) {
        const p = yield* start()
        if (kill.after === "start") yield* waitForLine(p, "started", (l) => l.type === "start", 90_000)
        else yield* holdsWithin(() => p.applied().length >= kill.polls, 45_000)
        yield* Effect.sleep(kill.ms)
        // still running when killed: no process ever stops on its own
        expect(yield* stopMirrorProcess(p, "SIGKILL"), outputs()).toBe("SIGKILL")
      }
      // the last process is left to follow while the workload ends; once quiet (faults off) it catches
      // up and stops cleanly, and a mirror in this process applies what remains
      const last = yield* start()
      yield* waitForLine(last, "following", (l) => l.type === "applied", 90_000)
      const outcomes = yield* Fiber.join(writes)
      faultsOff(sim)
      const appliedBefore = last.applied().length
      yield* waitUntil("a poll after the faults", () => last.applied().length > appliedBefore, {
        timeoutMs: 30_000,
        describe: outputs
      })
      expect(yield* stopMirrorProcess(last, "SIGTERM"), outputs()).toBe(0)
      expect(last.lines.at(-1)?.type).toBe("stopped")
      const mirror = yield* Layer.build(mirrorLayer(sim, { database, window }))
      yield* Effect.flatMap(Mirror, (m) => m.run({ follow: false })).pipe(Effect.provide(mirror))

      const report = `workload: ${JSON.stringify(outcomes)}\n${outputs()}`
      const diff = yield* Effect.provide(differences(sim, window), context)
      expect(diff, `${JSON.stringify(diff, null, 1)}\n${report}`).toEqual({})
      const status = yield* Effect.flatMap(Mirror, (m) => m.status).pipe(Effect.provide(mirror))
      expect(status.phase).toBe("following")
      expect(
        status.runs.map((r) => r.reason),
        report
      ).toEqual(["first load"])
      // no event applied twice, none skipped: as many as the subscription delivered since the run's first cursor
      const state = yield* Effect.provide(storedState, context)
      const from = firstFollowedCursor(processes.map((p) => p.lines))
      expect(from, report).toBeDefined()
      expect(state.eventsApplied, report).toBe(
        yield* Effect.provide(eventsDeliveredAfter(state.subscriptionId, from as string), context)
      )
      expect(state.eventsApplied).toBeGreaterThan(0)
      // the cursor never went back, across every restart
      const versions = printedVersions(processes.map((p) => p.lines))
      expect(strictlyIncreasing(versions), `${versions.join(" ")}\n${report}`).toBe(true)
      expect(Math.max(...versions)).toBeLessThanOrEqual(state.cursorVersion)
    })
  )

describe("mirror under chaos", () => {
  it("killed at random points under faults and a random workload, ends equal to the store, each event applied once", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => Effect.runPromise(chaos(s))),
      { numRuns: 1, endOnFailure: true }
    )
  }, 240_000)
})
