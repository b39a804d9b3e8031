/**
 * `@ofsc/metadata`: the ofscMetadata API of Oracle Fusion Field Service as an Effect service (OfscMetadata), and its
 * operation table (MetadataOperations: one descriptor per operation, plus the query and body schemas).
 *
 * @packageDocumentation
 */

export * as MetadataOperations from "./generated/operations.js"
export * from "./OfscMetadata.js"
