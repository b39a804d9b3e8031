/**
 * The filter language of event subscriptions (`subscriptionConfig[].filterExpression`): comparisons
 * `field op value` and `field in [..]`, negated by `not`, joined by `and` / `or` (equal precedence,
 * left to right) and grouped by parentheses; parsed into a small tree, then evaluated against an
 * event as the API delivers it. Where OFS's description is silent, the choice is written beside the rule.
 */

/** A literal: a string literal's content, or an integer literal's decimal text (exact at any size). */
export type FilterValue = { readonly kind: "string" | "integer"; readonly text: string }

/** The comparison operators other than `in`. */
export type FilterOperator = "<" | ">" | "<=" | ">=" | "==" | "!="

/** A parsed filter expression: comparisons, `in` tests, their negations and and/or combinations. */
export type FilterExpression =
  | { readonly _tag: "compare"; readonly field: string; readonly op: FilterOperator; readonly value: FilterValue }
  | { readonly _tag: "in"; readonly field: string; readonly values: ReadonlyArray<FilterValue> }
  | { readonly _tag: "not"; readonly operand: FilterExpression }
  | { readonly _tag: "and" | "or"; readonly left: FilterExpression; readonly right: FilterExpression }

/** Why a filter expression was refused, worded as OFS words the 400's detail. */
export type FilterExpressionError = { readonly _tag: "FilterExpressionError"; readonly message: string }

/** The longest filter expression accepted, in characters (OFS names no limit; this one bounds the work). */
export const maxFilterLength = 4000
/** How deep parentheses and `not`s may nest (OFS names no limit; this one bounds the recursion). */
export const maxFilterDepth = 64

type Token = { kind: "word" | "string" | "integer" | "op" | "punct" | "end"; text: string; at: number }

// a field: ASCII identifiers joined by dots, each starting with a letter or underscore (so `1 == 1` starts with a value)
const wordPattern = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y
// an integer literal: optional minus, no leading zeros (`-0` passes; it equals 0), no dot
const integerPattern = /-?\d+/y
const opPattern = /<=|>=|==|!=|<|>/y
// the keywords, any case, are no field names (OFS is silent); fields themselves match case-sensitively
const keywords = new Set(["and", "or", "not", "in"])
const where = (token: Token) => (token.kind === "end" ? "at the end" : `at position ${token.at}`)
const sticky = (pattern: RegExp, text: string, i: number): string | undefined => {
  pattern.lastIndex = i
  return pattern.exec(text)?.[0]
}

/** The tokens of a text (whitespace outside strings dropped, positions 1-based), or why it has none. */
const tokenize = (text: string): Array<Token> | string => {
  const tokens: Array<Token> = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    const at = i + 1
    if (/\s/.test(c)) i++
    else if (c === "'") {
      let content = ""
      for (i++; text[i] !== "'"; i++) {
        // `~` escapes whatever follows it: OFS names `~'`; `~~` reads as one tilde and `~x` as x
        if (text[i] === "~") i++
        if (i >= text.length) return `unterminated string literal at position ${at}`
        content += text[i]
      }
      i++
      tokens.push({ kind: "string", text: content, at })
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      const digits = sticky(integerPattern, text, i)
      if (digits === undefined) return `unexpected character '-' at position ${at}`
      if (/^-?0\d/.test(digits)) return `integer literal with leading zeros at position ${at}`
      i += digits.length
      if (text[i] === ".") return `integer literal with a dot at position ${at}`
      tokens.push({ kind: "integer", text: digits, at })
    } else {
      const word = sticky(wordPattern, text, i)
      const op = word === undefined ? sticky(opPattern, text, i) : undefined
      const piece = word ?? op ?? ("()[],".includes(c) ? c : undefined)
      if (piece === undefined)
        return `unexpected character '${String.fromCodePoint(text.codePointAt(i) ?? 0)}' at position ${at}`
      tokens.push({ kind: word !== undefined ? "word" : op !== undefined ? "op" : "punct", text: piece, at })
      i += piece.length
    }
  }
  tokens.push({ kind: "end", text: "", at: text.length + 1 })
  return tokens
}

class Refused {
  constructor(readonly message: string) {}
}

/** The expression a text states, or OFS's refusal of it; never throws, whatever the string. */
export const parseFilterExpression = (text: string): FilterExpression | FilterExpressionError => {
  const refuse = (why: string): FilterExpressionError => ({
    _tag: "FilterExpressionError",
    message: `Wrong value in field 'subscriptionConfig.filterExpression': ${why}.`
  })
  if (typeof text !== "string") return refuse("not a string") // a JSON body may hold anything
  if (text.length > maxFilterLength) return refuse(`longer than ${maxFilterLength} characters`)
  const tokens = tokenize(text)
  if (typeof tokens === "string") return refuse(tokens)
  if (tokens.length === 1) return refuse("the expression is empty")
  let next = 0
  const peek = () => tokens[next] as Token
  const fail = (why: string): never => {
    throw new Refused(why)
  }
  const is = (token: Token, kind: Token["kind"], text: string) =>
    token.kind === kind && (kind === "word" ? token.text.toLowerCase() === text : token.text === text)
  const expect = (punct: string, why = `expected '${punct}'`) => {
    if (!is(peek(), "punct", punct)) fail(`${why} ${where(peek())}`)
    next++
  }

  // and/or share one precedence and group left to right: `A and B or C` is `(A and B) or C`
  const expression = (depth: number): FilterExpression => {
    let left = unary(depth)
    for (let t = peek(); is(t, "word", "and") || is(t, "word", "or"); t = peek()) {
      next++
      left = { _tag: t.text.toLowerCase() as "and" | "or", left, right: unary(depth) }
    }
    return left
  }
  // `not` binds tighter than and/or, looser than a comparison: `not A == 1 and B == 2` is `(not A == 1) and B == 2`
  const unary = (depth: number): FilterExpression => {
    const t = peek()
    const opens = is(t, "word", "not") || is(t, "punct", "(")
    if (opens && depth >= maxFilterDepth) fail(`nested deeper than ${maxFilterDepth} levels ${where(t)}`)
    if (is(t, "word", "not")) {
      next++
      return { _tag: "not", operand: unary(depth + 1) }
    }
    if (!is(t, "punct", "(")) return comparison()
    next++
    const inner = expression(depth + 1)
    expect(")")
    return inner
  }
  const comparison = (): FilterExpression => {
    const field = peek()
    if (field.kind === "string" || field.kind === "integer")
      fail(`a comparison starts with a field, not a value, ${where(field)}`)
    if (field.kind !== "word" || keywords.has(field.text.toLowerCase())) fail(`expected a field ${where(field)}`)
    next++
    const op = peek()
    next++
    // `in` takes an array only, and only `in` takes one (OFS: arrays only after `in`; `x in 'a'` is refused too)
    if (is(op, "word", "in")) {
      expect("[", "'in' takes an array literal")
      if (is(peek(), "punct", "]")) fail(`an array literal may not be empty ${where(peek())}`)
      const values = [literal()]
      while (is(peek(), "punct", ",")) {
        next++
        values.push(literal())
      }
      expect("]")
      return { _tag: "in", field: field.text, values }
    }
    if (op.kind !== "op") fail(`expected a comparison operator ${where(op)}`)
    if (is(peek(), "punct", "[")) fail(`an array literal is only allowed after 'in' ${where(peek())}`)
    return { _tag: "compare", field: field.text, op: op.text as FilterOperator, value: literal() }
  }
  const literal = (): FilterValue => {
    const t = peek()
    if (t.kind === "word") fail(`a field is compared with a value, not with another field, ${where(t)}`)
    if (t.kind !== "string" && t.kind !== "integer") fail(`expected a string or integer literal ${where(t)}`)
    next++
    return { kind: t.kind as FilterValue["kind"], text: t.text }
  }

  try {
    const tree = expression(0)
    if (peek().kind !== "end") fail(`expected 'and' or 'or' ${where(peek())}`)
    return tree
  } catch (e) {
    if (e instanceof Refused) return refuse(e.message)
    throw e
  }
}

/** The field paths an expression reads, each once, in the order they appear. */
export const filterFields = (expr: FilterExpression): ReadonlyArray<string> => {
  const fields = new Set<string>()
  const walk = (e: FilterExpression): void => {
    if (e._tag === "compare" || e._tag === "in") fields.add(e.field)
    else if (e._tag === "not") walk(e.operand)
    else {
      walk(e.left)
      walk(e.right)
    }
  }
  walk(expr)
  return [...fields]
}

/** The string a field path reads in an event, through nested objects. */
const read = (event: Record<string, unknown>, path: string): string => {
  let value: unknown = event
  for (const key of path.split(".")) {
    // own properties only: `constructor` or `__proto__.x` find nothing, like any missing field
    const holder = value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined
    value = holder !== undefined && Object.hasOwn(holder, key) ? (holder as Record<string, unknown>)[key] : undefined
  }
  // missing or null reads as '' (OFS); numbers and booleans by their string form (OFS is silent);
  // an object or array is no value to compare and reads as '' too (OFS is silent)
  if (typeof value === "string") return value
  return typeof value === "number" || typeof value === "boolean" ? String(value) : ""
}

// an integer is read in its literal's own form only: `-12`, `0`; `007`, `+7`, ` 7` and `1.0` are strings
const integerText = /^-?(?:0|[1-9]\d*)$/

/**
 * -1, 0 or 1. Both sides reading as integers compare as integers (so `num == '-123'` is `num == -123`,
 * and `n < 10` is numeric whichever side was quoted); otherwise as strings, case-insensitively: both
 * lower-cased, then in UTF-16 code unit order (OFS is silent on the collation).
 */
const compare = (a: string, b: string): number => {
  const [x, y] =
    integerText.test(a) && integerText.test(b) ? [BigInt(a), BigInt(b)] : [a.toLowerCase(), b.toLowerCase()]
  return x < y ? -1 : x > y ? 1 : 0
}

const holds: Record<FilterOperator, (order: number) => boolean> = {
  "<": (o) => o < 0,
  ">": (o) => o > 0,
  "<=": (o) => o <= 0,
  ">=": (o) => o >= 0,
  "==": (o) => o === 0,
  "!=": (o) => o !== 0
}

/** Whether an event (as the API delivers it) passes the expression; `in` holds when any element equals. */
export const matchesFilter = (expr: FilterExpression, event: Record<string, unknown>): boolean => {
  switch (expr._tag) {
    case "compare":
      return holds[expr.op](compare(read(event, expr.field), expr.value.text))
    case "in": {
      const value = read(event, expr.field)
      return expr.values.some((v) => compare(value, v.text) === 0)
    }
    case "not":
      return !matchesFilter(expr.operand, event)
    case "and":
      return matchesFilter(expr.left, event) && matchesFilter(expr.right, event)
    case "or":
      return matchesFilter(expr.left, event) || matchesFilter(expr.right, event)
  }
}
