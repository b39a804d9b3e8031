/**
 * The configuration resources, read off `@ofsc/metadata`'s operation table: for each resource in
 * `facts.ts` the operations that list, get, create, replace, update and delete it, found by the
 * resource, verb and id parameter the generator wrote into each descriptor. A resource is
 * written when the table has a way to write it (a PUT of the item or of the whole set, or a POST
 * create with a PATCH update), and only exported otherwise. Resources come sorted so that each one
 * follows everything it depends on.
 */
import type { AnyOperation, OperationVerb } from "@ofsc/core"
import { MetadataOperations } from "@ofsc/metadata"
import * as SchemaAST from "effect/SchemaAST"
import { type ConfigItem, type ResourceFacts, type ResourceShape, resourceFacts } from "./facts.js"

/** The operations of one resource, as found in the table. */
export interface ResourceOperations {
  readonly list?: AnyOperation | undefined
  readonly get?: AnyOperation | undefined
  /** PUT: create or replace (idempotent, retried by the transport). */
  readonly put?: AnyOperation | undefined
  /** POST: create only (never resent). */
  readonly create?: AnyOperation | undefined
  /** PATCH: change an existing item. */
  readonly update?: AnyOperation | undefined
  readonly delete?: AnyOperation | undefined
}

/** One configuration resource: its facts, its operations, and whether it is written. */
export interface ConfigResource {
  readonly name: string
  /** The operation id prefix in the table (`metadata.shifts`). */
  readonly group: string
  readonly shape: ResourceShape
  readonly dependsOn: ReadonlyArray<string>
  readonly readEach: boolean
  readonly drop: ReadonlyArray<string>
  readonly operations: ResourceOperations
  /** True when apply writes it; false when it is exported for reference only. */
  readonly written: boolean
  /** Why it is not written (empty when it is). */
  readonly readOnlyReason: string
  /** The fields a write accepts (from the write operation's body schema); empty when not written. */
  readonly writableFields: ReadonlyArray<string>
  /** Whether items of this resource can be deleted (`--prune`). */
  readonly deletable: boolean
  /** Whether an item's parent decides if it exists (`perParent` with a filter). */
  readonly includes: (parent: ConfigItem) => boolean
}

/** Every operation of the metadata table, by id. */
export const metadataOperations: ReadonlyMap<string, AnyOperation> = new Map(
  MetadataOperations.operations.map((op) => [op.id, op])
)

/** The operation groups of the table: the resources its descriptors name (`metadata.shifts`). */
export const metadataOperationGroups: ReadonlyArray<string> = [
  ...new Set(MetadataOperations.operations.map((op) => op.resource))
].sort()

/** Whether an operation acts on one item (its descriptor names the id parameter) or on the whole collection. */
type Scope = "item" | "collection" | "either"

/** The resource's operation with this verb and scope. */
const find = (group: string, verb: OperationVerb, scope: Scope): AnyOperation | undefined =>
  MetadataOperations.operations.find(
    (op) =>
      op.resource === group &&
      op.verb === verb &&
      (scope === "either" || (op.idParam !== undefined) === (scope === "item"))
  )

/** Items are read and written one by one; a document or a per-parent value as a whole. */
const itemScope = (shape: ResourceShape): Scope =>
  shape.kind === "items" || shape.kind === "childItems" || shape.kind === "files" ? "item" : "collection"

/** The top-level field names of a JSON body schema. */
const bodyFields = (op: AnyOperation | undefined): ReadonlyArray<string> =>
  op !== undefined && op.body.kind === "json"
    ? SchemaAST.getPropertySignatures(op.body.schema.ast).map((p) => String(p.name))
    : []

/**
 * The operations of a group, by the verbs the generator wrote into their descriptors (or by the
 * operations the facts name, where OFS moves a resource through custom actions).
 */
const operationsOf = (facts: ResourceFacts): ResourceOperations => {
  const scope = itemScope(facts.shape)
  const named = (name: keyof NonNullable<ResourceFacts["verbs"]>) => {
    const method = facts.verbs?.[name]
    return method === undefined ? undefined : metadataOperations.get(`${facts.group}.${method}`)
  }
  const verb = (name: keyof NonNullable<ResourceFacts["verbs"]>, verb: OperationVerb, within: Scope) =>
    facts.verbs?.[name] === undefined ? find(facts.group, verb, within) : named(name)
  // a document resource reads its list (or its one value when it has no list, as the work zone key)
  const list = verb("list", "list", "either")
  return {
    list: list ?? (facts.shape.kind === "document" ? verb("get", "get", "collection") : undefined),
    get: list === undefined ? undefined : verb("get", "get", "item"),
    put: verb("put", "put", scope),
    create: verb("create", "create", "either"),
    update: verb("update", "update", scope),
    delete: verb("delete", "delete", scope)
  }
}

/** The fields an exported file keeps: its text when it is UTF-8, else its bytes in base64. */
export const fileFields = ["content", "contentBase64"] as const

const describe = (facts: ResourceFacts): ConfigResource => {
  const operations = operationsOf(facts)
  const writer = operations.put ?? (operations.create !== undefined ? operations.update : undefined)
  const childWriter = facts.shape.kind === "childItems" ? operations.update : undefined
  const write = writer ?? childWriter
  const written = facts.readOnlyReason === undefined && write !== undefined
  const drop = facts.drop ?? []
  return {
    name: facts.name,
    group: facts.group,
    shape: facts.shape,
    dependsOn: facts.dependsOn ?? [],
    readEach: facts.readEach ?? false,
    drop,
    operations,
    written,
    readOnlyReason: written
      ? ""
      : (facts.readOnlyReason ?? "the API has no operation that writes it (only reads in the table)"),
    writableFields: !written
      ? []
      : facts.shape.kind === "files"
        ? fileFields
        : bodyFields(write).filter((field) => !drop.includes(field)),
    deletable: written && operations.delete !== undefined,
    includes: facts.shape.kind === "perParent" && facts.shape.when !== undefined ? facts.shape.when : () => true
  }
}

/** Sorts resources so that each comes after those it depends on (facts order breaks ties). */
const dependencyOrder = (resources: ReadonlyArray<ConfigResource>): ReadonlyArray<ConfigResource> => {
  const byName = new Map(resources.map((r) => [r.name, r]))
  const sorted: Array<ConfigResource> = []
  const visiting = new Set<string>()
  const visit = (resource: ConfigResource) => {
    if (sorted.includes(resource) || visiting.has(resource.name)) return
    visiting.add(resource.name)
    const parent = "parent" in resource.shape ? [resource.shape.parent] : []
    for (const name of [...parent, ...resource.dependsOn]) {
      const dependency = byName.get(name)
      if (dependency !== undefined) visit(dependency)
    }
    sorted.push(resource)
  }
  for (const resource of resources) visit(resource)
  return sorted
}

/** Every configuration resource, each after the resources it depends on. */
export const configResources: ReadonlyArray<ConfigResource> = dependencyOrder(resourceFacts.map(describe))

/** The resource named `name`, if there is one. */
export const findResource = (name: string): ConfigResource | undefined =>
  configResources.find((resource) => resource.name === name)

/** The operation groups of the table that no resource covers, with the reason (see `facts.ts`). */
export const uncoveredGroups: Readonly<Record<string, string>> = {
  "metadata.plugins": "plugins can be imported and installed, but no operation reads one back to export",
  "metadata.capacityAreas.capacityCategories": "part of a capacity area: read-only like the area",
  "metadata.capacityAreas.children": "part of a capacity area: read-only like the area",
  "metadata.capacityAreas.organizations": "part of a capacity area: read-only like the area",
  "metadata.capacityAreas.timeIntervals": "part of a capacity area: read-only like the area",
  "metadata.capacityAreas.timeSlots": "part of a capacity area: read-only like the area",
  "metadata.capacityAreas.workZones": "part of a capacity area: read-only like the area"
}
