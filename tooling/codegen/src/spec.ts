/**
 * The facts-only OFS spec, read once and resolved: every operation with its module, parameters and
 * success response; every definition with the module that owns it and its TypeScript name.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** A JSON Schema node as Swagger 2.0 writes it (only the fields the generator reads). */
export interface SchemaNode {
  readonly $ref?: string
  readonly type?: string
  readonly format?: string
  readonly enum?: ReadonlyArray<string | number | boolean>
  readonly items?: SchemaNode
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly required?: ReadonlyArray<string>
  readonly additionalProperties?: SchemaNode | boolean
  readonly allOf?: ReadonlyArray<SchemaNode>
  readonly minimum?: number
  readonly maximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly default?: unknown
  readonly readOnly?: boolean
}

/** A parameter after `$ref` resolution. */
export interface Parameter extends Omit<SchemaNode, "required"> {
  readonly name: string
  readonly in: "path" | "query" | "body" | "formData" | "header"
  readonly required?: boolean
  readonly schema?: SchemaNode
  readonly collectionFormat?: string
}

/** The API modules, in the order that decides which module owns a shared definition. */
export const modules = [
  { key: "core", prefix: "/rest/ofscCore/", pkg: "core", models: "core" },
  { key: "metadata", prefix: "/rest/ofscMetadata/", pkg: "metadata", models: "metadata" },
  { key: "capacity", prefix: "/rest/ofscCapacity/", pkg: "capacity", models: "capacity" },
  { key: "statistics", prefix: "/rest/ofscStatistics/", pkg: "statistics", models: "statistics" },
  { key: "partsCatalog", prefix: "/rest/ofscPartsCatalog/", pkg: "parts-catalog", models: "parts-catalog" },
  { key: "collaboration", prefix: "/rest/ofscCollaboration/", pkg: "collaboration", models: "collaboration" },
  { key: "auth", prefix: "/rest/oauthTokenService/", pkg: "core", models: "auth" }
] as const

/** One API module. */
export type Module = (typeof modules)[number]

/** One operation of the spec, resolved. */
export interface SpecOperation {
  readonly module: Module
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  readonly path: string
  /** The spec's operationId, or `<method> <path>` where it has none. */
  readonly operationId: string
  readonly tags: ReadonlyArray<string>
  readonly deprecated: boolean
  readonly parameters: ReadonlyArray<Parameter>
  readonly consumes: ReadonlyArray<string>
  readonly produces: ReadonlyArray<string>
  /** Declared responses by status (`default` included), with their schema if any. */
  readonly responses: Readonly<Record<string, { readonly schema?: SchemaNode }>>
}

interface Facts {
  readonly paths: Record<string, Record<string, Record<string, unknown>>>
  readonly parameters: Record<string, Parameter>
  readonly definitions: Record<string, SchemaNode>
}

const here = fileURLToPath(new URL(".", import.meta.url))

/** The facts-only spec committed in tooling/codegen/spec. */
export const facts: Facts = JSON.parse(readFileSync(`${here}../spec/ofs.facts.json`, "utf8"))

const methods = ["get", "post", "put", "patch", "delete"] as const

const resolveParameter = (p: Parameter | { $ref: string }): Parameter => {
  if ("$ref" in p && typeof p.$ref === "string" && p.$ref.startsWith("#/parameters/")) {
    const found = facts.parameters[p.$ref.slice("#/parameters/".length)]
    if (!found) throw new Error(`unknown parameter ${p.$ref}`)
    return found
  }
  return p as Parameter
}

/** Every operation, in module order, then path, then method. */
export const operations: ReadonlyArray<SpecOperation> = (() => {
  const out: Array<SpecOperation> = []
  for (const [path, item] of Object.entries(facts.paths)) {
    const shared = ((item.parameters as unknown as ReadonlyArray<Parameter>) ?? []).map(resolveParameter)
    for (const m of methods) {
      const op = item[m]
      if (!op) continue
      const module = modules.find((mod) => path.startsWith(mod.prefix))
      if (!module) throw new Error(`no module for ${path}`)
      const own = ((op.parameters as ReadonlyArray<Parameter>) ?? []).map(resolveParameter)
      out.push({
        module,
        method: m.toUpperCase() as SpecOperation["method"],
        path,
        operationId: (op.operationId as string | undefined) ?? `${m} ${path}`,
        tags: (op.tags as ReadonlyArray<string>) ?? [],
        deprecated: op.deprecated === true,
        parameters: [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own],
        consumes: (op.consumes as ReadonlyArray<string>) ?? [],
        produces: (op.produces as ReadonlyArray<string>) ?? [],
        responses: (op.responses as SpecOperation["responses"]) ?? {}
      })
    }
  }
  const order = (o: SpecOperation) => modules.indexOf(o.module)
  return out.sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      methods.indexOf(a.method.toLowerCase() as never) - methods.indexOf(b.method.toLowerCase() as never)
  )
})()

/** The definition a `$ref` points at. */
export const refName = (ref: string): string => ref.replace(/^#\/definitions\//, "")

/** The definitions a schema node refers to, directly. */
export const directRefs = (node: SchemaNode | undefined, out: Set<string> = new Set()): Set<string> => {
  if (!node || typeof node !== "object") return out
  if (node.$ref) out.add(refName(node.$ref))
  if (node.items) directRefs(node.items, out)
  for (const p of Object.values(node.properties ?? {})) directRefs(p, out)
  for (const a of node.allOf ?? []) directRefs(a, out)
  if (typeof node.additionalProperties === "object") directRefs(node.additionalProperties, out)
  return out
}

/** Every definition reachable from `roots`. */
export const reachable = (roots: Iterable<string>): Set<string> => {
  const seen = new Set<string>()
  const queue = [...roots]
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (seen.has(name)) continue
    seen.add(name)
    for (const next of directRefs(facts.definitions[name])) if (!seen.has(next)) queue.push(next)
  }
  return seen
}

/** The schemas an operation touches: its body parameter and its responses. */
export const operationSchemas = (op: SpecOperation): ReadonlyArray<SchemaNode> => [
  ...op.parameters.flatMap((p) => (p.schema ? [p.schema] : [])),
  ...Object.values(op.responses).flatMap((r) => (r.schema ? [r.schema] : []))
]

/**
 * The module whose models file holds each definition: the first module (in `modules` order) whose
 * operations reach it. Definitions no operation reaches go to core.
 */
export const definitionModule: ReadonlyMap<string, Module> = (() => {
  const owner = new Map<string, Module>()
  for (const module of modules) {
    const roots = new Set<string>()
    for (const op of operations.filter((o) => o.module === module)) {
      for (const s of operationSchemas(op)) directRefs(s, roots)
    }
    for (const name of reachable(roots)) if (!owner.has(name)) owner.set(name, module)
  }
  for (const name of Object.keys(facts.definitions)) if (!owner.has(name)) owner.set(name, modules[0])
  return owner
})()

/** The TypeScript name of a definition: PascalCase, letters and digits only (`v2-quota` -> `V2Quota`). */
export const typeName = (definition: string): string =>
  definition
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("")
