/**
 * Turns spec schema nodes into Effect Schema expressions (TypeScript source text), in two modes:
 * lenient `decode` for what OFS answers and strict `encode` for what the client sends.
 *
 * Imports an emitted expression may need:
 * - `Schema` from "effect/Schema";
 * - the primitives listed in `emitImports`, exported by "@ofsc/models" (root entry);
 * - every definition the expression refers to, through `ctx.ref` (see `modelImportPath`).
 * `createEmitContext` records all of them for a file.
 */
import {
  customPropertyDefinitions,
  definitionFixes,
  type HintedNode,
  nullableFields,
  objectNotArray,
  propertyPatches,
  type StringFormat,
  stringFormats,
  unionLikeDefinitions
} from "./modelHints.js"
import { modelRenames } from "./modelNames.js"
import {
  definitionModule,
  directRefs,
  facts,
  type Module,
  operations,
  reachable,
  refName,
  type SchemaNode,
  typeName
} from "./spec.js"
import { propertyCorrections } from "./specCorrections.js"

/** decode: lenient response models; encode: strict request models. */
export type SchemaMode = "decode" | "encode"

/** What `emitSchema` needs from the file it writes into. */
export interface EmitContext {
  readonly mode: SchemaMode
  /** the identifier to use for a $ref to a definition in this mode (e.g. "Shift" / "ShiftInput"), and records the import it needs */
  readonly ref: (definition: string) => string
}

/** The hand-written primitives (from "@ofsc/models") an emitted expression may use. */
export const emitImports = [
  "OpenEnum",
  "OpenNumberEnum",
  "OfsDate",
  "OfsTime",
  "OfsDateTime",
  "CustomProperties",
  "FreeFormObject",
  "OptionalNullable"
] as const

/** One of the primitives in `emitImports`. */
export type EmitImport = (typeof emitImports)[number]

/** The primitives an emitted expression uses, in `emitImports` order. */
export const primitivesUsed = (expression: string): ReadonlyArray<EmitImport> =>
  emitImports.filter((name) => new RegExp(`\\b${name}\\b`).test(expression))

// ---------------------------------------------------------------------------------------------
// names

const definitions = facts.definitions as Readonly<Record<string, HintedNode>>

for (const name of [
  ...customPropertyDefinitions,
  ...unionLikeDefinitions,
  ...Object.keys(definitionFixes),
  ...objectNotArray,
  ...Object.keys(modelRenames),
  ...Object.keys(propertyPatches)
]) {
  if (!definitions[name]) throw new Error(`modelHints/modelNames name an unknown definition: ${name}`)
}

const requestDefinitions: ReadonlySet<string> = (() => {
  const roots = new Set<string>()
  for (const op of operations)
    for (const p of op.parameters) if (p.in === "body" && p.schema) directRefs(p.schema, roots)
  return reachable(roots)
})()

/**
 * Definitions answered by operations that take a `fields` query parameter (the caller picks which
 * properties come back) and the shapes inside events (which report only what changed): the
 * lenient models treat all their properties as optional.
 */
const fieldSelectableDefinitions: ReadonlySet<string> = (() => {
  const roots = new Set<string>()
  for (const op of operations) {
    if (!op.parameters.some((p) => p.in === "query" && p.name === "fields")) continue
    for (const [status, response] of Object.entries(op.responses)) {
      if (status.startsWith("2") && response.schema) directRefs(response.schema, roots)
    }
  }
  // events carry only what changed (activityChanges, userChanges, ...): every field may be absent
  for (const name of reachable(["event"])) roots.add(name)
  return reachable(roots)
})()

/** True when a definition is reachable from some operation's request body (so it gets an encode/Input variant). */
export const isRequestDefinition = (definition: string): boolean => requestDefinitions.has(definition)

/** The exported identifier of a definition in a mode. */
export const modelName = (definition: string, mode: SchemaMode): string => {
  const base = modelRenames[definition] ?? typeName(definition)
  return mode === "decode" ? base : `${base}Input`
}

// every name must be unique across decode and encode variants, and must not shadow a global
{
  const seen = new Map<string, string>()
  for (const name of Object.keys(definitions)) {
    const variants = isRequestDefinition(name) ? (["decode", "encode"] as const) : (["decode"] as const)
    for (const mode of variants) {
      const id = modelName(name, mode)
      const other = seen.get(id)
      if (other) throw new Error(`model name ${id} used by both ${other} and ${name}`)
      if (id in globalThis) throw new Error(`model name ${id} (${name}) shadows a global: rename it in modelNames.ts`)
      seen.set(id, name)
    }
  }
}

/** The module that owns a definition (its models file). */
export const modelModule = (definition: string): Module => {
  const module = definitionModule.get(definition)
  if (!module) throw new Error(`unknown definition ${definition}`)
  return module
}

/** The package subpath generated operation files import a definition from (`@ofsc/models/core`). */
export const modelImportPath = (definition: string): string => `@ofsc/models/${modelModule(definition).models}`

/**
 * A context that records the definitions an emitted file refers to, by import path (skipping those
 * of `localModule`, which live in the same file). Primitives: `primitivesUsed` on the text.
 */
export const createEmitContext = (
  mode: SchemaMode,
  options: { readonly localModule?: Module; readonly importPath?: (definition: string) => string } = {}
): EmitContext & {
  /** identifiers to import, by module specifier, sorted */
  readonly imports: () => ReadonlyArray<readonly [string, ReadonlyArray<string>]>
  /** the definitions this context referred to */
  readonly referenced: ReadonlySet<string>
} => {
  const byPath = new Map<string, Set<string>>()
  const referenced = new Set<string>()
  const importPath = options.importPath ?? modelImportPath
  return {
    mode,
    referenced,
    ref: (definition) => {
      const id = modelName(definition, mode)
      referenced.add(definition)
      if (modelModule(definition) !== options.localModule) {
        const path = importPath(definition)
        const set = byPath.get(path) ?? new Set<string>()
        set.add(id)
        byPath.set(path, set)
      }
      return id
    },
    imports: () =>
      [...byPath.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, ids]) => [path, [...ids].sort()] as const)
  }
}

// ---------------------------------------------------------------------------------------------
// expressions

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

const propertyKey = (key: string): string => (identifier.test(key) ? key : JSON.stringify(key))

const literalList = (values: ReadonlyArray<string | number | boolean>): string =>
  values.map((v) => JSON.stringify(v)).join(", ")

const regexLiteral = (pattern: string): string => `/${pattern.replace(/\//g, "\\/")}/`

/** Checks for strict mode, as `.pipe(...)` arguments. */
const checks = (node: HintedNode, kind: "string" | "number" | "array"): ReadonlyArray<string> => {
  const out: Array<string> = []
  if (kind === "string") {
    if (node.minLength !== undefined && node.minLength > 0) out.push(`Schema.minLength(${node.minLength})`)
    if (node.maxLength !== undefined) out.push(`Schema.maxLength(${node.maxLength})`)
    if (node.pattern !== undefined) out.push(`Schema.pattern(${regexLiteral(node.pattern)})`)
  } else if (kind === "number") {
    if (node.minimum !== undefined) out.push(`Schema.greaterThanOrEqualTo(${node.minimum})`)
    if (node.maximum !== undefined) out.push(`Schema.lessThanOrEqualTo(${node.maximum})`)
  } else {
    if (node.minItems !== undefined && node.minItems > 0) out.push(`Schema.minItems(${node.minItems})`)
    if (node.maxItems !== undefined) out.push(`Schema.maxItems(${node.maxItems})`)
  }
  return out
}

const piped = (base: string, pipes: ReadonlyArray<string>): string =>
  pipes.length === 0 ? base : `${base}.pipe(${pipes.join(", ")})`

const resolveDefinition = (name: string): HintedNode => {
  const fixed = definitionFixes[name]
  if (fixed) return fixed
  const node = definitions[name]
  if (!node) throw new Error(`unknown definition ${name}`)
  const patch = propertyPatches[name]
  const patched = patch ? { ...node, properties: { ...node.properties, ...patch } } : node
  return objectNotArray.has(name) ? { ...patched, type: "object" } : patched
}

/**
 * Where a node sits: `definition` when it is a whole definition, `path` (`definition.prop[].prop`)
 * to look up hand-written hints; both absent for nodes the caller passes on their own.
 */
interface Site {
  readonly definition?: string | undefined
  readonly path?: string | undefined
}

const at = (site: Site, suffix: string): Site => (site.path === undefined ? {} : { path: `${site.path}${suffix}` })

interface MergedProperty {
  readonly node: HintedNode
  readonly site: Site
}

interface MergedObject {
  readonly properties: ReadonlyArray<readonly [string, MergedProperty]>
  readonly required: ReadonlySet<string>
  readonly extensible: boolean
  readonly additionalProperties?: MergedProperty | undefined
}

/** The node specCorrections.ts puts in place of the one at a site, if any (and marks the hint used). */
const corrected = (site: Site): HintedNode | undefined => {
  const correction = site.path === undefined ? undefined : propertyCorrections[site.path]
  if (correction) usedHints.add(site.path as string)
  return correction?.node
}

/**
 * Flattens `allOf` parts and the node's own properties into one property list (later parts win);
 * inherited properties keep the path of the definition they come from.
 */
const mergeObject = (node: HintedNode, site: Site): MergedObject => {
  const props = new Map<string, MergedProperty>()
  const required = new Set<string>()
  let extensible = site.definition !== undefined && customPropertyDefinitions.has(site.definition)
  let additional: MergedProperty | undefined
  for (const part of node.allOf ?? []) {
    const partName = part.$ref ? refName(part.$ref) : undefined
    const merged = partName
      ? mergeObject(resolveDefinition(partName), { definition: partName, path: partName })
      : mergeObject(part, at(site, ""))
    for (const [k, v] of merged.properties) props.set(k, v)
    for (const r of merged.required) required.add(r)
    extensible ||= merged.extensible
    additional ??= merged.additionalProperties
  }
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    const propertySite = at(site, `.${k}`)
    props.set(k, { node: corrected(propertySite) ?? v, site: propertySite })
  }
  for (const r of node.required ?? []) required.add(r)
  if (typeof node.additionalProperties === "object") {
    additional = { node: node.additionalProperties, site: at(site, "{}") }
  }
  if (site.definition !== undefined && unionLikeDefinitions.has(site.definition)) required.clear()
  return { properties: [...props.entries()], required, extensible, additionalProperties: additional }
}

const isLinksProperty = (key: string, node: HintedNode): boolean =>
  key === "links" && (node.type === "array" || node.items !== undefined)

/**
 * A property declared `type: object` with `items`: a list when it is called `items`, otherwise
 * either shape when decoding.
 */
const emitPropertyValue = (key: string, { node, site }: MergedProperty, ctx: EmitContext): string => {
  if (node.type !== "object" || !node.items || node.properties) return emitNode(node, ctx, site)
  const item = emitNode(node.items, ctx, at(site, "[]"))
  return key === "items" || ctx.mode === "encode"
    ? `Schema.Array(${item})`
    : `Schema.Union(${item}, Schema.Array(${item}))`
}

const emitProperty = (key: string, property: MergedProperty, required: boolean, ctx: EmitContext): string => {
  const value = emitPropertyValue(key, property, ctx)
  const { node, site } = property
  const hintedNullable = site.path !== undefined && nullableFields.has(site.path)
  if (hintedNullable) usedHints.add(site.path as string)
  const nullable = node["x-nullable"] === true || hintedNullable
  if (ctx.mode === "decode") {
    if (required) return nullable ? `Schema.NullOr(${value})` : value
    return `OptionalNullable(${value})`
  }
  const strict = nullable ? `Schema.NullOr(${value})` : value
  return required && node.readOnly !== true ? strict : `Schema.optional(${strict})`
}

const emitRecord = (key: string, value: MergedProperty | undefined, ctx: EmitContext): string =>
  value === undefined
    ? "CustomProperties"
    : `Schema.Record({ key: ${key}, value: ${emitNode(value.node, ctx, value.site)} })`

const emitObject = (node: HintedNode, ctx: EmitContext, site: Site): string => {
  const merged = mergeObject(node, site)
  const allOptional =
    ctx.mode === "decode" && site.definition !== undefined && fieldSelectableDefinitions.has(site.definition)
  const fields = merged.properties
    // `links` of a whole definition stays out of the type: linksOf reads it from the kept key
    .filter(([k, v]) => !(site.definition !== undefined && isLinksProperty(k, v.node)))
    .map(([k, v]) => `${propertyKey(k)}: ${emitProperty(k, v, !allOptional && merged.required.has(k), ctx)}`)
  const keyPattern = node["x-key-pattern"]
  const key = keyPattern ? `Schema.String.pipe(Schema.pattern(${regexLiteral(keyPattern)}))` : "Schema.String"
  if (fields.length === 0 && merged.additionalProperties === undefined && !node.allOf) {
    return "FreeFormObject"
  }
  if (fields.length === 0 && merged.additionalProperties !== undefined) {
    return emitRecord(key, merged.additionalProperties, ctx)
  }
  const struct = `{ ${fields.join(", ")} }`
  if (merged.additionalProperties !== undefined) {
    return `Schema.Struct(${struct}, ${emitRecord(key, merged.additionalProperties, ctx)})`
  }
  return merged.extensible ? `Schema.Struct(${struct}, CustomProperties)` : `Schema.Struct(${struct})`
}

const formatSchemas: Readonly<Record<StringFormat, string>> = {
  date: "OfsDate",
  time: "OfsTime",
  "date-time": "OfsDateTime"
}

const usedHints = new Set<string>()

/** Hint paths in modelHints.ts that matched no node so far (a typo, or a spec change). */
export const unusedHints = (): ReadonlyArray<string> =>
  [...Object.keys(stringFormats), ...nullableFields, ...Object.keys(propertyCorrections)].filter(
    (path) => !usedHints.has(path)
  )

const emitString = (node: HintedNode, ctx: EmitContext, site: Site): string => {
  const hinted = site.path === undefined ? undefined : stringFormats[site.path]
  if (hinted) usedHints.add(site.path as string)
  if (ctx.mode === "decode") return "Schema.String"
  const format = hinted ?? (node.format === "date" || node.format === "time" ? node.format : undefined)
  if (format) return formatSchemas[format]
  return piped("Schema.String", checks(node, "string"))
}

const emitNumber = (base: "Schema.Int" | "Schema.Finite", node: HintedNode): string => {
  if (node.minimum !== undefined && node.maximum !== undefined) {
    return `${base}.pipe(Schema.between(${node.minimum}, ${node.maximum}))`
  }
  return piped(base, checks(node, "number"))
}

const emitNode = (node: HintedNode, ctx: EmitContext, site: Site): string => {
  if (node.$ref) return ctx.ref(refName(node.$ref))
  if (node.allOf && node.allOf.length > 0) return emitObject(node, ctx, site)
  if (node.enum && node.enum.length > 0) {
    const numeric = node.enum.every((v) => typeof v === "number")
    if (ctx.mode === "encode") return `Schema.Literal(${literalList(node.enum)})`
    if (numeric) return `OpenNumberEnum(${literalList(node.enum)})`
    if (node.enum.every((v) => typeof v === "string")) return `OpenEnum(${literalList(node.enum)})`
    return `Schema.Union(Schema.Literal(${literalList(node.enum)}), Schema.String, Schema.Number, Schema.Boolean)`
  }
  // declared a scalar but described with properties (event details): the properties win
  const scalar = node.type === "string" || node.type === "integer" || node.type === "number" || node.type === "boolean"
  if (scalar && Object.keys(node.properties ?? {}).length > 0) return emitObject({ ...node, type: "object" }, ctx, site)
  switch (node.type) {
    case "string":
      return emitString(node, ctx, site)
    case "integer":
      return ctx.mode === "decode" ? "Schema.Number" : emitNumber("Schema.Int", node)
    case "number":
      return ctx.mode === "decode" ? "Schema.Number" : emitNumber("Schema.Finite", node)
    case "boolean":
      return "Schema.Boolean"
    case "array": {
      if (node.items) {
        // an item declared `type: array` but described by properties is one object
        const described = node.items as HintedNode
        const itemNode =
          described.type === "array" && described.properties && !described.items
            ? { ...described, type: "object" }
            : described
        const item = emitNode(itemNode, ctx, at(site, "[]"))
        return ctx.mode === "encode" ? piped(`Schema.Array(${item})`, checks(node, "array")) : `Schema.Array(${item})`
      }
      // declared an array but described as an object: an array of that object
      if (node.properties) return `Schema.Array(${emitObject({ ...node, type: "object" }, ctx, at(site, "[]"))})`
      return "Schema.Array(Schema.Unknown)"
    }
    default: {
      // an `items` key without `type: array` (malformed nodes) is read as an array
      if (node.items && !node.properties) return emitNode({ ...node, type: "array" }, ctx, site)
      if (node.type === "object" || node.properties || node.additionalProperties !== undefined) {
        return emitObject(node, ctx, site)
      }
      return "Schema.Unknown"
    }
  }
}

/** A TypeScript expression (Effect Schema) for a spec schema node. */
export const emitSchema = (node: SchemaNode, ctx: EmitContext): string => emitNode(node as HintedNode, ctx, {})

/** The expression for a whole definition (its fixes, custom properties and `links` handling applied). */
export const emitDefinition = (definition: string, ctx: EmitContext): string =>
  emitNode(resolveDefinition(definition), ctx, { definition, path: definition })

/** The definitions a definition's expression refers to (after fixes and allOf merging). */
export const definitionDependencies = (definition: string): ReadonlySet<string> => {
  const ctx = createEmitContext("decode")
  emitDefinition(definition, ctx)
  return ctx.referenced
}
