/**
 * Compiles a lenient model's Schema AST into a plain TypeScript function that decodes parsed JSON
 * in one pass and answers what `Schema.decodeUnknownEither(schema, { onExcessProperty: "preserve" })`
 * answers: the same value, or `invalid` where the Schema fails. It mirrors effect's ParseResult
 * rules for the constructs the model emitter produces (structs with index signatures, arrays,
 * unions, literals, keywords, pattern and int refinements, `OptionalNullable` transformations,
 * suspensions); anything else raises `NotCompilable` and the model keeps the Schema path.
 */
import * as AST from "../../../packages/models/src/SchemaReader.js"

/** A construct the compiler does not handle; the model falls back to its Schema. */
export class NotCompilable extends Error {}

/** The functions a module's decoders share: hoisted helpers and constants, in emission order. */
export interface DecoderModule {
  /** the function a model's AST compiles to, when it is a model of this run (by identity) */
  readonly modelFunction: (ast: AST.AST) => string | undefined
  readonly declarations: Array<string>
}

const fail = (reason: string): never => {
  throw new NotCompilable(reason)
}

const hasAnnotation = (ast: AST.AST, id: symbol): boolean => Object.getOwnPropertySymbols(ast.annotations).includes(id)

const checkAnnotations = (ast: AST.AST): void => {
  if (hasAnnotation(ast, ParseOptionsAnnotationId)) fail("parse options annotation")
  if (hasAnnotation(ast, DecodingFallbackAnnotationId)) fail("decoding fallback annotation")
}

// effect's annotation ids are registered symbols: read by id, as the models hold them
const ParseOptionsAnnotationId = Symbol.for("effect/annotation/ParseOptions")
const DecodingFallbackAnnotationId = Symbol.for("effect/annotation/DecodingFallback")
const PatternSchemaId = Symbol.for("effect/SchemaId/Pattern")
const IntSchemaId = Symbol.for("effect/SchemaId/Int")

/** Compiles the models of one module file; `name` makes helper names unique and stable. */
export const compileModel = (module: DecoderModule, fnName: string, root: AST.AST): void => {
  let helpers = 0
  // the same helper twice (two `Schema.Array(Schema.String)` fields) is emitted once
  const seen = new Map<string, string>()
  const hoist = (body: (name: string) => string): string => {
    const key = body("$")
    const known = seen.get(key)
    if (known !== undefined) return known
    const name = `${fnName}_${++helpers}`
    seen.set(key, name)
    module.declarations.push(body(name))
    return name
  }

  /** A boolean expression over `x` when `ast` accepts values unchanged; undefined otherwise. */
  const predicate = (ast: AST.AST, x: string): string | undefined => {
    checkAnnotations(ast)
    switch (ast._tag) {
      case "Literal":
        return `${x} === ${ast.literal === null ? "null" : typeof ast.literal === "bigint" ? fail("bigint literal") : JSON.stringify(ast.literal)}`
      case "StringKeyword":
        return `typeof ${x} === "string"`
      case "NumberKeyword":
        return `typeof ${x} === "number"`
      case "BooleanKeyword":
        return `typeof ${x} === "boolean"`
      case "UndefinedKeyword":
        return `${x} === undefined`
      case "UnknownKeyword":
      case "AnyKeyword":
        return "true"
      case "TypeLiteral":
        return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? `${x} != null` : undefined
      case "Refinement": {
        const from = predicate(ast.from, x)
        if (from === undefined) return undefined
        if (hasAnnotation(ast, PatternSchemaId)) {
          const { regex } = ast.annotations[PatternSchemaId] as { readonly regex: RegExp }
          const re = hoist((name) => `const ${name} = ${regexLiteral(regex)}`)
          const reset = regex.global || regex.sticky ? `((${re}.lastIndex = 0), true) && ` : ""
          return `(${from}) && ${reset}${re}.test(${x} as string)`
        }
        if (hasAnnotation(ast, IntSchemaId)) return `(${from}) && Number.isSafeInteger(${x})`
        return fail("refinement other than pattern or int")
      }
      case "Union": {
        const parts = flatten(ast).map((t) => (module.modelFunction(t) === undefined ? predicate(t, x) : undefined))
        if (parts.some((p) => p === undefined)) return undefined
        return simplifyUnion(parts as ReadonlyArray<string>, x)
      }
      default:
        return undefined
    }
  }

  /** An expression over the variable `x` that answers the decoded value or `invalid`. */
  const decode = (ast: AST.AST, x: string): string => {
    const model = module.modelFunction(ast)
    if (model !== undefined) return `${model}(${x})`
    const check = predicate(ast, x)
    if (check !== undefined) return check === "true" ? x : `${check} ? ${x} : invalid`
    return `${functionFor(ast)}(${x})`
  }

  /** A function (hoisted, or a model's) that decodes `ast`. */
  const functionFor = (ast: AST.AST, name?: string): string => {
    const emit = (body: string) => {
      const fn = (n: string) => `function ${n}(u: unknown): unknown {\n${body}\n}`
      if (name === undefined) return hoist(fn)
      module.declarations.push(fn(name))
      return name
    }
    switch (ast._tag) {
      case "TypeLiteral":
        return emit(typeLiteral(ast, new Set()))
      case "Transformation":
        return emit(typeLiteral(...nullFiltered(ast)))
      case "TupleType":
        return emit(array(ast))
      case "Union":
        return emit(union(ast))
      case "Suspend":
        return emit(`return ${decode(ast.f(), "u")}`)
      default: {
        const check = predicate(ast, "u")
        if (check === undefined) return fail(`AST node ${ast._tag}`)
        return emit(`return ${check} ? u : invalid`)
      }
    }
  }

  const array = (ast: AST.TupleType): string => {
    checkAnnotations(ast)
    if (ast.elements.length > 0 || ast.rest.length !== 1) fail("tuple")
    const item = ast.rest[0]!.type
    const check = module.modelFunction(item) === undefined ? predicate(item, "u[j]") : undefined
    if (check !== undefined) {
      return check === "true"
        ? "return Array.isArray(u) ? u : invalid"
        : `if (!Array.isArray(u)) return invalid\nfor (let j = 0; j < u.length; j++) if (!(${check})) return invalid\nreturn u`
    }
    // copy on write: the parsed array itself while no item changes (no null dropped below it)
    return [
      "if (!Array.isArray(u)) return invalid",
      "let o: Array<unknown> | undefined",
      "for (let j = 0; j < u.length; j++) {",
      "  const e = u[j]",
      `  const r = ${decode(item, "e")}`,
      "  if (r === invalid) return invalid",
      "  if (o !== undefined) o.push(r)",
      "  else if (r !== e) {",
      "    o = u.slice(0, j)",
      "    o.push(r)",
      "  }",
      "}",
      "return o ?? u"
    ].join("\n")
  }

  const union = (ast: AST.Union): string => {
    checkAnnotations(ast)
    if (ast.types.some(hasLiteralKey)) fail("union of structs told apart by a literal key")
    const lines: Array<string> = []
    for (const member of ast.types) {
      const check = module.modelFunction(member) === undefined ? predicate(member, "u") : undefined
      if (check !== undefined) lines.push(`if (${check}) return u`)
      else lines.push(`r = ${decode(member, "u")}`, "if (r !== invalid) return r")
    }
    lines.push("return invalid")
    if (lines.some((l) => l.startsWith("r = "))) lines.unshift("let r: unknown")
    return lines.join("\n")
  }

  /**
   * A struct: declared properties first, then one pass over the keys for index signatures and the
   * keys it does not know (kept as they are). `nullToAbsent` names the optional properties whose
   * `null` an OptionalNullable transformation turns into an absent key.
   */
  const typeLiteral = (ast: AST.TypeLiteral, nullToAbsent: ReadonlySet<string>): string => {
    checkAnnotations(ast)
    if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
      return "return u != null ? u : invalid"
    }
    const names = ast.propertySignatures.map((ps) =>
      typeof ps.name === "string" ? ps.name : fail("symbol property name")
    )
    const keptAsIs = ast.indexSignatures.every((is) => {
      checkAnnotations(is.parameter)
      if (predicate(is.parameter, "k") === undefined || !isStringKey(is.parameter)) fail("index signature key")
      return module.modelFunction(is.type) === undefined && predicate(is.type, "i[k]") === "true"
    })
    if (keptAsIs) return copyOnWrite(ast, names, nullToAbsent)
    const lines = [
      'if (typeof u !== "object" || u === null || Array.isArray(u)) return invalid',
      "const i = u as Record<string, unknown>",
      "const o: Record<string, unknown> = {}"
    ]
    for (const ps of ast.propertySignatures) {
      const name = ps.name as string
      const key = JSON.stringify(name)
      // a name Object.prototype also has (constructor, toString, ...) must be an own key
      lines.push(name in Object.prototype ? `v = Object.hasOwn(i, ${key}) ? i[${key}] : undefined` : `v = i[${key}]`)
      if (nullToAbsent.has(name)) {
        lines.push(`if (v != null) {`, ...assign(withoutNullish(ps.type), key), "}")
      } else if (ps.isOptional) {
        lines.push(`if (Object.hasOwn(i, ${key})) {`, ...assign(ps.type, key), "}")
      } else {
        lines.push(...assign(ps.type, key))
      }
    }
    const declared = declaredCheck(names)
    const signatures = ast.indexSignatures.map((is) => {
      checkAnnotations(is.parameter)
      const param = predicate(is.parameter, "k")
      if (param === undefined || !isStringKey(is.parameter)) fail("index signature key")
      return { param: param as string, type: is.type }
    })
    lines.push("for (const k in i) {")
    if (signatures.length === 0) {
      lines.push(`  if (!(${declared("k")})) o[k] = i[k]`)
    } else {
      lines.push("  let matched = false")
      for (const { param, type } of signatures) {
        lines.push(`  if (${param}) {`, "    matched = true")
        const check = module.modelFunction(type) === undefined ? predicate(type, "i[k]") : undefined
        if (check === "true") {
          lines.push(`    if (!(${declared("k")})) o[k] = i[k]`)
        } else {
          lines.push(
            `    const e = i[k]`,
            `    r = ${decode(type, "e")}`,
            "    if (r === invalid) return invalid",
            `    if (!(${declared("k")})) o[k] = r`
          )
        }
        lines.push("  }")
      }
      lines.push(`  if (!matched && !(${declared("k")})) o[k] = i[k]`)
    }
    lines.push("}", "return o")
    const uses = (name: string) => lines.some((l) => l.includes(`${name} = `))
    lines.splice(3, 0, ...(uses("v") ? ["let v: unknown"] : []), ...(uses("r") ? ["let r: unknown"] : []))
    return lines.join("\n")
  }

  /**
   * A struct whose unknown keys and index-signature values are kept as they are: one pass checks
   * every property and answers the parsed object itself when nothing changes (no null dropped, no
   * nested copy, no missing key the Schema would add); only then is a copy built, from the values
   * the check pass already decoded. Answers are the parsed JSON, not a second copy of it.
   */
  const copyOnWrite = (
    ast: AST.TypeLiteral,
    names: ReadonlyArray<string>,
    nullToAbsent: ReadonlySet<string>
  ): string => {
    const check = ['if (typeof u !== "object" || u === null || Array.isArray(u)) return invalid']
    check.push("const i = u as Record<string, unknown>", "let changed = false")
    const copy = ["const o: Record<string, unknown> = {}"]
    const locals: Array<string> = []
    ast.propertySignatures.forEach((ps, index) => {
      const name = ps.name as string
      const key = JSON.stringify(name)
      // a name Object.prototype also has (constructor, toString, ...) must be an own key
      const read = name in Object.prototype ? `v = Object.hasOwn(i, ${key}) ? i[${key}] : undefined` : `v = i[${key}]`
      const nullable = nullToAbsent.has(name)
      const type = nullable ? withoutNullish(ps.type) : ps.type
      const fast = module.modelFunction(type) === undefined ? predicate(type, "v") : undefined
      const local = `r${index}`
      const checked =
        fast === "true"
          ? []
          : fast !== undefined
            ? [`if (!(${fast})) return invalid`]
            : [
                `${local} = ${decode(type, "v")}`,
                `if (${local} === invalid) return invalid`,
                `if (${local} !== v) changed = true`
              ]
      if (fast === undefined) locals.push(local)
      const value = fast === undefined ? local : "v"
      check.push(read)
      copy.push(read)
      if (nullable) {
        check.push(
          ...(checked.length === 0
            ? ["if (v === null) changed = true"]
            : [...block("if (v != null)", checked), "else if (v === null) changed = true"])
        )
        copy.push(`if (v != null) o[${key}] = ${value}`)
      } else if (ps.isOptional) {
        check.push(...block(`if (Object.hasOwn(i, ${key}))`, checked))
        copy.push(`if (Object.hasOwn(i, ${key})) o[${key}] = ${value}`)
      } else {
        // a missing key that its type admits is set to undefined by the Schema
        const admitsMissing = fast === undefined || fast === "true" || fast.includes("undefined")
        check.push(...checked, ...(admitsMissing ? ["if (v === undefined) changed = true"] : []))
        copy.push(`o[${key}] = ${value}`)
      }
    })
    const declared = declaredCheck(names)
    copy.push("for (const k in i) {", `  if (!(${declared("k")})) o[k] = i[k]`, "}", "return o")
    const declarations = [
      ...(ast.propertySignatures.length > 0 ? ["let v: unknown"] : []),
      ...(locals.length > 0 ? [`let ${locals.map((l) => `${l}: unknown`).join(", ")}`] : [])
    ]
    return [...check.slice(0, 3), ...declarations, ...check.slice(3), "if (!changed) return i", ...copy].join("\n")
  }

  const block = (head: string, body: ReadonlyArray<string>): ReadonlyArray<string> =>
    body.length === 0 ? [] : [`${head} {`, ...body.map((l) => `  ${l}`), "}"]

  const assign = (type: AST.AST, key: string): ReadonlyArray<string> => {
    const check = module.modelFunction(type) === undefined ? predicate(type, "v") : undefined
    if (check === "true") return [`o[${key}] = v`]
    if (check !== undefined) return [`if (!(${check})) return invalid`, `o[${key}] = v`]
    return [`r = ${decode(type, "v")}`, "if (r === invalid) return invalid", `o[${key}] = r`]
  }

  /** The key check of a struct's declared names: a Set for many names, comparisons for few. */
  const declaredCheck = (names: ReadonlyArray<string>): ((k: string) => string) => {
    if (names.length === 0) return () => "false"
    if (names.length <= 8) return (k) => names.map((n) => `${k} === ${JSON.stringify(n)}`).join(" || ")
    const set = hoist((name) => `const ${name} = new Set(${JSON.stringify(names)})`)
    return (k) => `${set}.has(${k})`
  }

  checkAnnotations(root)
  const own = module.modelFunction(root)
  if (own !== undefined && own !== fnName) {
    module.declarations.push(`function ${fnName}(u: unknown): unknown {\nreturn ${own}(u)\n}`)
    return
  }
  functionFor(root, fnName)
}

/**
 * The struct and the properties an `OptionalNullable` transformation reads `null` in as absent.
 * Every property transformation must be of that kind: an optional key of the same name whose
 * encoded side admits `null`.
 */
const nullFiltered = (ast: AST.Transformation): readonly [AST.TypeLiteral, ReadonlySet<string>] => {
  const { from, to, transformation } = ast
  if (from._tag !== "TypeLiteral" || to._tag !== "TypeLiteral") return fail("transformation between non-structs")
  if (transformation._tag !== "TypeLiteralTransformation") return fail(`transformation ${transformation._tag}`)
  const names = new Set<string>()
  for (const pst of transformation.propertySignatureTransformations) {
    const source = from.propertySignatures.find((ps) => ps.name === pst.from)
    const target = to.propertySignatures.find((ps) => ps.name === pst.to)
    if (
      pst.from !== pst.to ||
      typeof pst.from !== "string" ||
      source === undefined ||
      target === undefined ||
      !source.isOptional ||
      !target.isOptional ||
      !admitsNull(source.type)
    ) {
      return fail("property transformation other than OptionalNullable")
    }
    names.add(pst.from)
  }
  return [from, names]
}

const admitsNull = (ast: AST.AST): boolean =>
  ast._tag === "Union" && ast.types.some((t) => t._tag === "Literal" && t.literal === null)

/** The union without its `null` and `undefined` members (handled before it is consulted). */
const withoutNullish = (ast: AST.AST): AST.AST => {
  if (ast._tag !== "Union") return ast
  const rest = ast.types.filter((t) => !(t._tag === "UndefinedKeyword" || (t._tag === "Literal" && t.literal === null)))
  // a member that accepts null itself (unknown) would answer null: the same absent key
  return AST.unionOf(rest)
}

/** The members of a union and of the unions in it, in order. */
const flatten = (ast: AST.Union): ReadonlyArray<AST.AST> =>
  ast.types.flatMap((t) => (t._tag === "Union" && t.annotations && !hasAnnotations(t) ? flatten(t) : [t]))

const hasAnnotations = (ast: AST.AST): boolean => Object.getOwnPropertySymbols(ast.annotations).length > 0

const isStringKey = (ast: AST.AST): boolean =>
  ast._tag === "StringKeyword" || (ast._tag === "Refinement" && isStringKey(ast.from))

/** A struct with a required literal-typed property: effect's union narrows candidates by it. */
const hasLiteralKey = (ast: AST.AST): boolean => {
  const struct = ast._tag === "Transformation" ? ast.to : ast
  return (
    struct._tag === "TypeLiteral" &&
    struct.propertySignatures.some((ps) => !ps.isOptional && ps.type._tag === "Literal")
  )
}

const regexLiteral = (regex: RegExp): string => `/${regex.source}/${regex.flags}`

/** Drops checks a broader member makes redundant (a literal string beside `typeof x === "string"`). */
const simplifyUnion = (parts: ReadonlyArray<string>, x: string): string => {
  if (parts.includes("true")) return "true"
  const broad = new Set(parts.filter((p) => p.startsWith(`typeof ${x} === `)))
  const covered = (p: string): boolean => {
    const literal = p.startsWith(`${x} === `) ? p.slice(`${x} === `.length) : undefined
    if (literal === undefined) return false
    const type = literal.startsWith('"') ? "string" : literal === "true" || literal === "false" ? "boolean" : "number"
    return literal !== "null" && literal !== "undefined" && broad.has(`typeof ${x} === "${type}"`)
  }
  const kept = [...new Set(parts.filter((p) => !covered(p)))]
  return kept.length === 1 ? (kept[0] as string) : kept.map((p) => `(${p})`).join(" || ")
}
