/**
 * `@ofsc/models`: the shared primitives and link helpers; the models themselves are per module
 * (`@ofsc/models/core`, `/metadata`, `/capacity`, `/statistics`, `/parts-catalog`, `/collaboration`, `/auth`).
 *
 * @packageDocumentation
 */

export * from "./Answer.js"
export * from "./lazy.js"
export * from "./links.js"
export * from "./OfsPrimitives.js"
export * from "./SchemaIssues.js"
