/**
 * `@ofsc/core/config`: the configuration alone (options, `OFSC_*` variables, their checks), for code
 * that resolves settings without loading the transport (the calling thread of `@ofsc/sync`). It is
 * the same module `@ofsc/core` exports it from.
 *
 * @packageDocumentation
 */
export * from "./OfscConfig.js"
