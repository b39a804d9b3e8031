/**
 * The configuration resources, read off `@ofsc/metadata`'s operation table: for each resource in
 * `facts.ts` the operations that list, get, create, replace, update and delete it. A resource is
 * written when the table has a way to write it (a PUT of the item or of the whole set, or a POST
 * create with a PATCH update), and only exported otherwise. Resources come sorted so that each one
 * follows everything it depends on.
 */
import type { AnyOperation } from "@ofsc/core"
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

const isOperation = (value: unknown): value is AnyOperation =>
  typeof value === "object" && value !== null && "id" in value && "method" in value && "path" in value

/** Every operation of the metadata table, by id. */
export const metadataOperations: ReadonlyMap<string, AnyOperation> = new Map(
  Object.values(MetadataOperations)
    .filter(isOperation)
    .map((op) => [op.id, op])
)

/** The operation groups of the table (an operation's id without its last part: `metadata.shifts`). */
export const metadataOperationGroups: ReadonlyArray<string> = [
  ...new Set([...metadataOperations.keys()].map((id) => id.slice(0, id.lastIndexOf("."))))
].sort()

const find = (group: string, verb: string): AnyOperation | undefined => metadataOperations.get(`${group}.${verb}`)

/** The top-level field names of a JSON body schema. */
const bodyFields = (op: AnyOperation | undefined): ReadonlyArray<string> =>
  op !== undefined && op.body.kind === "json"
    ? SchemaAST.getPropertySignatures(op.body.schema.ast).map((p) => String(p.name))
    : []

/** The operations of a group, by the verbs the generator names them with (or the facts' own). */
const operationsOf = (facts: ResourceFacts): ResourceOperations => {
  const verb = (name: keyof NonNullable<ResourceFacts["verbs"]>) => find(facts.group, facts.verbs?.[name] ?? name)
  // a document resource reads `list` (or `get` when it has no list, as the work zone key)
  const list = verb("list")
  return {
    list: list ?? (facts.shape.kind === "document" ? verb("get") : undefined),
    get: list === undefined ? undefined : verb("get"),
    put: verb("put"),
    create: verb("create"),
    update: verb("update"),
    delete: verb("delete")
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
