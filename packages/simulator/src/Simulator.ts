/**
 * A local OFS-compatible HTTP server: OFS authentication, error bodies and paging envelopes, fault
 * switches, and the routes registered on it. Start it on port 0 and read its URL, or use the
 * Effect `scoped`/`layer` constructors in tests.
 */
import type { AddressInfo } from "node:net"
import type { OfscConfigOptions } from "@ofsc/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { areaBehaviours } from "./areas/index.js"
import { seededRandom } from "./data/random.js"
import { type DataSize, type SeedData, seedData } from "./data/seed.js"
import { Auth, type SimApplication } from "./edge/auth.js"
import {
  type ConcurrencyLimitOptions,
  type ConcurrencyLimitSettings,
  concurrencyLimitSettings
} from "./edge/concurrencyLimits.js"
import { type FaultSettings, Faults, noFaults } from "./edge/faults.js"
import { emptyStats, type RequestListener, RequestListeners, type ServerStats } from "./edge/requestStats.js"
import { Router } from "./edge/router.js"
import { createSimServer } from "./edge/server.js"
import { Slots } from "./edge/slots.js"
import type { SimulatorContext } from "./engine/context.js"
import { loadSeed } from "./engine/load.js"
import { buildEngine } from "./engine/routes.js"
import { parseUtcTime, SimClock } from "./state/clock.js"
import { Store } from "./state/store.js"

/** How to start a simulator; every field has a default. */
export interface SimulatorOptions {
  /** The port to listen on; 0 (the default) picks a free one. */
  readonly port?: number | undefined
  /** The address to listen on; 127.0.0.1 by default. */
  readonly host?: string | undefined
  /** The OFS environment name clients authenticate against (`clientId@instance`). */
  readonly instance?: string | undefined
  /** The applications that may call; one (`ofsc-sim` / `sim-secret`) by default. */
  readonly applications?: ReadonlyArray<SimApplication> | undefined
  /** Lifetime of issued tokens in seconds (3600 by default). */
  readonly tokenTtlSeconds?: number | undefined
  /** Seed of the random source behind faults and generated data. */
  readonly seed?: number | undefined
  /**
   * How much seeded data to load: `small` (the default: 20 resources, 600 activities), `medium`
   * (200 resources, 10,000 activities) or `large` (1,000 resources, 100,000 activities over 60 days).
   */
  readonly size?: DataSize | undefined
  /** Initial fault settings (none by default). */
  readonly faults?: Partial<FaultSettings> | undefined
  /**
   * OFS's per-operation concurrency limits (on by default: GET activities 3 at once with a queue of
   * 10 waiting up to 30 s, lastKnownPositions without `resources` 3, findMatchingResources 20).
   * `false` turns them off; an object changes a limit per operation key, e.g.
   * `{ "GET /rest/ofscCore/v1/activities": { queueWaitMs: 200 } }`, or removes one with `false`.
   */
  readonly concurrencyLimits?: ConcurrencyLimitOptions | undefined
  /**
   * Where the simulator's clock starts (a Date, epoch milliseconds, or 'YYYY-MM-DD HH:MM:SS' in UTC
   * or an ISO 8601 time);
   * it runs on from there. The wall clock by default. Event times, event retention (7 days) and
   * subscription expiry (36 hours without a read) follow this clock.
   */
  readonly clockStart?: Date | number | string | undefined
}

/** The default application's credentials. */
export const defaultApplication: SimApplication = { clientId: "ofsc-sim", clientSecret: "sim-secret" }

/** A running simulator. */
export interface SimulatorHandle {
  /** The origin to point a client at, e.g. `http://127.0.0.1:40123`. */
  readonly url: string
  readonly port: number
  readonly instance: string
  /** Registered routes; add or replace handlers at any time. */
  readonly router: Router
  readonly auth: Auth
  /** Fault settings, mutable while running. */
  readonly faults: FaultSettings
  /** Concurrency limits, mutable while running (`enabled`, and each limit's fields). */
  readonly concurrencyLimits: ConcurrencyLimitSettings
  /** Totals, and counters per operation key (`stats.byOperation["GET /rest/ofscCore/v1/activities"]`). */
  readonly stats: ServerStats
  /**
   * Calls `listener` with each request once its connection is done with it (method, path, operation
   * key, status); returns the function that stops it. Nothing is kept for requests nobody listens to.
   */
  readonly onRequest: (listener: RequestListener) => () => void
  /** The in-memory state every route reads and writes. */
  readonly store: Store
  /** The simulator's clock: read it, `advance(ms)` or `set(epochMs)` it forward (also over HTTP: `/simulator/v1/clock`). */
  readonly clock: SimClock
  /** The seeded data the store was loaded from. */
  readonly data: SeedData
  /** Closes the server and its connections; resolves once it no longer listens. */
  readonly stop: () => Promise<void>
}

/** The clock's start in epoch milliseconds, or undefined for the wall clock. */
const clockStartMs = (start: SimulatorOptions["clockStart"]): number | undefined => {
  if (start === undefined) return undefined
  const ms = start instanceof Date ? start.getTime() : typeof start === "number" ? start : parseUtcTime(start)
  if (ms === undefined || !Number.isFinite(ms)) throw new RangeError(`clockStart is not a time: ${String(start)}`)
  return ms
}

/** Loads the seed into a fresh store; routes every operation, with the areas' behaviours. */
const buildState = (instance: string, options: SimulatorOptions) => {
  const seed = options.seed ?? 1
  const data = seedData(seed, options.size ?? "small")
  const store = new Store(new SimClock(clockStartMs(options.clockStart)))
  loadSeed(store, data)
  const context: SimulatorContext = { store, data, instance, random: seededRandom(seed + 1) }
  const { routes } = buildEngine(context, areaBehaviours(context))
  return { ...context, router: Router.over(routes) }
}

/** Starts a simulator and resolves once it listens. */
export const startSimulator = (options: SimulatorOptions = {}): Promise<SimulatorHandle> => {
  const instance = options.instance ?? "sim"
  let state: ReturnType<typeof buildState>
  try {
    state = buildState(instance, options)
  } catch (error) {
    return Promise.reject(error)
  }
  const { store, data, router } = state
  const auth = new Auth(instance, [...(options.applications ?? [defaultApplication])], options.tokenTtlSeconds ?? 3600)
  const settings: FaultSettings = { ...noFaults(), ...options.faults }
  const faults = new Faults(settings, seededRandom(options.seed ?? 1))
  const limits = concurrencyLimitSettings(options.concurrencyLimits)
  const stats = emptyStats()
  const listeners = new RequestListeners()
  const server = createSimServer({
    router,
    auth,
    faults,
    slots: new Slots(limits),
    stats,
    listeners,
    clock: store.clock
  })
  server.keepAliveTimeout = 30_000
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://${options.host ?? "127.0.0.1"}:${port}`,
        port,
        instance,
        router,
        auth,
        faults: settings,
        concurrencyLimits: limits,
        stats,
        onRequest: (listener) => listeners.add(listener),
        store,
        clock: store.clock,
        data,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}

/** The simulator as an Effect service. */
export class Simulator extends Context.Tag("@ofsc/simulator/Simulator")<Simulator, SimulatorHandle>() {
  /** A simulator that runs for the life of the current scope. */
  static scoped = (options: SimulatorOptions = {}) =>
    Effect.acquireRelease(
      Effect.promise(() => startSimulator(options)),
      (handle) => Effect.promise(() => handle.stop())
    )

  /** A layer that starts a simulator and stops it when the layer is released. */
  static layer = (options: SimulatorOptions = {}): Layer.Layer<Simulator> =>
    Layer.scoped(Simulator, Simulator.scoped(options))
}

/**
 * Client options that reach a simulator as its default application (Basic auth), for
 * `OfscClient.layer(simulatorClientOptions(sim))`; `overrides` adjust retries, timeouts and the like.
 */
export const simulatorClientOptions = (
  sim: Pick<SimulatorHandle, "url" | "instance">,
  overrides: Partial<OfscConfigOptions> = {}
): OfscConfigOptions => ({
  baseUrl: sim.url,
  instance: sim.instance,
  credentials: {
    _tag: "Basic",
    clientId: defaultApplication.clientId,
    clientSecret: Redacted.make(defaultApplication.clientSecret)
  },
  ...overrides
})
