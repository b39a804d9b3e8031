/**
 * What the rule tests share: a simulator with the OFS rules installed, and the real client
 * (OfscClient over undici, the generated OfscCore / OfscMetadata services) pointed at it.
 */
import { OfscClient, OfscCore, type OfscError, OfscHttpClient, OfscTransport } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Either, Layer, type Scope } from "effect"
import { seedData } from "../../src/data/seed.js"
import { defaultApplication, Simulator, type SimulatorHandle, simulatorClientOptions } from "../../src/index.js"

/** The services a rule test talks to. */
export type RuleServices = OfscCore | OfscMetadata | OfscTransport

/** The seed every rule test uses. */
export const testSeed = 7
/** The seeded data the simulator holds (made from the same seed and size), to pick records from. */
export const seeded = seedData(testSeed, "small")

/** A running simulator (engine and rules) over the test seed. */
export const ruleSimulator: Effect.Effect<SimulatorHandle, never, Scope.Scope> = Simulator.scoped({
  seed: testSeed,
  size: "small"
})

/** The real client stack against a simulator: Basic credentials, no retries. */
export const clientLayer = (sim: SimulatorHandle): Layer.Layer<RuleServices> => {
  const client = OfscClient.layer(
    simulatorClientOptions(sim, { retry: { maxRetries: 0 }, timeout: "10 seconds" })
  ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
  return Layer.mergeAll(OfscCore.layer, OfscMetadata.layer).pipe(Layer.provideMerge(client))
}

/** Runs a test body against a fresh simulator with the rules, through the real client. */
export const withRules = <A, E>(
  body: (sim: SimulatorHandle) => Effect.Effect<A, E, RuleServices>
): Effect.Effect<A, E, Scope.Scope> =>
  Effect.flatMap(ruleSimulator, (sim) => Effect.provide(body(sim), clientLayer(sim)))

/** Creates a technician the seed gave no work schedule (under BUCKET_002), for tests that build one up. */
export const hireTechnician = (resourceId: string) =>
  Effect.flatMap(OfscCore, (core) =>
    core.resources.put(resourceId, {
      name: "New hire",
      resourceType: "PR",
      parentResourceId: "BUCKET_002",
      status: "active",
      language: "en",
      timeZone: "Eastern"
    })
  )

/** The typed error an effect failed with (the test fails if it succeeded). */
export const failure = <A>(effect: Effect.Effect<A, OfscError, RuleServices>) =>
  Effect.flatMap(Effect.either(effect), (result) =>
    Either.isLeft(result) ? Effect.succeed(result.left) : Effect.dieMessage("expected the call to fail")
  )

/** The `_tag`, HTTP status and detail of an OFS error, for one-line assertions. */
export const described = (error: OfscError): { tag: string; status?: number; detail?: string } => ({
  tag: error._tag,
  ...("status" in error && typeof error.status === "number" && { status: error.status }),
  ...("detail" in error && typeof error.detail === "string" && { detail: error.detail })
})

/** The raw transport, for calls the generated services shape differently (headers, bodies). */
export const transport = OfscTransport

/** A status-level view of one HTTP exchange with the simulator (for statuses the client does not surface). */
export interface Exchange {
  readonly status: number
  readonly headers: Headers
  readonly json: unknown
  readonly bytes: Uint8Array
}

/** One request with the default application's Basic credentials, read in full. */
export const http = (
  sim: SimulatorHandle,
  method: string,
  path: string,
  init: { readonly json?: unknown; readonly headers?: Record<string, string>; readonly body?: Uint8Array } = {}
): Effect.Effect<Exchange> =>
  Effect.promise(async () => {
    const credentials = `${defaultApplication.clientId}@${sim.instance}:${defaultApplication.clientSecret}`
    const response = await fetch(sim.url + path, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString("base64")}`,
        ...(init.json !== undefined && { "content-type": "application/json" }),
        ...init.headers
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body && { body: init.body })
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const type = response.headers.get("content-type") ?? ""
    const json = type.includes("json") && bytes.length > 0 ? JSON.parse(Buffer.from(bytes).toString("utf8")) : undefined
    return { status: response.status, headers: response.headers, json, bytes }
  })
