/**
 * A minimal valid value for any schema, deterministic: required fields only below the top levels,
 * one element per array near the top, the first member of a union, the first literal of an enum, and
 * refinements (patterns, bounds, lengths, item counts) satisfied from their JSON Schema annotations.
 * Well-known property names take realistic values from the store through `hints`.
 */

import { SchemaReader } from "@ofsc/models"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import { decodes } from "./validity.js"

/** A realistic value for a property name (a real resource id, the seed's first date), or undefined. */
export type Hints = (name: string, parent: Readonly<Record<string, unknown>>) => unknown

/** A hint with alternatives for different types (an error count of 0, or an empty error list). */
export class HintChoices {
  constructor(readonly values: ReadonlyArray<unknown>) {}
}

const stringCandidates = [
  "2026-11-01",
  "08:00",
  "08:00:00",
  "2026-11-01 08:00:00",
  "2026-11-01T08:00:00Z",
  "2026-11-01T08:00:00+0000",
  "1",
  "a",
  "A",
  "en",
  "en-US",
  ""
]
const numberCandidates = [1, 0, 10, 100, 1000, -1, 0.5]

/** Builds sample values; one per simulator, since hints read that simulator's data. */
export class Sampler {
  private readonly cache = new WeakMap<AST.AST, unknown>()
  private request: Hints | undefined

  constructor(private readonly hints: Hints) {}

  /** Runs `f` with hints taken from the request being answered (its parameters, its body's size). */
  withRequest<A>(hints: Hints, f: () => A): A {
    const outer = this.request
    this.request = hints
    try {
      return f()
    } finally {
      this.request = outer
    }
  }

  /** A value that decodes with the schema of this AST (the same object each time, outside a request). */
  sample(ast: AST.AST): unknown {
    if (this.request !== undefined) return this.walk(ast, 0)
    if (this.cache.has(ast)) return this.cache.get(ast)
    const value = this.walk(ast, 0)
    this.cache.set(ast, value)
    return value
  }

  /** A value for one property of an object, preferring the hint for its name when that decodes. */
  property(property: AST.PropertySignature, parent: Readonly<Record<string, unknown>>, depth: number): unknown {
    return this.hinted(property, parent, depth) ?? this.walk(property.type, depth)
  }

  /**
   * The hint for a property when it decodes: a number hint may also serve as text and text as a
   * number, and a list of labels (a query's `areas`) as a list of objects with those labels.
   */
  private hinted(property: AST.PropertySignature, parent: Readonly<Record<string, unknown>>, depth: number): unknown {
    const name = String(property.name)
    const hint = this.request?.(name, parent) ?? this.hints(name, parent)
    if (hint === undefined) return undefined
    if (hint instanceof HintChoices) return hint.values.find((v) => decodes(property.type, v))
    if (decodes(property.type, hint)) return hint
    if (typeof hint === "number" && decodes(property.type, String(hint))) return String(hint)
    if (typeof hint === "string" && /^\d+$/.test(hint) && decodes(property.type, Number(hint))) return Number(hint)
    const element = SchemaReader.elementOf(property.type)
    if (Array.isArray(hint) && element !== undefined && SchemaReader.propertyOf(element, "label") !== undefined) {
      const labelled = hint.map((label) => ({ ...(this.walk(element, depth + 1) as object), label }))
      if (decodes(property.type, labelled)) return labelled
    }
    return undefined
  }

  private walk(ast: AST.AST, depth: number): unknown {
    switch (ast._tag) {
      case "Transformation":
        return this.walk(ast.from, depth)
      case "Refinement":
        return this.refined(ast, depth)
      case "Suspend":
        return depth > 8 ? undefined : this.walk(ast.f(), depth + 1)
      case "TypeLiteral": {
        const out: Record<string, unknown> = {}
        for (const p of ast.propertySignatures) {
          // deep down, optional properties appear only where a hint gives them a realistic value
          const value = p.isOptional && depth > 1 ? this.hinted(p, out, depth + 1) : this.property(p, out, depth + 1)
          if (value !== undefined) out[String(p.name)] = value
        }
        return out
      }
      case "TupleType": {
        const fixed = ast.elements.filter((e) => !e.isOptional).map((e) => this.walk(e.type, depth + 1))
        const rest = ast.rest[0]
        return rest !== undefined && depth <= 2 ? [...fixed, this.walk(rest.type, depth + 1)] : fixed
      }
      case "Union": {
        const member =
          ast.types.find((t) => t._tag === "Literal" && t.literal !== null) ??
          ast.types.find((t) => !(t._tag === "Literal" && t.literal === null) && t._tag !== "UndefinedKeyword") ??
          ast.types[0]
        return member === undefined ? undefined : this.walk(member, depth)
      }
      case "Literal":
        return ast.literal
      case "Enums":
        return ast.enums[0]?.[1]
      case "TemplateLiteral":
        return ast.head
      case "StringKeyword":
        return "sample"
      case "NumberKeyword":
        return 1
      case "BooleanKeyword":
        return true
      case "UndefinedKeyword":
      case "VoidKeyword":
      case "NeverKeyword":
        return undefined
      case "Declaration":
        return new Uint8Array()
      default:
        return {}
    }
  }

  /** The refined type's sample, or the first candidate the refinement accepts. */
  private refined(ast: AST.Refinement, depth: number): unknown {
    const base = this.walk(ast.from, depth)
    if (decodes(ast, base)) return base
    for (const candidate of this.candidates(ast, base, depth)) if (decodes(ast, candidate)) return candidate
    return base
  }

  private candidates(ast: AST.Refinement, base: unknown, depth: number): ReadonlyArray<unknown> {
    const schema = Option.getOrElse(AST.getJSONSchemaAnnotation(ast), () => ({})) as Record<string, unknown>
    const num = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined)
    if (typeof base === "number") {
      const min = num("minimum")
      const exclusiveMin = num("exclusiveMinimum")
      const max = num("maximum")
      const exclusiveMax = num("exclusiveMaximum")
      return [
        ...(min === undefined ? [] : [min, Math.ceil(min)]),
        ...(exclusiveMin === undefined ? [] : [exclusiveMin + 1, exclusiveMin + 0.5]),
        ...(max === undefined ? [] : [max, Math.floor(max)]),
        ...(exclusiveMax === undefined ? [] : [exclusiveMax - 1]),
        ...numberCandidates
      ]
    }
    if (typeof base === "string") {
      const minLength = num("minLength")
      const maxLength = num("maxLength")
      return [
        ...(minLength === undefined ? [] : [base.padEnd(minLength, "x")]),
        ...(maxLength === undefined ? [] : [base.slice(0, maxLength)]),
        ...stringCandidates
      ]
    }
    if (Array.isArray(base)) {
      const minItems = num("minItems") ?? 1
      const element = bareTuple(ast)?.rest[0]?.type
      if (element === undefined) return []
      const one = this.walk(element, depth + 1)
      return [Array.from({ length: minItems }, () => one)]
    }
    return []
  }
}

const bareTuple = (ast: AST.AST): AST.TupleType | undefined => {
  let current = ast
  while (current._tag === "Refinement" || current._tag === "Transformation") current = current.from
  return current._tag === "TupleType" ? current : undefined
}
