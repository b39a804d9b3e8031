/**
 * `@ofsc/parts-catalog`: the ofscPartsCatalog API of Oracle Fusion Field Service as an Effect service (OfscPartsCatalog), and its
 * operation table (PartsCatalogOperations: one descriptor per operation, plus the query and body schemas).
 *
 * @packageDocumentation
 */

export * as PartsCatalogOperations from "./generated/operations.js"
export * from "./OfscPartsCatalog.js"
