/** Every OFS operation the simulator answers: the tables of the modules in the generated registry. */
import type { AnyOperation } from "@ofsc/core"
import { allModules } from "@ofsc/modules/all"
import type { ModuleOperation } from "./plan.js"

/** Every operation with the module whose table holds it, in registry order. */
export const moduleOperations: ReadonlyArray<ModuleOperation> = allModules.flatMap((module) =>
  module.operations.map((op) => ({ op, module: module.name }))
)

/** All 243 operation descriptors, in table order. */
export const allOperations: ReadonlyArray<AnyOperation> = moduleOperations.map(({ op }) => op)
