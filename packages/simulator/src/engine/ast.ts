/**
 * Small readers over effect Schema ASTs, always on the encoded (wire) side: a transformation is read
 * through its `from`, refinements through the type they refine.
 */
import type * as AST from "effect/SchemaAST"

/** What JSON shape an AST accepts. */
export type JsonKind = "string" | "number" | "boolean" | "null" | "undefined" | "object" | "array" | "any"

/** The AST with transformations, refinements and suspensions looked through. */
export const bare = (ast: AST.AST): AST.AST => {
  let current = ast
  for (;;) {
    if (current._tag === "Transformation") current = current.from
    else if (current._tag === "Refinement") current = current.from
    else if (current._tag === "Suspend") current = current.f()
    else return current
  }
}

/** The JSON kinds a value of this AST may have (a union contributes all its members' kinds). */
export const kindsOf = (ast: AST.AST, depth = 0): ReadonlySet<JsonKind> => {
  const node = bare(ast)
  switch (node._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return new Set(["string"])
    case "NumberKeyword":
      return new Set(["number"])
    case "BooleanKeyword":
      return new Set(["boolean"])
    case "UndefinedKeyword":
    case "VoidKeyword":
      return new Set(["undefined"])
    case "Literal":
      return new Set([node.literal === null ? "null" : (typeof node.literal as JsonKind)])
    case "Enums":
      return new Set(node.enums.map(([, v]) => typeof v as JsonKind))
    case "TypeLiteral":
      return new Set(["object"])
    case "TupleType":
      return new Set(["array"])
    case "Union":
      return depth > 8 ? new Set(["any"]) : new Set(node.types.flatMap((t) => [...kindsOf(t, depth + 1)]))
    default:
      return new Set(["any"])
  }
}

/** The JSON kind of a value. */
export const kindOfValue = (value: unknown): JsonKind => {
  if (value === null) return "null"
  if (Array.isArray(value)) return "array"
  const t = typeof value
  return t === "string" || t === "number" || t === "boolean" || t === "undefined" || t === "object"
    ? (t as JsonKind)
    : "any"
}

/** The object type inside an AST (through unions with null/undefined), if there is one. */
export const objectOf = (ast: AST.AST): AST.TypeLiteral | undefined => {
  const node = bare(ast)
  if (node._tag === "TypeLiteral") return node
  if (node._tag === "Union") {
    for (const member of node.types) {
      const found = objectOf(member)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/** The element type of an array AST (through unions with null/undefined), if it is one. */
export const elementOf = (ast: AST.AST): AST.AST | undefined => {
  const node = bare(ast)
  if (node._tag === "TupleType") return node.rest[0]?.type
  if (node._tag === "Union") {
    for (const member of node.types) {
      const found = elementOf(member)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/** The property of an object AST with this name. */
export const propertyOf = (ast: AST.AST, name: string): AST.PropertySignature | undefined =>
  objectOf(ast)?.propertySignatures.find((p) => p.name === name)

/** The element type of a list envelope's `items`, when the AST is one (`{ items: [...] }`). */
export const itemsElementOf = (ast: AST.AST): AST.AST | undefined => {
  const items = propertyOf(ast, "items")
  return items === undefined ? undefined : elementOf(items.type)
}
