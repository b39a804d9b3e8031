/**
 * `@ofsc/simulator`: a local HTTP server that behaves like Oracle Fusion Field Service, for tests,
 * demos and benchmarks.
 *
 * @packageDocumentation
 */

export type { ResourceCollections } from "./data/seed.js"
export { allOperations } from "./engine/operations.js"
export * from "./Simulator.js"
export type { SimApplication } from "./server/auth.js"
export type { MultipartPart } from "./server/body.js"
export {
  type ConcurrencyLimit,
  type ConcurrencyLimitOptions,
  type ConcurrencyLimitSettings,
  ofsConcurrencyLimits,
  operationKey
} from "./server/concurrencyLimits.js"
export type { FaultSettings } from "./server/faults.js"
export type { Link, LinkSource } from "./server/links.js"
export type { OperationStats, RequestListener, RequestRecord, ServerStats } from "./server/requestStats.js"
export { listEnvelope, noContent, ofsError, ok, pageOf, type SimResponse } from "./server/responses.js"
export { type Handler, Router, type SimRequest } from "./server/router.js"
