import { generateKeyPairSync } from "node:crypto"
import { it } from "@effect/vitest"
import type { OfscConfigOptions } from "@ofsc/core"
import { OfscClient, OfscHttpClient, OfscTransport, Operation, Paging } from "@ofsc/core"
import { Chunk, Effect, Layer, Redacted, Schema, Stream } from "effect"
import { describe, expect } from "vitest"
import { defaultApplication, listEnvelope, ok, Simulator, type SimulatorHandle } from "../src/index.js"

const Shift = Schema.Struct({ label: Schema.String, type: Schema.String })
const getShift = Operation.make({
  id: "metadata.shifts.get",
  method: "GET",
  path: "/rest/ofscMetadata/v1/shifts/{label}",
  pathParams: Schema.Struct({ label: Schema.String }),
  success: { kind: "json", schema: Shift }
})
const listShifts = Operation.make({
  id: "metadata.shifts.list",
  method: "GET",
  path: "/rest/ofscMetadata/v1/shifts",
  query: Schema.Struct({ offset: Schema.optional(Schema.Int), limit: Schema.optional(Schema.Int) }),
  success: {
    kind: "json",
    schema: Schema.Struct({
      items: Schema.Array(Shift),
      hasMore: Schema.Boolean,
      totalResults: Schema.Int,
      offset: Schema.Int,
      limit: Schema.Int
    })
  },
  paging: "offset-limit"
})

const shifts = Array.from({ length: 250 }, (_, i) => ({ label: `s${i}`, type: i % 2 ? "on-call" : "regular" }))

/** A simulator with the shift routes these tests need. */
const withShifts = (sim: SimulatorHandle) => {
  sim.router
    .on("GET", "/rest/ofscMetadata/v1/shifts", (req) => ok(listEnvelope(shifts, req, 100)))
    .on("GET", "/rest/ofscMetadata/v1/shifts/{label}", (req) => {
      const found = shifts.find((s) => s.label === req.params.label)
      return found ? ok(found) : { status: 404, json: { title: "Not Found", status: "404", detail: "no shift" } }
    })
  return sim
}

const basic = (sim: SimulatorHandle, overrides: Partial<OfscConfigOptions> = {}): OfscConfigOptions => ({
  baseUrl: sim.url,
  instance: sim.instance,
  credentials: {
    _tag: "Basic",
    clientId: defaultApplication.clientId,
    clientSecret: Redacted.make(defaultApplication.clientSecret)
  },
  retry: { maxRetries: 3, baseDelay: "5 millis" },
  ...overrides
})

const run = <A, E>(options: OfscConfigOptions, f: (t: OfscTransport["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscTransport, f).pipe(
    Effect.provide(OfscClient.layer(options).pipe(Layer.provide(OfscHttpClient.layerUndici)))
  )

describe("simulator", () => {
  it.scopedLive("listens on 127.0.0.1 and serves Basic-authenticated calls", () =>
    Effect.gen(function* () {
      const sim = withShifts(yield* Simulator.scoped())
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const shift = yield* run(basic(sim), (t) => t.call(getShift, { path: { label: "s3" } }))
      expect(shift).toEqual({ label: "s3", type: "on-call" })
    })
  )

  it.scopedLive("answers 401 with an OFS error body to a wrong secret, and 404/405 for unknown routes", () =>
    Effect.gen(function* () {
      const sim = withShifts(yield* Simulator.scoped())
      const wrong = basic(sim, {
        credentials: { _tag: "Basic", clientId: "ofsc-sim", clientSecret: Redacted.make("nope") }
      })
      const unauthorized = yield* Effect.flip(run(wrong, (t) => t.call(getShift, { path: { label: "s1" } })))
      expect(unauthorized).toMatchObject({ _tag: "OfscAuthenticationError", status: 401, title: "Unauthorized" })
      const missing = yield* Effect.flip(run(basic(sim), (t) => t.raw("GET", "/rest/ofscCore/v1/nothing")))
      expect(missing).toMatchObject({ _tag: "OfscNotFound", status: 404 })
      const notAllowed = yield* Effect.flip(run(basic(sim), (t) => t.raw("DELETE", "/rest/ofscMetadata/v1/shifts")))
      expect(notAllowed).toMatchObject({ _tag: "OfscBadRequest", status: 405 })
    })
  )

  it.scopedLive("issues OAuth2 tokens (client credentials, v2) that expire and are refreshed", () =>
    Effect.gen(function* () {
      const sim = withShifts(yield* Simulator.scoped({ tokenTtlSeconds: 1 }))
      const options = basic(sim, {
        credentials: {
          _tag: "ClientCredentials",
          clientId: "ofsc-sim",
          clientSecret: Redacted.make("sim-secret")
        }
      })
      yield* run(options, (t) =>
        Effect.gen(function* () {
          yield* t.call(getShift, { path: { label: "s1" } })
          yield* Effect.sleep("1200 millis")
          yield* t.call(getShift, { path: { label: "s2" } })
        })
      )
      // the first token expired (1 s), so a second one was issued
      expect(sim.auth.issued).toBe(2)
    })
  )

  it.scopedLive("accepts JWT bearer assertions signed with the application's key, and refuses others", () =>
    Effect.gen(function* () {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
      const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      const sim = withShifts(
        yield* Simulator.scoped({
          applications: [
            defaultApplication,
            {
              clientId: "jwt-app",
              clientSecret: "unused",
              applicationId: "jwtapp",
              publicKey: publicKey.export({ type: "spki", format: "pem" }).toString()
            }
          ]
        })
      )
      const jwt = (pem: string) =>
        basic(sim, {
          credentials: {
            _tag: "JwtBearer",
            clientId: "jwt-app",
            applicationId: "jwtapp",
            privateKey: Redacted.make(pem)
          }
        })
      const shift = yield* run(jwt(privateKey.export({ type: "pkcs8", format: "pem" }).toString()), (t) =>
        t.call(getShift, { path: { label: "s4" } })
      )
      expect(shift.label).toBe("s4")
      const refused = yield* Effect.flip(
        run(jwt(other.privateKey.export({ type: "pkcs8", format: "pem" }).toString()), (t) =>
          t.call(getShift, { path: { label: "s4" } })
        )
      )
      expect(refused).toMatchObject({ _tag: "OfscAuthenticationError", detail: "assertion: bad signature" })
    })
  )

  it.scopedLive("pages with the OFS envelope", () =>
    Effect.gen(function* () {
      const sim = withShifts(yield* Simulator.scoped())
      const page = yield* run(basic(sim), (t) => t.call(listShifts, { query: { offset: 200, limit: 500 } }))
      expect(page).toMatchObject({ hasMore: false, totalResults: 250, offset: 200, limit: 100 })
      expect(page.items).toHaveLength(50)
      const all = yield* Paging.stream(listShifts, {}, { concurrency: 3 }).pipe(
        Stream.runCollect,
        Effect.provide(OfscClient.layer(basic(sim)).pipe(Layer.provide(OfscHttpClient.layerUndici)))
      )
      expect(Chunk.toArray(all).map((s) => s.label)).toEqual(shifts.map((s) => s.label))
    })
  )

  it.scopedLive("fault switches: a rate limit answers 429 with Retry-After, which the client honours", () =>
    Effect.gen(function* () {
      const sim = withShifts(yield* Simulator.scoped({ faults: { rateLimitPerSecond: 2 } }))
      const started = Date.now()
      yield* run(basic(sim), (t) =>
        Effect.forEach(["s1", "s2", "s3"], (label) => t.call(getShift, { path: { label } }))
      )
      // the third call was refused within the first second and retried after it
      expect(sim.stats.requests).toBeGreaterThanOrEqual(4)
      expect(Date.now() - started).toBeGreaterThanOrEqual(500)
      sim.faults.rateLimitPerSecond = 0
      sim.faults.faultRate = 1
      const error = yield* Effect.flip(
        run(basic(sim, { retry: false }), (t) => t.call(getShift, { path: { label: "s1" } }))
      )
      expect(error._tag).toBe("OfscServerError")
      sim.faults.faultRate = 0
      sim.faults.dropRate = 1
      const dropped = yield* Effect.flip(
        run(basic(sim, { retry: false }), (t) => t.call(getShift, { path: { label: "s1" } }))
      )
      expect(dropped).toMatchObject({ _tag: "OfscTransportError", reason: "Network" })
    })
  )

  it.scopedLive("the layer starts and stops a simulator", () =>
    Effect.gen(function* () {
      const url = yield* Effect.scoped(Effect.map(Simulator, (s) => s.url)).pipe(Effect.provide(Simulator.layer()))
      const refused = yield* Effect.flip(
        run({ ...basic({ url, instance: "sim" } as SimulatorHandle), retry: false }, (t) => t.raw("GET", "/x"))
      )
      expect(refused).toMatchObject({ _tag: "OfscTransportError", reason: "Connect" })
    })
  )
})
