/**
 * `@ofsc/core/errors`: the error classes alone, for code that checks or rebuilds errors without
 * loading the transport (the calling thread of `@ofsc/sync`). They are the very classes `@ofsc/core`
 * exports, so `instanceof` holds across both imports.
 *
 * @packageDocumentation
 */
export * from "./OfscError.js"
