/**
 * Generates packages/models/src/generated/decoders/<module>.ts: one compiled decoder per lenient
 * model (`decodeShift` beside `Shift`), built from the models' own Schema ASTs once the model files
 * are written, so a decoder can only mirror what the Schema really is.
 */
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import type * as SchemaAST from "../../../packages/models/src/SchemaReader.js"
import { compileModel, type DecoderModule, NotCompilable } from "./emitDecoder.js"
import { modelModule, modelName } from "./emitSchema.js"
import { modelModules, modelsDir, moduleDefinitions } from "./models.js"
import { repoRoot, writeGeneratedFile } from "./writeFile.js"

/** Where the generated decoders live, relative to the repo root. */
export const decodersDir = `${modelsDir}/decoders`

/** The exported name of a lenient model's compiled decoder. */
export const decoderName = (definition: string): string => `decode${modelName(definition, "decode")}`

/** Numbers a run reports. */
export interface DecodersSummary {
  readonly compiled: number
  /** models left to their Schema, with the reason */
  readonly fallbacks: ReadonlyArray<string>
  readonly changed: ReadonlyArray<string>
}

interface Model {
  readonly definition: string
  readonly module: string
  readonly id: string
  readonly ast: SchemaAST.AST
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const loadModels = async (): Promise<ReadonlyArray<Model>> => {
  const out: Array<Model> = []
  for (const module of modelModules) {
    const exports = (await import(pathToFileURL(resolve(repoRoot, modelsDir, `${module.models}.ts`)).href)) as Record<
      string,
      { readonly ast: SchemaAST.AST }
    >
    for (const definition of moduleDefinitions(module)) {
      const id = modelName(definition, "decode")
      const schema = exports[id]
      if (schema === undefined) throw new Error(`${module.models}.ts does not export ${id}`)
      out.push({ definition, module: module.models, id, ast: schema.ast })
    }
  }
  return out
}

const compound = new Set(["TypeLiteral", "TupleType", "Union", "Transformation", "Suspend", "Refinement"])

/** The nodes of the hand-written primitives every module shares. */
const sharedAsts = async (): Promise<ReadonlySet<SchemaAST.AST>> => {
  const primitives = (await import(
    pathToFileURL(resolve(repoRoot, "packages/models/src/OfsPrimitives.ts")).href
  )) as Record<string, unknown>
  const out = new Set<SchemaAST.AST>()
  for (const value of Object.values(primitives)) {
    const ast = (value as { readonly ast?: SchemaAST.AST } | null)?.ast
    if (typeof value === "object" && ast !== undefined) out.add(ast)
  }
  return out
}

/** Writes every module's decoders file; deterministic, so a second run changes nothing. */
export const generateDecoders = async (): Promise<DecodersSummary> => {
  const models = await loadModels()
  // a model that is a shared node (`Schema.String`, `FreeFormObject`) is inlined, not called
  const shared = await sharedAsts()
  const byAst = new Map<SchemaAST.AST, Model>()
  for (const model of models) {
    if (!byAst.has(model.ast) && !shared.has(model.ast) && compound.has(model.ast._tag)) byAst.set(model.ast, model)
  }
  const failed = new Map<string, string>()
  let compiled = new Map<string, { readonly declarations: ReadonlyArray<string>; readonly imports: Set<Model> }>()
  // a model that refers to one left to its Schema is left too: repeat until nothing more fails
  for (let changed = true; changed; ) {
    changed = false
    compiled = new Map()
    for (const model of models) {
      if (failed.has(model.id)) continue
      const imports = new Set<Model>()
      const module: DecoderModule = {
        declarations: [],
        modelFunction: (ast) => {
          const other = byAst.get(ast)
          if (other === undefined) return undefined
          if (failed.has(other.id)) throw new NotCompilable(`refers to ${other.id}, left to its Schema`)
          if (other.module === model.module) return `$${other.id}`
          imports.add(other)
          return decoderName(other.definition)
        }
      }
      try {
        compileModel(module, `$${model.id}`, model.ast)
        compiled.set(model.id, { declarations: module.declarations, imports })
      } catch (e) {
        if (!(e instanceof NotCompilable)) throw e
        failed.set(model.id, e.message)
        changed = true
      }
    }
  }
  const changed: Array<string> = []
  for (const module of modelModules) {
    const own = models.filter((m) => m.module === module.models && compiled.has(m.id))
    const path = `${decodersDir}/${module.models}.ts`
    if (writeGeneratedFile(path, renderModule(module.models, own, compiled))) changed.push(path)
  }
  return {
    compiled: compiled.size,
    fallbacks: [...failed.entries()].map(([id, reason]) => `${id}: ${reason}`).sort(byName),
    changed
  }
}

const renderModule = (
  module: string,
  own: ReadonlyArray<Model>,
  compiled: ReadonlyMap<string, { readonly declarations: ReadonlyArray<string>; readonly imports: Set<Model> }>
): string => {
  if (own.length === 0) return "// This module has no models.\nexport {}\n"
  const imported = new Map<string, Set<string>>()
  const blocks: Array<string> = []
  for (const model of own) {
    const entry = compiled.get(model.id)!
    for (const other of entry.imports) {
      const set = imported.get(other.module) ?? new Set<string>()
      set.add(decoderName(other.definition))
      imported.set(other.module, set)
    }
    blocks.push(
      `${entry.declarations.join("\n\n")}\n\n/** Decodes parsed JSON as {@link ${model.id}} does, in one pass; \`invalid\` where it fails. */\nexport const ${decoderName(model.definition)} = $${model.id} as CompiledDecoder<${model.id}>\n`
    )
  }
  const imports = [
    `import { type CompiledDecoder, invalid } from "../../CompiledDecoder.js"`,
    `import type { ${own
      .map((m) => m.id)
      .sort(byName)
      .join(", ")} } from "../${module}.js"`,
    ...[...imported.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([other, ids]) => `import { ${[...ids].sort(byName).join(", ")} } from "./${other}.js"`)
  ]
  return `${imports.join("\n")}\n\n${blocks.join("\n")}`
}

/** The module a definition's decoder is exported from (its models module). */
export const decoderModule = (definition: string): string => modelModule(definition).models
