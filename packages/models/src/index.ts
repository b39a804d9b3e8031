/**
 * `@ofsc/models`: the shared primitives, link helpers and the schema reader (`SchemaReader`); the models themselves are per module
 * (`@ofsc/models/core`, `/metadata`, `/capacity`, `/statistics`, `/parts-catalog`, `/collaboration`, `/auth`).
 *
 * @packageDocumentation
 */

export * from "./Answer.js"
export * from "./lazy.js"
export * from "./links.js"
export * from "./OfsPrimitives.js"
export * from "./SchemaIssues.js"
export * as SchemaReader from "./SchemaReader.js"
