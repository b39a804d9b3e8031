/**
 * How the engine answers each operation, read off its descriptor's verb and id parameter (the
 * generator decides them from the spec): a list, an item get/put/patch/delete, a create with a
 * server-assigned id, a whole-collection replace, a stored document, or an action answered from
 * the success schema. Decided once per operation at start.
 */
import type { AnyOperation } from "@ofsc/core"
import { SchemaReader } from "@ofsc/models"
import type * as AST from "effect/SchemaAST"
import { entityCollections, idFieldOfCollection, idFieldOfItem } from "./keys.js"
import { isParam, paramName, segmentsOf, templateOf } from "./paths.js"

/** The ways the engine answers. */
export type PlanKind =
  | "list"
  | "get"
  | "document"
  | "put"
  | "replace"
  | "patch"
  | "bulkPatch"
  | "delete"
  | "clear"
  | "create"
  | "createAt"
  | "action"

/** One operation's plan. */
export interface OpPlan {
  readonly op: AnyOperation
  readonly kind: PlanKind
  readonly module: string
  /** Template segments of the collection or document the operation reads or writes. */
  readonly collection: ReadonlyArray<string>
  /** The path parameters that make an item's key (joined with "/"). */
  readonly keyParams: ReadonlyArray<string>
  /** The record field that holds the id, when there is one. */
  readonly idField: string | undefined
  /** The entity that must exist (`resources/{resourceId}` for a resource's work skills). */
  readonly parent: { readonly collection: string; readonly param: string } | undefined
  /** The element schema when the success is a list envelope (`{ items: [...] }`). */
  readonly itemsAst: AST.AST | undefined
  /** A list answered from the schema when nothing is stored (reports, statistics, capacity). */
  readonly sampleWhenEmpty: boolean
}

/** Item paths keyed by more than their last parameter. */
const compositeItems: Readonly<Record<string, { readonly collection: number; readonly keyParams: Array<string> }>> = {
  "activities/{activityId}/linkedActivities/{linkedActivityId}/linkTypes/{linkType}": {
    collection: 3,
    keyParams: ["linkedActivityId", "linkType"]
  }
}

const successItems = (op: AnyOperation): AST.AST | undefined =>
  op.success.kind === "json" ? SchemaReader.itemsElementOf(op.success.schema.ast) : undefined

/** The way to answer each verb, on one item (the descriptor names its id parameter) or on a whole collection. */
const kindByVerb: Readonly<Record<AnyOperation["verb"], { readonly item: PlanKind; readonly collection: PlanKind }>> = {
  list: { item: "list", collection: "list" },
  get: { item: "get", collection: "document" },
  put: { item: "put", collection: "replace" },
  update: { item: "patch", collection: "bulkPatch" },
  delete: { item: "delete", collection: "clear" },
  create: { item: "createAt", collection: "create" },
  action: { item: "action", collection: "action" }
}

const kindOf = (op: AnyOperation): PlanKind => {
  const kinds = kindByVerb[op.verb]
  return op.idParam === undefined ? kinds.collection : kinds.item
}

/** An operation and the API module whose table holds it. */
export interface ModuleOperation {
  readonly op: AnyOperation
  readonly module: string
}

/** Plans every operation; item templates are read across the table to find each collection's id field. */
export const planAll = (ops: ReadonlyArray<ModuleOperation>): ReadonlyArray<OpPlan> => {
  const itemParams = new Map<string, string>()
  for (const { op } of ops) {
    const segments = segmentsOf(op.path)
    const last = segments[segments.length - 1] ?? ""
    if (isParam(last) && !segments.includes("custom-actions") && paramName(last) !== "propertyLabel") {
      itemParams.set(templateOf(segments.slice(0, -1)), paramName(last))
    }
  }
  return ops.map(({ op, module }) => planOne(op, module, itemParams))
}

const planOne = (op: AnyOperation, module: string, itemParams: ReadonlyMap<string, string>): OpPlan => {
  const segments = segmentsOf(op.path)
  const kind = kindOf(op)
  const template = templateOf(segments)
  const last = segments[segments.length - 1] ?? ""
  let collection: ReadonlyArray<string> = segments
  let keyParams: ReadonlyArray<string> = []
  let idField: string | undefined
  const composite = compositeItems[template]
  if (kind === "action") {
    collection = segments.slice(0, Math.max(1, segments.indexOf("custom-actions")))
  } else if (composite !== undefined) {
    collection = segments.slice(0, composite.collection)
    keyParams = composite.keyParams
  } else if (isParam(last) && kind !== "list") {
    const param = paramName(last)
    keyParams = [param]
    if (param === "propertyLabel") {
      collection = [...segments.slice(0, -1), "files"]
      idField = "propertyLabel"
    } else {
      collection = segments.slice(0, -1)
      idField = idFieldOfItem(template, param)
    }
  } else {
    const param = itemParams.get(template)
    idField = param === undefined ? idFieldOfCollection(template) : idFieldOfItem(`${template}/{${param}}`, param)
  }
  const first = segments[0] ?? ""
  const second = segments[1] ?? ""
  const ownsEntity = collection.length === 1 && kind !== "action"
  const parent =
    entityCollections.has(first) && isParam(second) && !ownsEntity
      ? { collection: first, param: paramName(second) }
      : undefined
  return {
    op,
    kind,
    module,
    collection,
    keyParams,
    idField,
    parent,
    itemsAst: successItems(op),
    sampleWhenEmpty: module === "capacity" || module === "statistics" || op.id === "collaboration.addressBook.list"
  }
}
