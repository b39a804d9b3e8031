/**
 * `@ofsc/simulator`: a local HTTP server that behaves like Oracle Fusion Field Service, for tests,
 * demos and benchmarks.
 *
 * @packageDocumentation
 */

export type { DataSize, ResourceCollections, SeedData } from "./data/seed.js"
export { clockPath } from "./edge/admin.js"
export type { SimApplication } from "./edge/auth.js"
export type { MultipartPart } from "./edge/body.js"
export {
  type ConcurrencyLimit,
  type ConcurrencyLimitOptions,
  type ConcurrencyLimitSettings,
  ofsConcurrencyLimits,
  operationKey
} from "./edge/concurrencyLimits.js"
export type { FaultSettings, ScriptedFate } from "./edge/faults.js"
export type { OperationStats, RequestListener, RequestRecord, ServerStats } from "./edge/requestStats.js"
export { type Handler, type RouteEntry, Router, type SimRequest } from "./edge/router.js"
export { listEnvelope, noContent, ofsError, ok, pageOf, type SimResponse } from "./engine/answers.js"
export type { SimulatorContext } from "./engine/context.js"
export type { Link, LinkSource } from "./engine/links.js"
export { allOperations } from "./engine/operations.js"
export * from "./Simulator.js"
export { SimClock } from "./state/clock.js"
export type { SimRecord } from "./state/record.js"
export type { Collection, EventSubject, SimEvent, Store, StoreChange } from "./state/store.js"
