/**
 * What kind of value each field of an operation's path or query schema takes, read from the
 * schema's AST, so the command line can offer typed flags and show types and enums in `--help`.
 */
import { SchemaAST } from "effect"

/** The kinds of value a flag or positional argument can take. */
export type FieldKind =
  | { readonly _tag: "string"; readonly format?: string | undefined }
  | { readonly _tag: "integer" }
  | { readonly _tag: "number" }
  | { readonly _tag: "boolean" }
  | { readonly _tag: "enum"; readonly values: ReadonlyArray<string> }
  | { readonly _tag: "array"; readonly item: FieldKind }

/** One field of a struct schema: its name, kind, and whether the operation requires it. */
export interface FieldSpec {
  readonly name: string
  readonly kind: FieldKind
  readonly required: boolean
}

const isAbsent = (ast: SchemaAST.AST): boolean =>
  ast._tag === "UndefinedKeyword" || (ast._tag === "Literal" && ast.literal === null)

const formatOf = (ast: SchemaAST.AST): string | undefined => {
  const id = SchemaAST.getIdentifierAnnotation(ast)
  if (id._tag === "Some" && id.value.startsWith("Ofs")) return id.value.slice(3).toLowerCase()
  return undefined
}

const isInteger = (ast: SchemaAST.Refinement): boolean => {
  const json = SchemaAST.getJSONSchemaAnnotation(ast)
  const id = SchemaAST.getIdentifierAnnotation(ast)
  return (
    (json._tag === "Some" && (json.value as { readonly type?: unknown }).type === "integer") ||
    (id._tag === "Some" && id.value === "Int")
  )
}

/** The kind of value a schema (type side) takes; anything unusual is taken as text. */
export const kindOf = (ast: SchemaAST.AST): FieldKind => {
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
      return withFormat(kindOf(ast.from), formatOf(ast))
    case "Transformation":
      return kindOf(ast.to)
    case "TupleType": {
      const rest = ast.rest[0]
      return rest === undefined ? { _tag: "string" } : { _tag: "array", item: kindOf(rest.type) }
    }
    case "Union": {
      const members = ast.types.filter((member) => !isAbsent(member))
      if (members.length === 1 && members[0] !== undefined) return kindOf(members[0])
      if (members.every((member) => member._tag === "Literal")) {
        const values = members.map((member) => String((member as SchemaAST.Literal).literal))
        return values.length === 2 && values.includes("true") && values.includes("false")
          ? { _tag: "boolean" }
          : { _tag: "enum", values }
      }
      return { _tag: "string" }
    }
    case "Suspend":
      return kindOf(ast.f())
    default:
      return { _tag: "string" }
  }
}

const withFormat = (kind: FieldKind, format: string | undefined): FieldKind =>
  kind._tag === "string" && format !== undefined ? { _tag: "string", format } : kind

/** The fields of a struct schema, in declaration order (none when it is not a struct). */
export const fieldsOf = (ast: SchemaAST.AST | undefined): ReadonlyArray<FieldSpec> => {
  if (ast === undefined) return []
  const struct = ast._tag === "Transformation" ? ast.to : ast
  if (struct._tag !== "TypeLiteral") return []
  return struct.propertySignatures.flatMap((signature) =>
    typeof signature.name === "string"
      ? [{ name: signature.name, kind: kindOf(signature.type), required: !signature.isOptional }]
      : []
  )
}

/** How a kind reads in help: `integer`, `date (YYYY-MM-DD)`, `list of string`. */
export const describeKind = (kind: FieldKind): string => {
  switch (kind._tag) {
    case "string":
      return kind.format === "date" ? "date (YYYY-MM-DD)" : kind.format !== undefined ? kind.format : "text"
    case "enum":
      return `one of ${kind.values.join(" | ")}`
    case "array":
      return `comma-separated list of ${describeKind(kind.item)}`
    default:
      return kind._tag
  }
}
