/**
 * `@ofsc/modules/all`: every OFS API module loaded at once (tables, tags and layers), for programs
 * that serve or call every operation.
 *
 * @packageDocumentation
 */

export * from "./generated/all.js"
