/**
 * Generates packages/models/src/generated/<module>.ts: one Effect Schema per spec definition owned by
 * the module (lenient, for responses) plus a strict `<Name>Input` for definitions sent in requests.
 */
import {
  createEmitContext,
  definitionDependencies,
  emitDefinition,
  isRequestDefinition,
  modelModule,
  modelName,
  primitivesUsed,
  type SchemaMode,
  unusedHints
} from "./emitSchema.js"
import { definitionModule, facts, type Module, modules } from "./spec.js"
import { writeGeneratedFile } from "./writeFile.js"

/** Where the generated model files live, relative to the repo root. */
export const modelsDir = "packages/models/src/generated"

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The module files, one per distinct `models` name, in `modules` order. */
export const modelModules: ReadonlyArray<Module> = modules.filter(
  (m, i) => modules.findIndex((o) => o.models === m.models) === i
)

/** The definitions a module file holds, dependencies first (names sorted otherwise). */
export const moduleDefinitions = (module: Module): ReadonlyArray<string> => {
  const own = Object.keys(facts.definitions)
    .filter((d) => definitionModule.get(d)?.models === module.models)
    .sort(byName)
  const ordered: Array<string> = []
  const state = new Map<string, "visiting" | "done">()
  const visit = (name: string) => {
    const s = state.get(name)
    if (s === "done") return
    if (s === "visiting") throw new Error(`recursive definition ${name}: needs Schema.suspend`)
    state.set(name, "visiting")
    for (const dep of [...definitionDependencies(name)].sort(byName)) {
      if (modelModule(dep).models === module.models) visit(dep)
    }
    state.set(name, "done")
    ordered.push(name)
  }
  for (const name of own) visit(name)
  return ordered
}

const describe = (definition: string, mode: SchemaMode): string =>
  mode === "decode"
    ? `/** \`${definition}\`, lenient: accepts what OFS sends (nulls, new enum values, extra keys). */`
    : `/** \`${definition}\`, strict: what the client sends (known enum values, formats and bounds checked). */`

/** The sibling model modules a module's file imports. */
const siblingModules = (module: Module): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const name of moduleDefinitions(module)) {
    for (const dep of definitionDependencies(name)) {
      const owner = modelModule(dep).models
      if (owner !== module.models) out.add(owner)
    }
  }
  return [...out].sort(byName)
}

/** Fails when the model files would import each other in a cycle. */
const assertNoImportCycle = (): void => {
  const state = new Map<string, "visiting" | "done">()
  const visit = (models: string, trail: ReadonlyArray<string>) => {
    if (state.get(models) === "done") return
    if (state.get(models) === "visiting") {
      throw new Error(`model files import each other: ${[...trail, models].join(" -> ")}`)
    }
    state.set(models, "visiting")
    const module = modelModules.find((m) => m.models === models) as Module
    for (const next of siblingModules(module)) visit(next, [...trail, models])
    state.set(models, "done")
  }
  for (const module of modelModules) visit(module.models, [])
}

/** The source (without header) of one module's models file. */
export const renderModelsModule = (module: Module): string => {
  const names = moduleDefinitions(module)
  const importPath = (definition: string) => `./${modelModule(definition).models}.js`
  const blocks: Array<string> = []
  const contexts = (["decode", "encode"] as const).map((mode) => {
    const ctx = createEmitContext(mode, { localModule: module, importPath })
    for (const name of names) {
      if (mode === "encode" && !isRequestDefinition(name)) continue
      const id = modelName(name, mode)
      blocks.push(
        `${describe(name, mode)}\nexport const ${id} = /* @__PURE__ */ lazy(() => ${emitDefinition(name, ctx)})\n/** The type of {@link ${id}}. */\nexport type ${id} = typeof ${id}.Type\n`
      )
    }
    return ctx
  })
  const body = blocks.join("\n")
  const siblings = new Map<string, Set<string>>()
  for (const ctx of contexts) {
    for (const [path, ids] of ctx.imports()) {
      const set = siblings.get(path) ?? new Set<string>()
      for (const id of ids) set.add(id)
      siblings.set(path, set)
    }
  }
  const primitives = primitivesUsed(body)
  const imports = [
    `import * as Schema from "effect/Schema"`,
    `import { lazy } from "../lazy.js"`,
    ...(primitives.length > 0 ? [`import { ${primitives.join(", ")} } from "../OfsPrimitives.js"`] : []),
    ...[...siblings.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([path, ids]) => `import { ${[...ids].sort(byName).join(", ")} } from "${path}"`)
  ]
  if (names.length === 0) return "// This module's operations use no shared definitions.\nexport {}\n"
  return `${imports.join("\n")}\n\n${body}`
}

/** Numbers a run reports. */
export interface ModelsSummary {
  readonly definitions: number
  readonly inputs: number
  readonly files: ReadonlyArray<string>
  readonly changed: ReadonlyArray<string>
}

/** Writes every module's models file; deterministic, so a second run changes nothing. */
export const generateModels = (): ModelsSummary => {
  assertNoImportCycle()
  const files: Array<string> = []
  const changed: Array<string> = []
  let definitions = 0
  let inputs = 0
  for (const module of modelModules) {
    const names = moduleDefinitions(module)
    definitions += names.length
    inputs += names.filter(isRequestDefinition).length
    const path = `${modelsDir}/${module.models}.ts`
    files.push(path)
    if (writeGeneratedFile(path, renderModelsModule(module))) changed.push(path)
  }
  const unused = unusedHints()
  if (unused.length > 0) throw new Error(`modelHints.ts names paths the spec does not have: ${unused.join(", ")}`)
  return { definitions, inputs, files, changed }
}
