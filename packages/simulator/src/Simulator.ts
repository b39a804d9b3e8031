/**
 * A local OFS-compatible HTTP server: OFS authentication, error bodies and paging envelopes, fault
 * switches, and the routes registered on it. Start it on port 0 and read its URL, or use the
 * Effect `scoped`/`layer` constructors in tests.
 */
import type { AddressInfo } from "node:net"
import { Context, Effect, Layer } from "effect"
import { Auth, type SimApplication } from "./server/auth.js"
import { type FaultSettings, Faults, noFaults, seededRandom } from "./server/faults.js"
import { createSimServer, type ServerStats } from "./server/http.js"
import { Router } from "./server/router.js"

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
  /** Initial fault settings (none by default). */
  readonly faults?: Partial<FaultSettings> | undefined
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
  readonly stats: ServerStats
  readonly stop: () => Promise<void>
}

/** Starts a simulator and resolves once it listens. */
export const startSimulator = (options: SimulatorOptions = {}): Promise<SimulatorHandle> => {
  const instance = options.instance ?? "sim"
  const router = new Router()
  const auth = new Auth(instance, [...(options.applications ?? [defaultApplication])], options.tokenTtlSeconds ?? 3600)
  const settings: FaultSettings = { ...noFaults(), ...options.faults }
  const faults = new Faults(settings, seededRandom(options.seed ?? 1))
  const stats: ServerStats = { requests: 0, inFlight: 0, maxInFlight: 0 }
  const server = createSimServer(router, auth, faults, stats)
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
        stats,
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
