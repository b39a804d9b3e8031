/**
 * This package's version, written in at build time (tsup and vitest `define`, from package.json),
 * so nothing reads package.json at run time and a bundle keeps the number.
 */
declare const __OFSC_CORE_VERSION__: string

/** The version of @ofsc/core, as in its package.json when it was built. */
export const version: string = __OFSC_CORE_VERSION__

/** The `User-Agent` requests carry unless the configuration names another. */
export const defaultUserAgent = `@ofsc/core/${version}`
