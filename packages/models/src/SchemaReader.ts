/**
 * The one reader of Effect schema ASTs in @ofsc. Two sides: the wire (encoded) side, read through
 * transformations' `from` (what JSON a schema accepts: the simulator answers and checks with it),
 * and the type side, read through their `to` (what kind of value a field takes and in which OFS
 * format: the CLI's flags and help). The decoder compiler of tooling/codegen walks the same `AST`.
 */
import * as SchemaAST from "effect/SchemaAST"
import { type OfsFormat, OfsFormatAnnotationId } from "./OfsPrimitives.js"

/** A schema's AST node (effect's `SchemaAST.AST`). */
export type AST = SchemaAST.AST
/** A struct node. */
export type TypeLiteral = SchemaAST.TypeLiteral
/** A tuple or array node (`rest` for an array's elements). */
export type TupleType = SchemaAST.TupleType
/** A union node. */
export type Union = SchemaAST.Union
/** A transformation node (`from` the wire side, `to` the type side). */
export type Transformation = SchemaAST.Transformation
/** A checked value (`Schema.pattern`, `Schema.int`, ...). */
export type Refinement = SchemaAST.Refinement
/** A property of a struct node. */
export type PropertySignature = SchemaAST.PropertySignature

/** A union of these members, as effect builds one (a single member stands for itself). */
export const unionOf = (types: ReadonlyArray<AST>): AST => SchemaAST.Union.make(types)

// ---------------------------------------------------------------------------------------------
// the wire side

/** What JSON shape an AST accepts. */
export type JsonKind = "string" | "number" | "boolean" | "null" | "undefined" | "object" | "array" | "any"

/** The AST with transformations, refinements and suspensions looked through (wire side). */
export const bare = (ast: AST): AST => {
  let current = ast
  for (;;) {
    if (current._tag === "Transformation") current = current.from
    else if (current._tag === "Refinement") current = current.from
    else if (current._tag === "Suspend") current = current.f()
    else return current
  }
}

/** The JSON kinds a value of this AST may have (a union contributes all its members' kinds). */
export const kindsOf = (ast: AST, depth = 0): ReadonlySet<JsonKind> => {
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
export const objectOf = (ast: AST): TypeLiteral | undefined => {
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
export const elementOf = (ast: AST): AST | undefined => {
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
export const propertyOf = (ast: AST, name: string): PropertySignature | undefined =>
  objectOf(ast)?.propertySignatures.find((p) => p.name === name)

/** The element type of a list envelope's `items`, when the AST is one (`{ items: [...] }`). */
export const itemsElementOf = (ast: AST): AST | undefined => {
  const items = propertyOf(ast, "items")
  return items === undefined ? undefined : elementOf(items.type)
}

// ---------------------------------------------------------------------------------------------
// the type side

/** The kinds of value a field takes (a flag or positional argument on the command line). */
export type FieldKind =
  | { readonly _tag: "string"; readonly format?: OfsFormat | undefined }
  | { readonly _tag: "integer" }
  | { readonly _tag: "number" }
  | { readonly _tag: "boolean" }
  | { readonly _tag: "enum"; readonly values: ReadonlyArray<string> }
  | { readonly _tag: "array"; readonly item: FieldKind }

/** One field of a struct schema: its name, kind, and whether it is required. */
export interface FieldSpec {
  readonly name: string
  readonly kind: FieldKind
  readonly required: boolean
}

/** The OFS format a string schema is annotated with (`OfsDate` is a `date`), if any. */
export const formatOf = (ast: AST): OfsFormat | undefined => {
  const format = SchemaAST.getAnnotation<OfsFormat>(ast, OfsFormatAnnotationId)
  return format._tag === "Some" ? format.value : undefined
}

const isAbsent = (ast: AST): boolean =>
  ast._tag === "UndefinedKeyword" || (ast._tag === "Literal" && ast.literal === null)

const isInteger = (ast: Refinement): boolean => {
  const json = SchemaAST.getJSONSchemaAnnotation(ast)
  const id = SchemaAST.getIdentifierAnnotation(ast)
  return (
    (json._tag === "Some" && (json.value as { readonly type?: unknown }).type === "integer") ||
    (id._tag === "Some" && id.value === "Int")
  )
}

const withFormat = (kind: FieldKind, format: OfsFormat | undefined): FieldKind =>
  kind._tag === "string" && format !== undefined ? { _tag: "string", format } : kind

/** The kind of value a schema (type side) takes; anything unusual is taken as text. */
export const fieldKindOf = (ast: AST): FieldKind => {
  switch (ast._tag) {
    case "StringKeyword":
      return { _tag: "string" }
    case "NumberKeyword":
      return { _tag: "number" }
    case "BooleanKeyword":
      return { _tag: "boolean" }
    case "Literal":
      return { _tag: "enum", values: [String(ast.literal)] }
    case "Enums":
      return { _tag: "enum", values: ast.enums.map(([, value]) => String(value)) }
    case "Refinement":
      if (isInteger(ast)) return { _tag: "integer" }
      return withFormat(fieldKindOf(ast.from), formatOf(ast))
    case "Transformation":
      return fieldKindOf(ast.to)
    case "TupleType": {
      const rest = ast.rest[0]
      return rest === undefined ? { _tag: "string" } : { _tag: "array", item: fieldKindOf(rest.type) }
    }
    case "Union": {
      const members = ast.types.filter((member) => !isAbsent(member))
      if (members.length === 1 && members[0] !== undefined) return fieldKindOf(members[0])
      if (members.every((member) => member._tag === "Literal")) {
        const values = members.map((member) => String((member as SchemaAST.Literal).literal))
        return values.length === 2 && values.includes("true") && values.includes("false")
          ? { _tag: "boolean" }
          : { _tag: "enum", values }
      }
      return { _tag: "string" }
    }
    case "Suspend":
      return fieldKindOf(ast.f())
    default:
      return { _tag: "string" }
  }
}

/** The fields of a struct schema (type side), in declaration order (none when it is not a struct). */
export const fieldsOf = (ast: AST | undefined): ReadonlyArray<FieldSpec> => {
  if (ast === undefined) return []
  const struct = ast._tag === "Transformation" ? ast.to : ast
  if (struct._tag !== "TypeLiteral") return []
  return struct.propertySignatures.flatMap((signature) =>
    typeof signature.name === "string"
      ? [{ name: signature.name, kind: fieldKindOf(signature.type), required: !signature.isOptional }]
      : []
  )
}
