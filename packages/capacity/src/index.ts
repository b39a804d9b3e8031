/**
 * `@ofsc/capacity`: the ofscCapacity API of Oracle Fusion Field Service as an Effect service (OfscCapacity), and its
 * operation table (CapacityOperations: one descriptor per operation, plus the query and body schemas).
 *
 * @packageDocumentation
 */

export * as CapacityOperations from "./generated/operations.js"
export * from "./OfscCapacity.js"
