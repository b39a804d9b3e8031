/**
 * The end-to-end harness: one simulator (size small) per suite, the real client over undici, and a
 * transport that records every operation id it carries for the coverage count.
 */
import { layer, type Vitest } from "@effect/vitest"
import { OfscCapacity } from "@ofsc/capacity"
import { OfscCollaboration } from "@ofsc/collaboration"
import {
  OfscClient,
  OfscCore,
  type OfscError,
  OfscHttpClient,
  type OfscOperation,
  OfscTransport,
  type OfscTransportShape,
  type OperationArgs
} from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscPartsCatalog } from "@ofsc/parts-catalog"
import { OfscStatistics } from "@ofsc/statistics"
import { Effect, Either, Layer } from "effect"
import { Simulator, type SimulatorOptions, simulatorClientOptions } from "../../../src/index.js"
import { recordExpectedError, recordFailure, recordSuccess } from "./coverage.js"

/** Delegates to the real transport and records the id of every operation called, with its outcome. */
const recording = (inner: OfscTransportShape): OfscTransportShape => ({
  call: <P, Q, B, A>(op: OfscOperation<P, Q, B, A>, ...args: OperationArgs<OfscOperation<P, Q, B, A>>) =>
    inner.call(op, ...args).pipe(
      Effect.tapBoth({
        onSuccess: () => Effect.sync(() => recordSuccess(op.id)),
        onFailure: (error) => Effect.sync(() => recordFailure(op.id, `${error._tag}: ${error.message}`))
      })
    ),
  raw: inner.raw
})

/** Every API service over the recording transport. */
export type E2EServices =
  | Simulator
  | OfscCore
  | OfscMetadata
  | OfscCapacity
  | OfscStatistics
  | OfscPartsCatalog
  | OfscCollaboration
  | OfscTransport

/** Simulator options of the end-to-end run: the small seeded data set, a fixed seed. */
export const e2eSimulatorOptions: SimulatorOptions = { seed: 20_261_101, size: "small" }

/** A simulator and every API service pointed at it with Basic credentials, no retries. */
export const e2eLayer = (options: SimulatorOptions = e2eSimulatorOptions): Layer.Layer<E2EServices> => {
  const transport = Layer.unwrapEffect(
    Effect.map(Simulator, (sim) => {
      const client = OfscClient.layer(
        simulatorClientOptions(sim, { retry: { maxRetries: 0 }, timeout: "10 seconds" })
      ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
      return Layer.effect(OfscTransport, Effect.map(OfscTransport, recording)).pipe(Layer.provide(client))
    })
  )
  const services = Layer.mergeAll(
    OfscCore.layer,
    OfscMetadata.layer,
    OfscCapacity.layer,
    OfscStatistics.layer,
    OfscPartsCatalog.layer,
    OfscCollaboration.layer
  ).pipe(Layer.provideMerge(transport))
  return services.pipe(Layer.provideMerge(Simulator.layer(options)))
}

/** A describe block sharing one simulator and one client; tests run on the live clock. */
export const e2eSuite = (name: string, f: (it: Vitest.MethodsNonLive<E2EServices, true>) => void): void =>
  layer(e2eLayer(), { excludeTestServices: true, timeout: "30 seconds" })(name, f)

/** The error of `effect`, which must fail with the tagged error `tag` (the call then counts as covered). */
export const expectFailure = <A, T extends OfscError["_tag"], R>(
  effect: Effect.Effect<A, OfscError, R>,
  tag: T
): Effect.Effect<Extract<OfscError, { readonly _tag: T }>, never, R> =>
  Effect.flatMap(Effect.either(effect), (result) => {
    if (Either.isRight(result)) {
      return Effect.dieMessage(`expected ${tag}, but the call succeeded with ${JSON.stringify(result.right)}`)
    }
    const error = result.left
    if (error._tag !== tag) return Effect.dieMessage(`expected ${tag}, got ${error._tag}: ${error.message}`)
    if ("status" in error) recordExpectedError(error.operation)
    return Effect.succeed(error as Extract<OfscError, { readonly _tag: T }>)
  })

/** Bytes of a UTF-8 string (file property uploads). */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The UTF-8 text of downloaded bytes. */
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
