/**
 * Makes a stored record answer with a schema: missing required fields are filled (hint or sample),
 * wrong primitive types are coerced or replaced, everything else, extra keys included, is kept. The
 * checks are compiled once per AST, and a value that already fits comes back as the same object, so
 * serving a page of seeded records costs a walk over their fields and no copies.
 */

import { SchemaReader } from "@ofsc/models"
import * as Option from "effect/Option"
import type * as AST from "effect/SchemaAST"
import type { Sampler } from "./sampleValue.js"
import { decodes } from "./validity.js"

type Fit = (value: unknown) => unknown

/** The values of a literal or a union of literals; undefined for anything open. */
const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag !== "Union") return undefined
  const all: Array<AST.LiteralValue> = []
  for (const member of ast.types) {
    const values = literalsOf(member)
    if (values === undefined) return undefined
    all.push(...values)
  }
  return all
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** Conforms values to schemas; one per simulator, since missing fields are sampled with its hints. */
export class Conformer {
  private readonly fits = new WeakMap<AST.AST, Fit>()

  constructor(private readonly sampler: Sampler) {}

  /** The value, changed only where it would not decode with the schema of this AST. */
  conform(ast: AST.AST, value: unknown): unknown {
    return this.fitOf(ast)(value)
  }

  private fitOf(ast: AST.AST): Fit {
    let fit = this.fits.get(ast)
    if (fit === undefined) {
      // placeholder first: recursive schemas reach themselves while compiling
      let compiled: Fit | undefined
      this.fits.set(ast, (v) => (compiled ?? this.fitOf(ast))(v))
      compiled = this.compile(ast)
      this.fits.set(ast, compiled)
      fit = compiled
    }
    return fit
  }

  private lazy(ast: AST.AST): Fit {
    let fit: Fit | undefined
    return (v) => {
      fit ??= this.fitOf(ast)
      return fit(v)
    }
  }

  private compile(ast: AST.AST): Fit {
    const sample = () => this.sampler.sample(ast)
    switch (ast._tag) {
      case "Transformation":
        return this.lazy(ast.from)
      case "Suspend":
        return (v) => this.fitOf(ast.f())(v)
      case "Refinement": {
        const inner = this.lazy(ast.from)
        const direct = ast.from._tag !== "Transformation"
        return (v) => {
          const c = inner(v)
          const ok = direct ? Option.isNone(ast.filter(c, {}, ast)) : decodes(ast, c)
          return ok ? c : sample()
        }
      }
      case "TypeLiteral":
        return this.object(ast, sample)
      case "TupleType": {
        const rest = ast.rest[0]
        if (ast.elements.length > 0 || rest === undefined) return (v) => (decodes(ast, v) ? v : sample())
        const element = this.lazy(rest.type)
        return (v) => {
          if (!Array.isArray(v)) return sample()
          let out: Array<unknown> | undefined
          for (let i = 0; i < v.length; i++) {
            const next = element(v[i])
            if (next !== v[i]) {
              out ??= [...v]
              out[i] = next
            }
          }
          return out ?? v
        }
      }
      case "Union":
        return this.union(ast, sample)
      case "Literal":
        return (v) => (v === ast.literal ? v : ast.literal)
      case "Enums": {
        const values = ast.enums.map(([, v]) => v)
        return (v) => (values.includes(v as string | number) ? v : values[0])
      }
      case "StringKeyword":
        return (v) =>
          typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : sample()
      case "NumberKeyword":
        return (v) =>
          typeof v === "number" && Number.isFinite(v)
            ? v
            : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))
              ? Number(v)
              : sample()
      case "BooleanKeyword":
        return (v) => (typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : sample())
      default:
        return (v) => v
    }
  }

  private object(ast: AST.TypeLiteral, sample: () => unknown): Fit {
    const props = ast.propertySignatures.map((p) => ({ p, name: String(p.name), fit: this.lazy(p.type) }))
    return (v) => {
      if (!isRecord(v)) return sample()
      let out: Record<string, unknown> | undefined
      for (const { p, name, fit } of props) {
        const current = v[name]
        let next: unknown
        if (current === undefined) {
          if (p.isOptional) continue
          next = this.sampler.property(p, out ?? v, 2)
        } else {
          next = fit(current)
        }
        if (next !== current) {
          out ??= { ...v }
          out[name] = next
        }
      }
      return out ?? v
    }
  }

  private union(ast: AST.Union, sample: () => unknown): Fit {
    const members = ast.types.map((t) => ({
      t,
      kinds: SchemaReader.kindsOf(t),
      fit: this.lazy(t),
      closed: literalsOf(t)
    }))
    const literals = members.flatMap((m) => m.closed ?? [])
    return (v) => {
      if (literals.includes(v as AST.LiteralValue)) return v
      const kind: SchemaReader.JsonKind = SchemaReader.kindOfValue(v)
      const member =
        members.find((m) => m.kinds.has(kind) && m.closed === undefined) ?? members.find((m) => m.kinds.has("any"))
      if (member !== undefined) return member.fit(v)
      const coercible = kind === "number" || kind === "string" || kind === "boolean"
      const primitive = coercible ? members.find((m) => m.kinds.has("string") || m.kinds.has("number")) : undefined
      return primitive !== undefined ? primitive.fit(v) : sample()
    }
  }
}
