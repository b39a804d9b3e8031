/**
 * `@ofsc/modules`: the registry of the OFS API modules, generated from the spec. `apiModules` lists
 * the six modules once (name, command, package, path prefix, the methods that stream) and loads a
 * module's package only when asked; `@ofsc/modules/all` has them all loaded.
 *
 * @packageDocumentation
 */

export * from "./ApiModule.js"
export * from "./generated/registry.js"
