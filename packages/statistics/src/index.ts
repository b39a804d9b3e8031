/**
 * `@ofsc/statistics`: the ofscStatistics API of Oracle Fusion Field Service as an Effect service (OfscStatistics), and its
 * operation table (StatisticsOperations: one descriptor per operation, plus the query and body schemas).
 *
 * @packageDocumentation
 */

export * as StatisticsOperations from "./generated/operations.js"
export * from "./OfscStatistics.js"
