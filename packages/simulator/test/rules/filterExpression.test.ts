/**
 * The events filter language: generated expressions, printed any way the language allows, parse back
 * to themselves and evaluate as a plain reference evaluation of the generated tree; any other text
 * parses or is refused, never throws; and the examples of OFS's own rules, checked by hand.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type FilterExpression,
  type FilterExpressionError,
  type FilterValue,
  filterFields,
  matchesFilter,
  maxFilterDepth,
  maxFilterLength,
  parseFilterExpression
} from "../../src/areas/events/filterExpression.js"

const prefix = "Wrong value in field 'subscriptionConfig.filterExpression': "
const isError = (parsed: FilterExpression | FilterExpressionError): parsed is FilterExpressionError =>
  parsed._tag === "FilterExpressionError"

/** The parsed expression, failing the test with OFS's message when the text was refused. */
const parsed = (text: string): FilterExpression => {
  const result = parseFilterExpression(text)
  if (isError(result)) throw new Error(`${JSON.stringify(text)} refused: ${result.message}`)
  return result
}
/** Whether an event passes the filter the text states. */
const passes = (text: string, event: Record<string, unknown>): boolean => matchesFilter(parsed(text), event)
/** The message a refused text answers. */
const refusal = (text: string): string => {
  const result = parseFilterExpression(text)
  if (!isError(result)) throw new Error(`${JSON.stringify(text)} parsed: ${JSON.stringify(result)}`)
  return result.message
}

// --- generated expressions and events -------------------------------------------------------------

const paths = ["eventType", "user", "user.name", "activityDetails.activityType", "activityDetails.XA_NUM"]
const allPaths = [...paths, "activityChanges.status", "activityDetails.missing", "nothere.deep", "_x9"]
/** Strings that literals and event fields share, so that comparisons often meet. */
const shared = ["Install", "install", "INSTALL", "it's", "~", "a~'b", "", "-123", "0", "9", "10", "007", "2015-06-02"]
const sharedWide = [...shared, "ünïcödé", "ÜNÏCÖDÉ", "123456789012345678901234567890", "😀"]
const text = fc.oneof(
  fc.constantFrom(...sharedWide),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.string({ unit: fc.constantFrom("'", "~", "a", "A", " ", "1"), maxLength: 5 })
)
const integer = fc.oneof(
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.constant("-0")
)
const literal: fc.Arbitrary<FilterValue> = fc.oneof(
  text.map((t) => ({ kind: "string" as const, text: t })),
  integer.map((t) => ({ kind: "integer" as const, text: t }))
)
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.integer({ min: -200, max: 200 }) },
  { weight: 1, arbitrary: integer },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 1.5, -0, { nested: 1 }, [1]) }
)
const event = fc.record(
  {
    eventType: fieldValue,
    user: fieldValue,
    activityDetails: fc.oneof(
      fc.constant(null),
      fc.record({ activityType: fieldValue, XA_NUM: fieldValue }, { requiredKeys: [] })
    ),
    activityChanges: fc.record({ status: fieldValue }, { requiredKeys: [] }),
    _x9: fieldValue
  },
  { requiredKeys: [] }
)

const { expression } = fc.letrec<{ expression: FilterExpression }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 5, depthIdentifier: "filter" },
    fc.record({
      _tag: fc.constant("compare" as const),
      field: fc.constantFrom(...allPaths),
      op: fc.constantFrom("<" as const, ">" as const, "<=" as const, ">=" as const, "==" as const, "!=" as const),
      value: literal
    }),
    fc.record({
      _tag: fc.constant("in" as const),
      field: fc.constantFrom(...allPaths),
      values: fc.array(literal, { minLength: 1, maxLength: 4 })
    }),
    fc.record({ _tag: fc.constant("not" as const), operand: tie("expression") }),
    fc.record({
      _tag: fc.constantFrom("and" as const, "or" as const),
      left: tie("expression"),
      right: tie("expression")
    })
  )
}))

/** The reference: what the generated tree means, evaluated plainly on an event. */
const reference = (e: FilterExpression, ev: Record<string, unknown>): boolean => {
  const read = (path: string): string => {
    let v: any = ev
    for (const key of path.split(".")) v = v?.constructor === Object && Object.hasOwn(v, key) ? v[key] : undefined
    return v === undefined || v === null || typeof v === "object" ? "" : String(v)
  }
  const order = (a: string, b: string): number => {
    const int = /^-?(0|[1-9][0-9]*)$/
    if (int.test(a) && int.test(b)) return Math.sign(Number(BigInt(a) - BigInt(b)))
    return a.toLowerCase() === b.toLowerCase() ? 0 : a.toLowerCase() < b.toLowerCase() ? -1 : 1
  }
  switch (e._tag) {
    case "compare": {
      const o = order(read(e.field), e.value.text)
      return { "<": o < 0, ">": o > 0, "<=": o <= 0, ">=": o >= 0, "==": o === 0, "!=": o !== 0 }[e.op]
    }
    case "in":
      return e.values.some((v) => order(read(e.field), v.text) === 0)
    case "not":
      return !reference(e.operand, ev)
    case "and":
      return reference(e.left, ev) && reference(e.right, ev)
    case "or":
      return reference(e.left, ev) || reference(e.right, ev)
  }
}

const fieldsOf = (e: FilterExpression): Array<string> =>
  e._tag === "compare" || e._tag === "in"
    ? [e.field]
    : e._tag === "not"
      ? fieldsOf(e.operand)
      : [...fieldsOf(e.left), ...fieldsOf(e.right)]

const ws = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r\n"), maxLength: 2 })
const ws1 = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r\n"), minLength: 1, maxLength: 2 })
const keyword = (word: string) => fc.mixedCase(fc.constant(word))
const isCombination = (e: FilterExpression) => e._tag === "and" || e._tag === "or"

/** A literal as text: quotes and tildes escaped by `~`, sometimes every other character escaped too. */
const printLiteral = (v: FilterValue): fc.Arbitrary<string> =>
  v.kind === "integer"
    ? fc.constant(v.text)
    : fc.boolean().map((all) => `'${[...v.text].map((c) => (all || c === "'" || c === "~" ? `~${c}` : c)).join("")}'`)

/** An expression within `min` to `min + 2` pairs of parentheses. */
const grouped = (e: FilterExpression, min: number): fc.Arbitrary<string> =>
  fc
    .tuple(printed(e), fc.integer({ min, max: min + 2 }), ws, ws)
    .map(([s, n, a, b]) => `${`(${a}`.repeat(n)}${s}${`${b})`.repeat(n)}`)

/** The text of an expression: keywords in random case, random whitespace, redundant parentheses. */
const printed = (e: FilterExpression): fc.Arbitrary<string> => {
  switch (e._tag) {
    case "compare":
      return fc.tuple(ws, ws, printLiteral(e.value)).map(([a, b, v]) => `${e.field}${a}${e.op}${b}${v}`)
    case "in":
      return fc
        .tuple(ws1, keyword("in"), ws, fc.tuple(...e.values.map((v) => fc.tuple(ws, printLiteral(v), ws))), ws)
        .map(([a, k, b, items, c]) => `${e.field}${a}${k}${b}[${items.map((i) => i.join("")).join(",")}${c}]`)
    case "not":
      return fc
        .tuple(keyword("not"), grouped(e.operand, isCombination(e.operand) ? 1 : 0))
        .chain(([k, s]) => (s.startsWith("(") ? ws : ws1).map((w) => `${k}${w}${s}`))
    default:
      // and/or group left to right: a combination on the right needs its parentheses, one on the left does not
      return fc
        .tuple(grouped(e.left, 0), keyword(e._tag), grouped(e.right, isCombination(e.right) ? 1 : 0))
        .chain(([l, k, r]) =>
          fc.tuple(/[')\]]$/.test(l) ? ws : ws1, r.startsWith("(") ? ws : ws1).map(([a, b]) => `${l}${a}${k}${b}${r}`)
        )
  }
}

/** The expression's tokens, one per entry, printed plainly. */
const tokensOf = (e: FilterExpression): Array<string> => {
  const lit = (v: FilterValue) => (v.kind === "integer" ? v.text : `'${v.text.replace(/['~]/g, "~$&")}'`)
  const group = (x: FilterExpression) => (isCombination(x) ? ["(", ...tokensOf(x), ")"] : tokensOf(x))
  switch (e._tag) {
    case "compare":
      return [e.field, e.op, lit(e.value)]
    case "in":
      return [e.field, "in", "[", ...e.values.flatMap((v, i) => (i === 0 ? [lit(v)] : [",", lit(v)])), "]"]
    case "not":
      return ["not", ...group(e.operand)]
    default:
      return [...tokensOf(e.left), e._tag, ...group(e.right)]
  }
}

/** Parses without throwing, and what it answers is an expression that evaluates, or OFS's refusal. */
const neverThrows = (text: string, ev: Record<string, unknown> = {}) => {
  const result = parseFilterExpression(text)
  if (isError(result)) expect(result.message.startsWith(prefix)).toBe(true)
  else {
    expect(typeof matchesFilter(result, ev)).toBe("boolean")
    expect(filterFields(result).length).toBeGreaterThan(0)
  }
}

describe("filter expressions, generated", () => {
  it("print any way the language allows and parse back to the same tree, evaluating as the reference", () => {
    let held = 0
    let failed = 0
    fc.assert(
      fc.property(
        expression.chain((e) => fc.tuple(fc.constant(e), printed(e))),
        fc.array(event, { minLength: 1, maxLength: 4 }),
        ([e, text], events) => {
          fc.pre(text.length <= maxFilterLength)
          const result = parsed(text)
          expect(result).toEqual(e)
          expect([...filterFields(result)].sort()).toEqual([...new Set(fieldsOf(e))].sort())
          for (const ev of events) {
            const expected = reference(e, ev)
            expect(matchesFilter(result, ev)).toBe(expected)
            if (expected) held++
            else failed++
          }
        }
      ),
      { numRuns: 1_500 }
    )
    // the events and literals meet often enough that both answers are common
    expect(Math.min(held, failed)).toBeGreaterThan(500)
  })

  it("garbage never throws: it parses or answers OFS's refusal", () => {
    const pieces = ["(", ")", "[", "]", ",", "'", "~", "'a'", "==", "!=", "<", ">=", "=", "!", "not", "AND", "or"]
    const more = ["in", "IN", "a.b", "x", "0", "01", "-", "-5", "1.5", " ", "\n", "é", "'it~'s'", ".", "_", "a..b"]
    const soup = fc.array(fc.constantFrom(...pieces, ...more), { maxLength: 40 }).map((a) => a.join(""))
    const garbage = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      soup,
      fc.string({ unit: fc.constantFrom("(", ")", "n", "o", "t", " ", "a", "=", "1", "'", "~"), maxLength: 300 })
    )
    fc.assert(
      fc.property(garbage, event, (text, ev) => neverThrows(text, ev)),
      { numRuns: 3_000 }
    )
  })

  it("valid expressions cut at any point or missing a token never throw", () => {
    const mutated = expression.chain((e) => {
      const tokens = tokensOf(e)
      const whole = tokens.join(" ")
      return fc.oneof(
        fc.nat({ max: whole.length }).map((n) => whole.slice(0, n)),
        fc.nat({ max: tokens.length - 1 }).map((i) => tokens.filter((_, j) => j !== i).join(" ")),
        fc.nat({ max: tokens.length - 1 }).map((i) => tokens.filter((_, j) => j !== i).join(""))
      )
    })
    fc.assert(
      fc.property(mutated, event, (text, ev) => neverThrows(text, ev)),
      { numRuns: 3_000 }
    )
    // a cut inside a string literal, or just before its closing quote, is refused
    expect(refusal("a == 'it~'s")).toBe(`${prefix}unterminated string literal at position 6.`)
    expect(refusal("a == 'x~")).toBe(`${prefix}unterminated string literal at position 6.`)
  })

  it("huge and deeply nested texts are refused, not thrown", () => {
    const deep = (n: number) => `${"(".repeat(n)}a == 1${")".repeat(n)}`
    expect(passes(deep(maxFilterDepth), { a: 1 })).toBe(true)
    expect(refusal(deep(maxFilterDepth + 1))).toBe(
      `${prefix}nested deeper than ${maxFilterDepth} levels at position ${maxFilterDepth + 1}.`
    )
    expect(passes(`${"not ".repeat(maxFilterDepth)}a == 1`, { a: 1 })).toBe(true)
    expect(refusal(`${"not ".repeat(maxFilterDepth + 1)}a == 1`)).toMatch(/nested deeper than 64 levels/)
    expect(refusal(`${"(not ".repeat(40)}a == 1${")".repeat(40)}`)).toMatch(/nested deeper/)
    expect(refusal("(".repeat(maxFilterLength))).toMatch(/nested deeper/)
    expect(refusal("(".repeat(1_000_000))).toBe(`${prefix}longer than ${maxFilterLength} characters.`)
    expect(refusal(`a == '${"x".repeat(maxFilterLength)}'`)).toMatch(/longer than/)
    // a long flat chain is fine: and/or do not nest
    const chain = Array.from({ length: 500 }, (_, i) => `a==${i % 10}`).join(" or ")
    expect(chain.length).toBeLessThanOrEqual(maxFilterLength)
    expect(passes(chain, { a: 9 })).toBe(true)
    expect(passes(chain, { a: 10 })).toBe(false)
    expect(filterFields(parsed(chain))).toEqual(["a"])
  })
})

describe("filter expressions, OFS's rules by example", () => {
  it("parse into the tree they state", () => {
    expect(parsed("activityDetails.activityType == 'Install'")).toEqual({
      _tag: "compare",
      field: "activityDetails.activityType",
      op: "==",
      value: { kind: "string", text: "Install" }
    })
    expect(parsed("not (activityType in ['IN','TC', -4])")).toEqual({
      _tag: "not",
      operand: {
        _tag: "in",
        field: "activityType",
        values: [
          { kind: "string", text: "IN" },
          { kind: "string", text: "TC" },
          { kind: "integer", text: "-4" }
        ]
      }
    })
    expect(filterFields(parsed("a == 1 and (b.c in [1] or not a != 'x') or activityDetails.X_MYPROP_10 > 0"))).toEqual([
      "a",
      "b.c",
      "activityDetails.X_MYPROP_10"
    ])
  })

  it("string literals: single quotes, ~ escapes the next character", () => {
    expect(passes("str == 'My string with ~' a quote inside'", { str: "My string with ' a quote inside" })).toBe(true)
    expect(passes("str == '~~'", { str: "~" })).toBe(true)
    expect(passes("str == 'a~b'", { str: "ab" })).toBe(true) // `~x` reads as x (OFS names only `~'`)
    expect(passes("str == 'ünïcödé 😀'", { str: "ÜNÏCÖDÉ 😀" })).toBe(true)
    expect(passes("str == '  spaced  '", { str: "  spaced  " })).toBe(true) // whitespace kept inside strings
    expect(passes("str == '  spaced  '", { str: "spaced" })).toBe(false)
  })

  it("strings compare case-insensitively, operators are case-insensitive, whitespace is ignored", () => {
    expect(passes("name == 'JOHN.SMITH'", { name: "john.smith" })).toBe(true)
    expect(passes("name != 'JOHN.SMITH'", { name: "john.smith" })).toBe(false)
    expect(passes("(num IN [1,2,3])  OR  (num < 0)", { num: -5 })).toBe(true)
    expect(passes("(num IN [1,2,3])  OR  (num < 0)", { num: 4 })).toBe(false)
    expect(passes("NoT(num in[1,2,3])AnD\n\tnum>=4", { num: 4 })).toBe(true)
    expect(passes("date > '2015-06-02'", { date: "2015-06-10" })).toBe(true)
    expect(passes("date > '2015-06-02'", { date: "2015-05-30" })).toBe(false)
    expect(passes("code < 'b'", { code: "A" })).toBe(true)
  })

  it("strings and integers coerce: both reading as integers compare as integers, else as strings", () => {
    for (const num of [-123, "-123"]) {
      expect(passes("num == -123", { num })).toBe(true)
      expect(passes("num == '-123'", { num })).toBe(true)
      expect(passes("num in ['-123']", { num })).toBe(true)
    }
    expect(passes("num < 10", { num: "9" })).toBe(true) // numerically, not as strings ('9' > '10')
    expect(passes("num < '10'", { num: 9 })).toBe(true)
    expect(passes("num == 0", { num: "-0" })).toBe(true)
    expect(passes("num == 7", { num: "007" })).toBe(false) // '007' is not an integer's own form: a string
    expect(passes("num > 10", { num: "abc" })).toBe(true) // 'abc' > '10' as strings
    const big = "123456789012345678901234567890"
    expect(passes(`num == ${big}`, { num: big })).toBe(true)
    expect(passes(`num == ${big}`, { num: "123456789012345678901234567891" })).toBe(false) // exact, not floating
    expect(passes("num == '1.5'", { num: 1.5 })).toBe(true) // numbers by their string form
    expect(passes("flag == 'TRUE'", { flag: true })).toBe(true) // booleans by their string form
  })

  it("a missing or null field reads as ''; fields resolve through nested objects", () => {
    expect(passes("non_existent_field == ''", {})).toBe(true)
    expect(passes("null_field == ''", { null_field: null })).toBe(true)
    expect(passes("null_field != ''", { null_field: null })).toBe(false)
    expect(passes("activityDetails.activityType == 'install'", { activityDetails: { activityType: "Install" } })).toBe(
      true
    )
    expect(passes("activityDetails.activityType == ''", { activityDetails: null })).toBe(true)
    expect(passes("user.name == ''", { user: "admin" })).toBe(true)
    expect(passes("activityDetails == ''", { activityDetails: { a: 1 } })).toBe(true) // an object is no value
    expect(passes("constructor == '' and toString == '' and __proto__.x == ''", {})).toBe(true) // own fields only
    expect(passes("missing in ['', 'x']", {})).toBe(true)
  })

  it("and/or share one precedence, left to right; not binds tighter; parentheses group", () => {
    const ev = { A: 1, B: 0, C: 0 }
    expect(passes("A == 1 or B == 2 and C == 3", ev)).toBe(false) // (A or B) and C
    expect(passes("A == 1 or (B == 2 and C == 3)", ev)).toBe(true)
    expect(passes("A == 1 and B == 2 or C == 0", ev)).toBe(true) // (A and B) or C
    expect(passes("A == 1 and (B == 2 or C == 3)", ev)).toBe(false)
    expect(passes("not A == 1 and B == 0", ev)).toBe(false) // (not A) and B
    expect(passes("not A == 2 and B == 0", ev)).toBe(true)
    expect(passes("not (A == 2 and B == 0)", ev)).toBe(true)
    expect(passes("A == 1 and not ( B == 2 or B == 3 )", ev)).toBe(true)
    expect(passes("not not A == 1", ev)).toBe(true)
    expect(passes("not (activityType in ['IN','TC','BR'])", { activityType: "tc" })).toBe(false)
  })

  it("refuses the forms OFS calls invalid, with OFS's message", () => {
    expect(refusal("'Install' == activityDetails.activityType")).toBe(
      `${prefix}a comparison starts with a field, not a value, at position 1.`
    )
    expect(refusal("A == B")).toBe(`${prefix}a field is compared with a value, not with another field, at position 6.`)
    expect(refusal("1 == 1")).toMatch(/starts with a field, not a value/)
    expect(refusal("enum in []")).toBe(`${prefix}an array literal may not be empty at position 10.`)
    expect(refusal("enum == [1]")).toBe(`${prefix}an array literal is only allowed after 'in' at position 9.`)
    expect(refusal("enum in 1")).toBe(`${prefix}'in' takes an array literal at position 9.`)
    expect(refusal("enum in [[1]]")).toMatch(/expected a string or integer literal at position 10/)
    expect(refusal("num == 012")).toBe(`${prefix}integer literal with leading zeros at position 8.`)
    expect(refusal("num == -05")).toMatch(/leading zeros/)
    expect(refusal("num == 1.5")).toBe(`${prefix}integer literal with a dot at position 8.`)
    expect(refusal("str == 'abc")).toBe(`${prefix}unterminated string literal at position 8.`)
    expect(refusal("")).toBe(`${prefix}the expression is empty.`)
    expect(refusal("  \n ")).toBe(`${prefix}the expression is empty.`)
    expect(refusal("a = 1")).toBe(`${prefix}unexpected character '=' at position 3.`)
    expect(refusal("a == é")).toBe(`${prefix}unexpected character 'é' at position 6.`)
    expect(refusal("a == - 1")).toMatch(/unexpected character '-'/)
    expect(refusal("a ==")).toBe(`${prefix}expected a string or integer literal at the end.`)
    expect(refusal("a")).toBe(`${prefix}expected a comparison operator at the end.`)
    expect(refusal("(a == 1")).toBe(`${prefix}expected ')' at the end.`)
    expect(refusal("a == 1)")).toBe(`${prefix}expected 'and' or 'or' at position 7.`)
    expect(refusal("a == 1 b == 2")).toMatch(/expected 'and' or 'or' at position 8/)
    expect(refusal("a == 1 and")).toBe(`${prefix}expected a field at the end.`)
    expect(refusal("and == 1")).toBe(`${prefix}expected a field at position 1.`)
    expect(refusal("not")).toMatch(/expected a field at the end/)
    expect(refusal("a. == 1")).toMatch(/unexpected character '\.'/)
    expect(refusal("a not in [1]")).toMatch(/expected a comparison operator/)
    expect(refusal(42 as unknown as string)).toBe(`${prefix}not a string.`)
  })
})
