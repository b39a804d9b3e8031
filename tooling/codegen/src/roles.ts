/**
 * What each operation does, decided here once from the spec and written into its descriptor
 * (`verb`, `idParam`), so that no reader (the simulator, configuration as code, the CLI) guesses it
 * from a name. The rule reads the method, the path's shape and the answer's shape; the few
 * operations the rule gets wrong are named in `postActions`, with the reason.
 */
import type { OperationVerb } from "../../../packages/core/src/Operation.js"
import { facts, refName, type SchemaNode, type SpecOperation } from "./spec.js"

/** POSTs outside `custom-actions` that create nothing an item path reads back: answered as actions. */
export const postActions: ReadonlySet<string> = new Set([
  // adds the login to the chat's participants (a list the chat owns), not a new item
  "collaboration.chats.participants.invite",
  // a query sent as a POST: answers the booking grid, stores nothing
  "capacity.bookingGrid.show"
])

/** What the generator writes into a descriptor about the operation's role. */
export interface OperationRole {
  readonly verb: OperationVerb
  readonly idParam: string | undefined
}

/** The segments of a path after `/rest/<api>/<version>/`. */
const segmentsOf = (path: string): ReadonlyArray<string> => path.split("/").slice(4)

const isParam = (segment: string | undefined): segment is string =>
  segment?.startsWith("{") === true && segment.endsWith("}")

const nameOf = (segment: string): string => segment.slice(1, -1)

/** The object a node stands for: a definition by `$ref`, or the node itself. */
const resolved = (node: SchemaNode): SchemaNode => (node.$ref ? (facts.definitions[refName(node.$ref)] ?? node) : node)

/**
 * Whether an answer is a list envelope: an object whose `items` is an array (or, as emitSchema.ts
 * reads the spec's slips, a property `items` declared an object that has `items` of its own).
 */
export const isListEnvelope = (node: SchemaNode | string | undefined): boolean => {
  if (node === undefined || typeof node === "string") return false
  const target = resolved(node)
  const items =
    target.properties?.items ?? target.allOf?.map(resolved).find((n) => n.properties?.items)?.properties?.items
  if (items === undefined) return false
  const list = resolved(items)
  return list.type === "array" || (list.items !== undefined && list.properties === undefined)
}

/**
 * The verb and id parameter of one operation. A path with `custom-actions` is an action (its id
 * parameter the one before `custom-actions`); otherwise GET answers a list (a list envelope) or an
 * item, PUT/PATCH/DELETE act on the item the last parameter names (or on the whole collection),
 * and a POST with a body creates.
 */
export const roleOf = (
  op: SpecOperation,
  id: string,
  answer: SchemaNode | string | undefined,
  hasBody: boolean
): OperationRole => {
  const segments = segmentsOf(op.path)
  const action = segments.indexOf("custom-actions")
  if (action >= 0) {
    const before = segments[action - 1]
    return { verb: "action", idParam: isParam(before) ? nameOf(before) : undefined }
  }
  const last = segments[segments.length - 1]
  const idParam = isParam(last) ? nameOf(last) : undefined
  if (postActions.has(id)) return { verb: "action", idParam }
  switch (op.method) {
    case "GET":
      return isListEnvelope(answer) ? { verb: "list", idParam: undefined } : { verb: "get", idParam }
    case "PUT":
      return { verb: "put", idParam }
    case "PATCH":
      return { verb: "update", idParam }
    case "DELETE":
      return { verb: "delete", idParam }
    case "POST":
      return hasBody ? { verb: "create", idParam } : { verb: "action", idParam }
  }
}
