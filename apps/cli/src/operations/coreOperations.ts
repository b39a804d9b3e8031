/**
 * ofscCore's operation table behind its own module: the command line imports it only for `ofsc core`,
 * and a bundle can leave the rest of @ofsc/core's index out of what every command loads (an
 * `import("@ofsc/core")` would keep every export of the package, and so all of core's models, in
 * the startup path the bin's static imports share).
 */
export { CoreOperations } from "@ofsc/core"
