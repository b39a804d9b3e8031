// Parity: every operation called through the blocking client (built dist/) and through the Effect
// services, each against its own simulator process with the same seed, must answer the same.
import { OfscCapacity } from "@ofsc/capacity"
import { OfscCollaboration } from "@ofsc/collaboration"
import {
  OfscClient,
  OfscCore,
  OfscHttpClient,
  type OfscOperation,
  OfscTransport,
  type OfscTransportShape,
  type OperationArgs
} from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscPartsCatalog } from "@ofsc/parts-catalog"
import { simulatorClientOptions } from "@ofsc/simulator"
import { OfscStatistics } from "@ofsc/statistics"
import { Chunk, Effect, Either, Layer, ManagedRuntime, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOfscSync, type OfscSync } from "../dist/index.js"
import { capacityStatisticsCalls } from "./parity/capacityStatistics.js"
import { collaborationPartsCalls } from "./parity/collaborationParts.js"
import { alignClock, allOperationIds, normalise, type Outcome, outcomeOfError } from "./parity/compare.js"
import { coreCalls } from "./parity/core.js"
import { coreActivityCalls } from "./parity/coreActivities.js"
import { coreInventoryCalls } from "./parity/coreInventories.js"
import { coreResourceCalls } from "./parity/coreResources.js"
import type { Saved } from "./parity/data.js"
import { metadataCalls } from "./parity/metadata.js"
import { type SimProcess, simulatorSyncOptions, startSimulatorProcess } from "./support/simulator.js"

const seed = 20_261_101
const table = [
  ...metadataCalls,
  ...coreCalls,
  ...coreActivityCalls,
  ...coreResourceCalls,
  ...coreInventoryCalls,
  ...capacityStatisticsCalls,
  ...collaborationPartsCalls
]

/** The operation ids the Effect transport carried during the current call. */
let carried: Array<string> = []
const recording = (inner: OfscTransportShape): OfscTransportShape => ({
  call: <P, Q, B, A>(op: OfscOperation<P, Q, B, A>, ...args: OperationArgs<OfscOperation<P, Q, B, A>>) =>
    Effect.zipRight(
      Effect.sync(() => carried.push(op.id)),
      inner.call(op, ...args)
    ),
  raw: inner.raw
})

let simA: SimProcess
let simB: SimProcess
let runtime: ManagedRuntime.ManagedRuntime<Record<string, unknown>, never>
let services: Record<string, unknown>
let ofs: OfscSync

beforeAll(async () => {
  ;[simA, simB] = await Promise.all([startSimulatorProcess(seed), startSimulatorProcess(seed)])
  const client = OfscClient.layer(
    simulatorClientOptions(simA, { retry: { maxRetries: 0 }, timeout: "20 seconds" })
  ).pipe(Layer.provide(OfscHttpClient.layerUndici), Layer.orDie)
  const transport = Layer.effect(OfscTransport, Effect.map(OfscTransport, recording)).pipe(Layer.provide(client))
  const all = Layer.mergeAll(
    OfscCore.layer,
    OfscMetadata.layer,
    OfscCapacity.layer,
    OfscStatistics.layer,
    OfscPartsCatalog.layer,
    OfscCollaboration.layer
  ).pipe(Layer.provide(transport))
  runtime = ManagedRuntime.make(all) as never
  services = await runtime.runPromise(
    Effect.all({
      core: OfscCore,
      metadata: OfscMetadata,
      capacity: OfscCapacity,
      statistics: OfscStatistics,
      partsCatalog: OfscPartsCatalog,
      collaboration: OfscCollaboration
    }) as never
  )
  ofs = createOfscSync({
    ...simulatorSyncOptions(simB),
    requestTimeoutMs: 20_000
  })
})

afterAll(async () => {
  ofs?.close()
  await runtime?.dispose()
  simA?.child.kill()
  simB?.child.kill()
})

/** The function at a dotted path of an object (the same path on both clients). */
const methodAt = (root: unknown, path: string): ((...args: ReadonlyArray<unknown>) => unknown) => {
  const segments = path.split(".")
  const owner = segments.slice(0, -1).reduce<any>((node, key) => node[key], root)
  return (...args) => owner[segments[segments.length - 1]!](...args)
}

const callAsync = async (method: string, args: ReadonlyArray<unknown>): Promise<Outcome> => {
  const result = methodAt(services, method)(...args)
  const effect =
    Stream.StreamTypeId in (result as object)
      ? Effect.map(Stream.runCollect(result as Stream.Stream<unknown, unknown>), Chunk.toArray)
      : (result as Effect.Effect<unknown, unknown>)
  const either = await runtime.runPromise(Effect.either(effect))
  return Either.isRight(either) ? { ok: either.right } : outcomeOfError(either.left)
}

const callSync = (method: string, args: ReadonlyArray<unknown>): Outcome => {
  try {
    const result = methodAt(ofs, method)(...args)
    const isIterator =
      typeof result === "object" && result !== null && typeof (result as Iterator<unknown>).next === "function"
    return { ok: isIterator ? Array.from(result as Iterable<unknown>) : result }
  } catch (error) {
    return outcomeOfError(error)
  }
}

const covered = new Set<string>()
const inTable = new Set<string>()
/** Operations with at least one call that succeeded (the others are compared on their errors only). */
const succeeded = new Set<string>()
const saved: Saved = {}

describe("sync parity with the Effect client, against two identical simulators", () => {
  table.forEach((entry, index) => {
    it(`${index + 1}. ${entry.method}`, async () => {
      const args = entry.args(saved)
      carried = []
      const viaEffect = await callAsync(entry.method, args)
      const ids = carried
      if (allOperationIds.includes(entry.method)) ids.push(entry.method)
      for (const id of ids) inTable.add(id)
      const viaSync = callSync(entry.method, args)
      const expected = normalise(viaEffect, simA.url)
      expect(alignClock(normalise(viaSync, simB.url), expected)).toEqual(expected)
      if (entry.save !== undefined && "ok" in viaEffect) saved[entry.save] = viaEffect.ok
      for (const id of ids) covered.add(id)
      if ("ok" in viaEffect) for (const id of ids) succeeded.add(id)
    })
  })

  it("covered every operation of the table", () => {
    const count = allOperationIds.filter((id) => covered.has(id)).length
    console.log(`sync parity: ${count}/${allOperationIds.length}`)
    const missing = allOperationIds.filter((id) => !inTable.has(id))
    if (missing.length > 0) console.log(`not in the table: ${missing.join(", ")}`)
    const errorsOnly = allOperationIds.filter((id) => covered.has(id) && !succeeded.has(id))
    if (errorsOnly.length > 0) console.log(`compared on errors only: ${errorsOnly.join(", ")}`)
    expect(allOperationIds.length).toBe(243)
    expect(count).toBe(inTable.size)
    expect(count).toBe(allOperationIds.length)
  })
})
