/**
 * Generates, per API package, `src/generated/operations.ts` (one `Operation.make` descriptor per OFS
 * operation, the query and inline body/response schemas they use, and a flat `operations` array) and
 * `src/generated/api.ts` (the explicit API interface, grouped as `naming.ts` says, and its
 * implementation over the transport).
 */
import { decoderName } from "./decoders.js"
import { createEmitContext, emitSchema, modelImportPath, modelName, primitivesUsed } from "./emitSchema.js"
import { operationNames, streamNameFor } from "./naming.js"
import { concurrencyLimits } from "./operationLimits.js"
import { type OperationRole, roleOf } from "./roles.js"
import { facts, operations, type Parameter, refName, type SchemaNode, type SpecOperation } from "./spec.js"
import { responseCorrections } from "./specCorrections.js"
import { writeGeneratedFile } from "./writeFile.js"
import { writeSafety } from "./writeSafety.js"

// ---------------------------------------------------------------------------------------------
// the plan of one operation

type BodyPlan =
  | { readonly kind: "none" }
  | { readonly kind: "json" | "form" | "multipart"; readonly schema: Expr }
  | { readonly kind: "octet-stream" }

type SuccessPlan =
  | { readonly kind: "json"; readonly schema: Expr }
  | { readonly kind: "empty" }
  | { readonly kind: "untyped" }
  | { readonly kind: "bytes" }

/** The create that takes an idempotency key (looked up by it after a lost answer: SafeWrites in core). */
const keyedCreate = "core.activities.create"

/**
 * The errors a caller of one method should expect first, for its doc line (the Effect fails with
 * them; @ofsc/sync throws them). Every method may also fail with the rest of OfscError.
 */
const likelyErrors = (p: {
  readonly pathParams: ReadonlyArray<unknown>
  readonly spec: { readonly method: string; readonly path: string }
}): string => {
  const named: Array<string> = ["OfscInvalidInput (nothing sent)"]
  if (p.pathParams.length > 0) named.push("OfscNotFound")
  if (p.spec.method !== "GET") named.push("OfscBadRequest")
  if (p.spec.method === "DELETE" || p.spec.method === "PUT" || p.spec.path.includes("/custom-actions/")) {
    named.push("OfscConflict")
  }
  return `fails with ${named.join(", ")} or another OfscError`
}

/** A schema for the descriptor: a model (by name) or an inline expression declared in the file. */
interface Expr {
  /** The schema node, or the expression text for hand-built schemas. */
  readonly node: SchemaNode | string
  readonly mode: "decode" | "encode"
  /** The answer may also be empty (a 204 that declares a body): decodes to `undefined` then. */
  readonly orEmpty?: boolean
}

/** One operation, ready to emit. */
export interface PlannedOperation {
  readonly spec: SpecOperation
  /** The dotted id, e.g. `metadata.shifts.get`. */
  readonly id: string
  /** The package directory under packages/. */
  readonly pkg: string
  /** Group path inside the service, e.g. `["resources", "workSchedules"]`. */
  readonly groups: ReadonlyArray<string>
  readonly method: string
  /** The descriptor's exported name, e.g. `shiftsGet`. */
  readonly constName: string
  /** The prefix of the names of its inline schemas, e.g. `ShiftsList`. */
  readonly typeBase: string
  readonly pathParams: ReadonlyArray<Parameter>
  readonly queryParams: ReadonlyArray<Parameter>
  readonly body: BodyPlan
  readonly success: SuccessPlan
  readonly paging: "none" | "offset-limit" | "cursor"
  /** The resource it acts on: the id without the method (`metadata.shifts`). */
  readonly resource: string
  /** What it does to the resource and which path parameter names the item (roles.ts). */
  readonly role: OperationRole
  /**
   * Its write safety: the reviewed entry of writeSafety.ts (every POST and PATCH has one, a PUT or
   * DELETE may), else idempotent for PUT and DELETE; `undefined` for reads.
   */
  readonly write: (typeof writeSafety)[string] | undefined
}

/** The write safety of a PUT or DELETE that writeSafety.ts does not list. */
const byHttpSemantics = { kind: "idempotent", reason: "PUT and DELETE are idempotent by HTTP semantics." } as const

/** Whether an operation must have an entry in writeSafety.ts (PUT and DELETE are idempotent by HTTP). */
export const needsWriteSafety = (method: string): boolean => method === "POST" || method === "PATCH"

const key = (op: SpecOperation) => `${op.method} ${op.path}`

const pascal = (parts: ReadonlyArray<string>) => parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join("")

const camel = (parts: ReadonlyArray<string>) => {
  const p = pascal(parts)
  return p[0]!.toLowerCase() + p.slice(1)
}

/** The id prefix of each package's operations. */
const idModule = (op: SpecOperation): string => (op.module.key === "auth" ? "core" : op.module.key)

/**
 * Body schemas the spec writes wrongly. PUT enumerationList declares a bare `items` key (no type);
 * OFS takes `{ "items": [...] }`.
 */
const bodyFixes: Readonly<Record<string, SchemaNode>> = {
  "PUT /rest/ofscMetadata/v1/properties/{label}/enumerationList": {
    type: "object",
    properties: { items: { type: "array", items: { $ref: "#/definitions/PropertyEnumeration" } } },
    required: ["items"]
  }
}

/** Paging counts items: the spec often leaves out that `offset` and `limit` cannot be negative. */
const countingParameters: ReadonlySet<string> = new Set(["offset", "limit"])

/** A parameter's own schema: the parameter without its name, place and required flag. */
const parameterSchema = (p: Parameter): SchemaNode => {
  const { name: _name, in: _in, required: _required, collectionFormat: _format, schema: _schema, ...node } = p
  const counts = p.in === "query" && countingParameters.has(p.name) && p.type === "integer"
  return counts && node.minimum === undefined ? { ...node, minimum: 0 } : node
}

const binaryContentSchema =
  "Schema.Struct({ data: Schema.Uint8ArrayFromSelf, contentType: Schema.optional(Schema.String), filename: Schema.optional(Schema.String) })"

const planBody = (op: SpecOperation): BodyPlan => {
  const fixed = bodyFixes[key(op)]
  if (fixed) return { kind: "json", schema: { node: fixed, mode: "encode" } }
  const form = op.parameters.filter((p) => p.in === "formData")
  if (op.consumes.includes("multipart/form-data")) {
    const fields = form.map((p) => {
      const value = p.type === "file" ? binaryContentSchema : "Schema.String"
      return `${p.name}: ${p.required ? value : `Schema.optional(${value})`}`
    })
    return { kind: "multipart", schema: { node: `Schema.Struct({ ${fields.join(", ")} })`, mode: "encode" } }
  }
  if (form.length > 0) {
    const node: SchemaNode = {
      type: "object",
      properties: Object.fromEntries(form.map((p) => [p.name, parameterSchema(p)])),
      required: form.filter((p) => p.required).map((p) => p.name)
    }
    return { kind: "form", schema: { node, mode: "encode" } }
  }
  const body = op.parameters.find((p) => p.in === "body")
  const sendsBytes = op.consumes.includes("application/octet-stream") && (op.method === "PUT" || op.method === "POST")
  if (sendsBytes || (body?.schema?.$ref && refName(body.schema.$ref) === "file")) return { kind: "octet-stream" }
  if (body?.schema) return { kind: "json", schema: { node: body.schema, mode: "encode" } }
  return { kind: "none" }
}

const isErrorSchema = (s: SchemaNode | undefined) => s?.$ref !== undefined && refName(s.$ref) === "Error"

const planSuccess = (op: SpecOperation): SuccessPlan => {
  if (op.produces.includes("application/octet-stream")) return { kind: "bytes" }
  const corrected = responseCorrections[key(op)]
  if (corrected) return { kind: "json", schema: { node: corrected.node, mode: "decode" } }
  const statuses = Object.keys(op.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()
  const status = statuses[0]
  if (status === undefined) {
    // no 2xx declared: the success shape sits under `default` (GET events/subscriptions)
    const fallback = op.responses.default?.schema
    return fallback && !isErrorSchema(fallback)
      ? { kind: "json", schema: { node: fallback, mode: "decode" } }
      : { kind: "empty" }
  }
  const schema = op.responses[status]?.schema
  // a 200 the spec leaves untyped may still carry a body: handed back as parsed JSON, not dropped
  if (!schema) return status === "204" ? { kind: "empty" } : { kind: "untyped" }
  // a 204 that also declares a body: accept both an empty answer and the body
  return { kind: "json", schema: { node: schema, mode: "decode", orEmpty: status === "204" } }
}

const pathOrder = (path: string): ReadonlyArray<string> => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)

/** Every operation of the spec with its name, checked against the naming map both ways. */
export const planOperations = (): ReadonlyArray<PlannedOperation> => {
  const problems: Array<string> = []
  const specKeys = new Set(operations.map(key))
  for (const k of Object.keys(operationNames))
    if (!specKeys.has(k)) problems.push(`naming.ts names ${k}, not in the spec`)
  for (const k of Object.keys(responseCorrections))
    if (!specKeys.has(k)) problems.push(`specCorrections.ts corrects ${k}, not in the spec`)
  const namedIds = new Set(Object.values(operationNames))
  for (const id of Object.keys(writeSafety))
    if (!namedIds.has(id)) problems.push(`writeSafety.ts classifies ${id}, not an operation`)
  const seenIds = new Map<string, string>()
  const planned: Array<PlannedOperation> = []
  for (const op of operations) {
    const id = operationNames[key(op)]
    if (!id) {
      problems.push(`no name in naming.ts for ${key(op)}`)
      continue
    }
    const parts = id.split(".")
    if (parts[0] !== idModule(op)) problems.push(`${id}: must start with ${idModule(op)}.`)
    if (parts.length < 3) problems.push(`${id}: needs <module>.<group>.<method>`)
    const other = seenIds.get(id)
    if (other) problems.push(`${id} names both ${other} and ${key(op)}`)
    seenIds.set(id, key(op))
    const names = pathOrder(op.path)
    const pathParams = names.map((n) => {
      const p = op.parameters.find((q) => q.in === "path" && q.name === n)
      if (!p) throw new Error(`${key(op)}: no parameter for {${n}}`)
      return p
    })
    const queryParams = op.parameters.filter((p) => p.in === "query")
    const paging =
      op.method === "GET" && op.path === "/rest/ofscCore/v1/events"
        ? "cursor"
        : queryParams.some((p) => p.name === "offset")
          ? "offset-limit"
          : "none"
    const write = writeSafety[id] ?? (op.method === "PUT" || op.method === "DELETE" ? byHttpSemantics : undefined)
    if (write === undefined && needsWriteSafety(op.method))
      problems.push(`${id}: no entry in writeSafety.ts (idempotent, verifiable or unsafe?)`)
    const inner = parts.slice(1)
    const body = planBody(op)
    const success = planSuccess(op)
    planned.push({
      spec: op,
      id,
      pkg: op.module.pkg,
      groups: inner.slice(0, -1),
      method: inner[inner.length - 1]!,
      constName: camel(inner),
      typeBase: pascal(inner),
      pathParams,
      queryParams,
      body,
      success,
      paging,
      resource: parts.slice(0, -1).join("."),
      role: roleOf(op, id, success.kind === "json" ? success.schema.node : undefined, body.kind !== "none"),
      write
    })
  }
  if (problems.length > 0) throw new Error(`operation naming and write safety:\n  ${problems.join("\n  ")}`)
  return planned
}

// ---------------------------------------------------------------------------------------------
// operations.ts

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const propertyKey = (k: string) => (identifier.test(k) ? k : JSON.stringify(k))
const quote = (s: string) => JSON.stringify(s)

/** A `WriteSafety` as an object literal, its fields in a fixed order. */
const writeSafetyLiteral = (w: NonNullable<PlannedOperation["write"]>): string =>
  `{ kind: ${quote(w.kind)}${w.kind === "verifiable" ? `, proof: ${quote(w.proof)}` : ""}, reason: ${quote(w.reason)} }`

/** The schema of one path parameter: non-empty strings (an empty one would change the URL), integers, enums. */
const pathParamSchema = (p: Parameter): string => {
  if (p.enum && p.enum.length > 0) return `Schema.Literal(${p.enum.map((v) => quote(String(v))).join(", ")})`
  if (p.type === "integer") return "Schema.Int"
  if (p.type === "number") return "Schema.Finite"
  return "Schema.NonEmptyString"
}

/** The TypeScript type of one path parameter, for the API signature. */
const pathParamType = (p: Parameter): string => {
  if (p.enum && p.enum.length > 0) return p.enum.map((v) => quote(String(v))).join(" | ")
  return p.type === "integer" || p.type === "number" ? "number" : "string"
}

/** What one package's files are built from. */
interface PackageFiles {
  readonly pkg: string
  /** The module name that starts its ids (`core`, `metadata`, ...). */
  readonly module: string
  readonly planned: ReadonlyArray<PlannedOperation>
}

/** How the api file names the types of one operation. */
interface OperationTypes {
  readonly query: string | undefined
  readonly queryRequired: boolean
  readonly body: string | undefined
  readonly success: string
  /** The item type of a paged list, if the operation pages. */
  readonly item: string | undefined
}

const isCore = (pkg: string) => pkg === "core"

interface RenderedOperations {
  readonly source: string
  readonly types: ReadonlyMap<string, OperationTypes>
  /** Model type names the api file needs, by module specifier. */
  readonly modelTypes: ReadonlyMap<string, ReadonlySet<string>>
}

const definitionOf = (node: SchemaNode | string): string | undefined =>
  typeof node !== "string" && node.$ref && Object.keys(node).length === 1 ? refName(node.$ref) : undefined

/** The item model of a paged answer (`items: [ $ref ]`), when the answer is a definition or inline object. */
const pagedItem = (node: SchemaNode | string): string | undefined => {
  if (typeof node === "string") return undefined
  const target = node.$ref ? facts.definitions[refName(node.$ref)] : node
  const items = target?.properties?.items
  const ref = items?.type === "array" ? items.items?.$ref : undefined
  return ref ? refName(ref) : undefined
}

const renderOperations = (files: PackageFiles): RenderedOperations => {
  const ctx = { decode: createEmitContext("decode"), encode: createEmitContext("encode") }
  const declarations: Array<string> = []
  const descriptors: Array<string> = []
  const types = new Map<string, OperationTypes>()
  const modelTypes = new Map<string, Set<string>>()
  const localNames = new Set<string>()
  /** Records a model type the api file names; answers its identifier. */
  const modelType = (definition: string, mode: "decode" | "encode"): string => {
    const name = modelName(definition, mode)
    const path = modelImportPath(definition)
    const set = modelTypes.get(path) ?? new Set<string>()
    set.add(name)
    modelTypes.set(path, set)
    return name
  }
  /** Declares an inline schema with its type, or answers the model's name for a bare $ref. */
  const schemaName = (expr: Expr, name: string, comment: string): string => {
    const definition = definitionOf(expr.node)
    if (definition && !expr.orEmpty) {
      modelType(definition, expr.mode)
      return ctx[expr.mode].ref(definition)
    }
    const inner =
      typeof expr.node === "string"
        ? expr.node
        : definition
          ? ctx[expr.mode].ref(definition)
          : emitSchema(expr.node, ctx[expr.mode])
    const text = expr.orEmpty ? `Schema.UndefinedOr(${inner})` : inner
    if (localNames.has(name)) throw new Error(`two inline schemas named ${name}`)
    localNames.add(name)
    declarations.push(
      `/** ${comment} */\nexport const ${name} = /* @__PURE__ */ lazy(() => ${text})\n/** The type of {@link ${name}}. */\nexport type ${name} = typeof ${name}.Type\n`
    )
    return name
  }

  const decoderImports = new Map<string, Set<string>>()
  /** `, decoder: () => decodeX` when the answer is a whole lenient model (inline shapes keep the Schema path). */
  const compiledDecoder = (expr: Expr): string => {
    const definition = definitionOf(expr.node)
    if (definition === undefined || expr.orEmpty || expr.mode !== "decode") return ""
    const path = modelImportPath(definition)
    const set = decoderImports.get(path) ?? new Set<string>()
    set.add(decoderName(definition))
    decoderImports.set(path, set)
    return `, decoder: () => ${decoderName(definition)}`
  }

  for (const p of files.planned) {
    const route = `${p.spec.method} ${p.spec.path}`
    const fields: Array<string> = [
      `id: ${quote(p.id)}`,
      `method: ${quote(p.spec.method)}`,
      `path: ${quote(p.spec.path)}`
    ]
    if (p.pathParams.length > 0) {
      fields.push(
        `pathParams: lazy(() => Schema.Struct({ ${p.pathParams.map((q) => `${propertyKey(q.name)}: ${pathParamSchema(q)}`).join(", ")} }))`
      )
    }
    let query: string | undefined
    if (p.queryParams.length > 0) {
      const queryFields = p.queryParams.map((q) => {
        const value = emitSchema(parameterSchema(q), ctx.encode)
        return `${propertyKey(q.name)}: ${q.required ? value : `Schema.optional(${value})`}`
      })
      query = schemaName(
        { node: `Schema.Struct({ ${queryFields.join(", ")} })`, mode: "encode" },
        `${p.typeBase}Query`,
        `The query of \`${p.id}\` (${route}).`
      )
      fields.push(`query: ${query}`)
    }
    let body: string | undefined
    switch (p.body.kind) {
      case "none":
        break
      case "octet-stream":
        fields.push(`body: { kind: "octet-stream" }`)
        body = "BinaryContent"
        break
      default:
        body = schemaName(p.body.schema, `${p.typeBase}Body`, `The request body of \`${p.id}\` (${route}).`)
        fields.push(`body: { kind: ${quote(p.body.kind)}, schema: ${body} }`)
    }
    let success: string
    switch (p.success.kind) {
      case "empty":
        success = "void"
        break
      case "untyped":
        fields.push(`success: { kind: "untyped" }`)
        success = "unknown"
        break
      case "bytes":
        fields.push(`success: { kind: "bytes" }`)
        success = "Uint8Array"
        break
      case "json":
        success = schemaName(p.success.schema, `${p.typeBase}Response`, `The answer of \`${p.id}\` (${route}).`)
        // lenient models only turn nulls into absent fields: the transport's fast path applies; a
        // model's compiled decoder is named lazily, so the transport reaches it only on first use
        fields.push(
          `success: { kind: "json", schema: ${success}, nullsAsAbsent: true${compiledDecoder(p.success.schema)} }`
        )
    }
    if (p.paging !== "none") fields.push(`paging: ${quote(p.paging)}`)
    fields.push(`resource: ${quote(p.resource)}`, `verb: ${quote(p.role.verb)}`)
    if (p.role.idParam !== undefined) fields.push(`idParam: ${quote(p.role.idParam)}`)
    const limit = concurrencyLimits[p.id]
    if (limit !== undefined) fields.push(`concurrencyLimit: ${limit}`)
    if (p.write !== undefined) fields.push(`write: ${writeSafetyLiteral(p.write)}`)
    const itemDef = p.paging !== "none" && p.success.kind === "json" ? pagedItem(p.success.schema.node) : undefined
    types.set(p.id, {
      query,
      queryRequired: p.queryParams.some((q) => q.required),
      body,
      success,
      item: itemDef ? modelType(itemDef, "decode") : undefined
    })
    const deprecated = p.spec.deprecated ? "\n * @deprecated OFS keeps this version only for old integrations." : ""
    descriptors.push(
      `/** ${route}${deprecated} */\nexport const ${p.constName} = /* @__PURE__ */ Operation.make({ ${fields.join(", ")} })\n`
    )
  }

  const body = [...declarations, ...descriptors].join("\n")
  const modelImports = new Map<string, Set<string>>(
    [...decoderImports.entries()].map(([path, ids]) => [path, new Set(ids)] as const)
  )
  for (const c of [ctx.decode, ctx.encode]) {
    for (const [path, ids] of c.imports()) {
      const set = modelImports.get(path) ?? new Set<string>()
      for (const id of ids) set.add(id)
      modelImports.set(path, set)
    }
  }
  for (const name of localNames) {
    for (const ids of modelImports.values())
      if (ids.has(name)) throw new Error(`${name} is both a model and an inline schema`)
  }
  const primitives = primitivesUsed(body)
  const imports = [
    ...(isCore(files.pkg)
      ? [`import * as Operation from "../Operation.js"`, `import type { AnyOperation } from "../Operation.js"`]
      : [`import { type AnyOperation, Operation } from "@ofsc/core"`]),
    `import { ${["lazy", ...primitives].join(", ")} } from "@ofsc/models"`,
    ...[...modelImports.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, ids]) => `import { ${[...ids].sort().join(", ")} } from "${path}"`),
    `import * as Schema from "effect/Schema"`
  ]
  const operationsArray = `/** Every ${files.module} operation, in spec order. */\nexport const operations: ReadonlyArray<AnyOperation> = [\n${files.planned.map((p) => `  ${p.constName}`).join(",\n")}\n]\n`
  return {
    source: `${imports.join("\n")}\n\n${body}\n${operationsArray}`,
    types,
    modelTypes
  }
}

// ---------------------------------------------------------------------------------------------
// api.ts

interface GroupNode {
  readonly methods: Array<{
    readonly name: string
    readonly signature: string
    readonly impl: string
    readonly doc: string
  }>
  readonly groups: Map<string, GroupNode>
}

const newGroup = (): GroupNode => ({ methods: [], groups: new Map() })

/**
 * The API methods that answer a Stream for an operation, by their names in its group: the stream of
 * a list that pages by offset (`stream`, `streamSearch`, ...), the event stream and `polls` for the
 * events cursor. The API file names them so, and the module registry lists them for @ofsc/sync.
 */
export const streamMethodsOf = (p: PlannedOperation): ReadonlyArray<string> =>
  p.paging === "offset-limit"
    ? [streamNameFor(p.id, p.method)]
    : p.paging === "cursor"
      ? [streamNameFor(p.id, p.method), "polls"]
      : []

/** The name of a module's service (`OfscMetadata`). */
export const serviceName = (module: string) => `Ofsc${module[0]!.toUpperCase()}${module.slice(1)}`

const renderApi = (files: PackageFiles, rendered: RenderedOperations): string => {
  const root = newGroup()
  const opTypes = new Set<string>()
  const place = (groups: ReadonlyArray<string>): GroupNode => {
    let node = root
    for (const g of groups) {
      let next = node.groups.get(g)
      if (!next) {
        next = newGroup()
        node.groups.set(g, next)
      }
      node = next
    }
    return node
  }
  let usesStream = false
  let usesBinary = false
  let usesEvents = false
  let usesKeyedCreate = false
  for (const p of files.planned) {
    const t = rendered.types.get(p.id)!
    const route = `${p.spec.method} ${p.spec.path}`
    const params: Array<string> = p.pathParams.map((q) => `${q.name}: ${pathParamType(q)}`)
    const args: Array<string> = p.pathParams.map((q) => q.name)
    const input: Array<string> = []
    if (p.pathParams.length > 0) input.push(`path: { ${p.pathParams.map((q) => q.name).join(", ")} }`)
    if (t.body) {
      const name = p.body.kind === "octet-stream" ? "content" : "body"
      params.push(`${name}: ${t.body}`)
      args.push(name)
      input.push(name === "body" ? "body" : `body: ${name}`)
      if (t.body === "BinaryContent") usesBinary = true
      else if (isLocal(rendered, t.body)) opTypes.add(t.body)
    }
    if (t.query) {
      params.push(t.queryRequired ? `query: ${t.query}` : `query?: ${t.query}`)
      args.push("query")
      input.push("query")
      opTypes.add(t.query)
    }
    if (t.success !== "void" && t.success !== "unknown" && t.success !== "Uint8Array" && isLocal(rendered, t.success))
      opTypes.add(t.success)
    const inputArg = input.length > 0 ? `, { ${input.join(", ")} }` : ""
    const group = place(p.groups)
    const deprecated = p.spec.deprecated ? " @deprecated OFS keeps this version only for old integrations." : ""
    // the activity create takes an idempotency key: after a lost answer it looks the activity up (SafeWrites)
    const keyed = p.id === keyedCreate
    if (keyed) usesKeyedCreate = true
    group.methods.push({
      name: p.method,
      doc: keyed
        ? `/** Calls ${route}; with \`options.idempotencyKey\` at most once per key: the key goes into apptNumber (or \`keyField\`) and, after an answer that may hide the create, the activity is looked up by it rather than created again (see SafeWrites); ${likelyErrors(p)}, OfscIdempotencyConflict when the key matches several activities. */`
        : `/** Calls ${route}; ${likelyErrors(p)}.${deprecated} */`,
      // two signatures: a call without options fails as every call does; with a key, also OfscIdempotencyConflict
      signature: keyed
        ? `{\n    (${params.join(", ")}): Effect.Effect<${t.success}, OfscError>\n    (${params.join(", ")}, options?: IdempotentCreateOptions): Effect.Effect<${t.success}, OfscError | OfscIdempotencyConflict>\n  }`
        : `(${params.join(", ")}) => Effect.Effect<${t.success}, OfscError>`,
      impl: keyed
        ? `((${args.join(", ")}, options?: IdempotentCreateOptions) =>
        options === undefined
          ? call(Ops.${p.constName}${inputArg})
          : EffectFns.map(
              createActivityOnce(
                {
                  activities: {
                    create: (plain) => call(Ops.${p.constName}, { body: plain }),
                    search: (query) => call(Ops.activitiesSearch, { query })
                  }
                },
                body,
                options
              ),
              (created) => created.activity
            )) as ${serviceName(files.module)}Api${p.groups.map((g) => `[${JSON.stringify(g)}]`).join("")}[${JSON.stringify(p.method)}]`
        : `(${args.join(", ")}) => call(Ops.${p.constName}${inputArg})`
    })
    const [streamName, pollsName] = streamMethodsOf(p)
    if (p.paging === "offset-limit" && streamName !== undefined) {
      usesStream = true
      const item = t.item ?? `Paging.ItemOf<${t.success}>`
      const streamParams = [...params, "options?: Paging.StreamOptions"]
      group.methods.push({
        name: streamName,
        doc: `/** Every item of ${route}, calling it page by page as the stream is pulled; ${likelyErrors(p)}, its \`resumeFrom\` saying where to continue. */`,
        signature: `(${streamParams.join(", ")}) => Stream.Stream<${item}, OfscError>`,
        impl: `(${[...args, "options"].join(", ")}) => stream(Ops.${p.constName}, { ${input.join(", ")} }, options)`
      })
    }
    if (p.paging === "cursor" && streamName !== undefined && pollsName !== undefined) {
      usesEvents = true
      const item = t.item
      if (!item) throw new Error(`${p.id}: no item type for the event stream`)
      group.methods.push({
        name: streamName,
        doc: `/** The events of a subscription: calls ${route} from poll to poll, following \`nextPage\` until a poll brings none (see EventStream); ${likelyErrors(p)}, OfscSubscriptionExpired once the subscription is gone. */`,
        signature: `(query: ${t.query}, options?: EventStreamOptions) => Stream.Stream<${item}, OfscError | OfscSubscriptionExpired>`,
        impl: `(query, options) => streamEvents(transport, Ops.${p.constName}, query, options)`
      })
      group.methods.push({
        name: pollsName,
        doc: `/** A subscription's polls of ${route}, each with the cursor it read from and the one after it: store \`nextPage\` once \`items\` are applied, and nothing is lost or repeated across restarts (see EventPolls); ${likelyErrors(p)}, OfscSubscriptionExpired once the subscription is gone. */`,
        signature: `(subscriptionId: string, options?: EventPollsOptions) => Stream.Stream<EventPoll<${item}>, OfscError | OfscSubscriptionExpired>`,
        impl: `(subscriptionId, options) => pollEvents(transport, Ops.${p.constName}, subscriptionId, options)`
      })
    }
  }
  const problems: Array<string> = []
  const emitGroup = (node: GroupNode, indent: string, path: string): { iface: string; impl: string } => {
    const names = new Set<string>()
    const ifaceLines: Array<string> = []
    const implLines: Array<string> = []
    for (const m of node.methods) {
      if (names.has(m.name)) problems.push(`${path}.${m.name} is named twice`)
      names.add(m.name)
      ifaceLines.push(`${indent}${m.doc}\n${indent}readonly ${propertyKey(m.name)}: ${m.signature}`)
      implLines.push(`${indent}${propertyKey(m.name)}: ${m.impl}`)
    }
    for (const [name, child] of node.groups) {
      if (names.has(name)) problems.push(`${path}.${name} is both a method and a group`)
      names.add(name)
      const inner = emitGroup(child, `${indent}  `, `${path}.${name}`)
      const doc = `/** The \`${path}.${name}\` operations: ${[...child.methods.map((m) => m.name), ...child.groups.keys()].join(", ")}. */`
      ifaceLines.push(`${indent}${doc}\n${indent}readonly ${propertyKey(name)}: {\n${inner.iface}\n${indent}}`)
      implLines.push(`${indent}${propertyKey(name)}: {\n${inner.impl}\n${indent}}`)
    }
    return { iface: ifaceLines.join("\n"), impl: implLines.join(",\n") }
  }
  const service = serviceName(files.module)
  if (isCore(files.pkg)) {
    root.methods.push({
      name: "raw",
      doc: "/** Calls `method path` for a path the tables do not know yet (a newer OFS release) through the same transport; fails with OfscInvalidInput (nothing sent) or another OfscError. */",
      signature: `OfscTransportShape["raw"]`,
      impl: "transport.raw"
    })
  }
  const out = emitGroup(root, "  ", files.module)
  if (problems.length > 0) throw new Error(`api ${files.module}:\n  ${problems.join("\n  ")}`)

  const modelImports = [...rendered.modelTypes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, ids]) => `import type { ${[...ids].sort().join(", ")} } from "${path}"`)
  const typeList = (names: ReadonlyArray<string>) => names.map((n) => `type ${n}`).join(", ")
  const imports = isCore(files.pkg)
    ? [
        ...(usesEvents
          ? [
              `import { type EventPoll, type EventPollsOptions, pollEvents } from "../EventPolls.js"`,
              `import { type EventStreamOptions, streamEvents } from "../EventStream.js"`
            ]
          : []),
        `import type { OfscError${usesKeyedCreate ? ", OfscIdempotencyConflict" : ""}${usesEvents ? ", OfscSubscriptionExpired" : ""} } from "../OfscError.js"`,
        ...(usesKeyedCreate
          ? [`import { createActivityOnce, type IdempotentCreateOptions } from "../SafeWrites.js"`]
          : []),
        `import type { OfscTransportShape } from "../OfscTransport.js"`,
        `import type { ${[...(usesBinary ? ["BinaryContent"] : []), "Operation as OfscOperation", "OperationArgs"].join(", ")} } from "../Operation.js"`,
        ...(usesStream ? [`import * as Paging from "../Paging.js"`] : [])
      ]
    : [
        `import { ${usesStream ? "Paging, " : ""}${typeList([...(usesBinary ? ["BinaryContent"] : []), "OfscError", "OfscOperation", "OfscTransportShape", "OperationArgs"])} } from "@ofsc/core"`
      ]
  const localTypes = [...opTypes].sort()
  // the operation alone fixes the types: the arguments (a query that may be undefined) must not widen them
  const callHelper = `  const call = <P, Q, B, A>(op: OfscOperation<P, Q, B, A>, ...args: NoInfer<OperationArgs<OfscOperation<P, Q, B, A>>>) =>
    transport.call(op, ...args)\n`
  const streamHelper = usesStream
    ? `  const stream = <P, Q extends Paging.OffsetQuery, B, A extends Paging.OffsetPage<unknown>>(op: OfscOperation<P, Q, B, A>, input: NoInfer<OperationArgs<OfscOperation<P, Q, B, A>>[0]>, options: Paging.StreamOptions | undefined) =>
    Paging.streamWith(transport, op, input, options)\n`
    : ""
  const effectImport =
    usesStream || usesEvents
      ? `import type * as Effect from "effect/Effect"\n${usesKeyedCreate ? `import * as EffectFns from "effect/Effect"\n` : ""}import type * as Stream from "effect/Stream"`
      : `import type * as Effect from "effect/Effect"`
  return `${[
    ...imports,
    ...modelImports,
    effectImport,
    ...(localTypes.length > 0 ? [`import type { ${localTypes.join(", ")} } from "./operations.js"`] : []),
    `import * as Ops from "./operations.js"`
  ].join("\n")}

/** The ${files.module} API: every operation of the module, grouped by resource. */
export interface ${service}Api {
${out.iface}
}

/** Builds the ${files.module} API over a transport: each method fills the operation's input and calls it. */
export const make${service}Api = (transport: OfscTransportShape): ${service}Api => {
${callHelper}${streamHelper}  return {
${out.impl}
  }
}
`
}

const isLocal = (rendered: RenderedOperations, name: string): boolean => {
  for (const ids of rendered.modelTypes.values()) if (ids.has(name)) return false
  return true
}

// ---------------------------------------------------------------------------------------------
// entry point

/** What a run reports. */
export interface OperationsSummary {
  readonly perPackage: ReadonlyArray<{ readonly pkg: string; readonly operations: number }>
  readonly total: number
  readonly changed: ReadonlyArray<string>
}

/** Writes every package's operations and api files from the spec and the naming map. */
export const generateOperations = (): OperationsSummary => {
  const planned = planOperations()
  const pkgs = [...new Set(planned.map((p) => p.pkg))]
  const changed: Array<string> = []
  const perPackage = pkgs.map((pkg) => {
    const own = planned.filter((p) => p.pkg === pkg)
    const files: PackageFiles = { pkg, module: own[0]!.id.split(".")[0]!, planned: own }
    const rendered = renderOperations(files)
    const dir = `packages/${pkg}/src/generated`
    if (writeGeneratedFile(`${dir}/operations.ts`, rendered.source)) changed.push(`${dir}/operations.ts`)
    if (writeGeneratedFile(`${dir}/api.ts`, renderApi(files, rendered))) changed.push(`${dir}/api.ts`)
    return { pkg, operations: own.length }
  })
  return { perPackage, total: planned.length, changed }
}
