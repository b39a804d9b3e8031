/**
 * The part of effect's `SchemaAST` the decoder compiler reads, described structurally: the
 * generator loads the models' ASTs at run time and does not depend on effect itself.
 */

/** Annotations by their (registered) symbol ids. */
export type Annotations = { readonly [id: symbol]: unknown }

/** A property of a struct. */
export interface PropertySignature {
  readonly name: PropertyKey
  readonly type: AST
  readonly isOptional: boolean
}

/** An index signature of a struct (a record's key and value). */
export interface IndexSignature {
  readonly parameter: AST
  readonly type: AST
}

/** A struct. */
export interface TypeLiteral {
  readonly _tag: "TypeLiteral"
  readonly propertySignatures: ReadonlyArray<PropertySignature>
  readonly indexSignatures: ReadonlyArray<IndexSignature>
  readonly annotations: Annotations
}

/** A tuple or an array (`rest`). */
export interface TupleType {
  readonly _tag: "TupleType"
  readonly elements: ReadonlyArray<{ readonly type: AST; readonly isOptional: boolean }>
  readonly rest: ReadonlyArray<{ readonly type: AST }>
  readonly annotations: Annotations
}

/** A union. */
export interface Union {
  readonly _tag: "Union"
  readonly types: ReadonlyArray<AST>
  readonly annotations: Annotations
}

/** A checked value (`Schema.pattern`, `Schema.int`, ...). */
export interface Refinement {
  readonly _tag: "Refinement"
  readonly from: AST
  readonly annotations: Annotations
}

/** A key moved or rewritten between the encoded and the decoded struct. */
export interface PropertySignatureTransformation {
  readonly from: PropertyKey
  readonly to: PropertyKey
}

/** A transformation between two schemas. */
export interface Transformation {
  readonly _tag: "Transformation"
  readonly from: AST
  readonly to: AST
  readonly transformation:
    | {
        readonly _tag: "TypeLiteralTransformation"
        readonly propertySignatureTransformations: ReadonlyArray<PropertySignatureTransformation>
      }
    | { readonly _tag: "FinalTransformation" | "ComposeTransformation" }
  readonly annotations: Annotations
}

/** A lazily built schema (`Schema.suspend`). */
export interface Suspend {
  readonly _tag: "Suspend"
  readonly f: () => AST
  readonly annotations: Annotations
}

/** A literal value. */
export interface Literal {
  readonly _tag: "Literal"
  readonly literal: string | number | boolean | null | bigint
  readonly annotations: Annotations
}

/** Every other node, told apart by its tag only. */
export interface Other {
  readonly _tag:
    | "StringKeyword"
    | "NumberKeyword"
    | "BooleanKeyword"
    | "UndefinedKeyword"
    | "UnknownKeyword"
    | "AnyKeyword"
    | "Declaration"
    | "UniqueSymbol"
    | "NeverKeyword"
    | "VoidKeyword"
    | "BigIntKeyword"
    | "SymbolKeyword"
    | "ObjectKeyword"
    | "Enums"
    | "TemplateLiteral"
  readonly annotations: Annotations
}

/** A schema's AST node. */
export type AST = TypeLiteral | TupleType | Union | Refinement | Transformation | Suspend | Literal | Other
