/**
 * Schema failures as issues a person can read: one per path, `label: expected string, got 42`.
 * Effect's ArrayFormatter reports a union once per member, so an optional field (a union with
 * `undefined`, and `null` for lenient models) and an open enum (its literals, then `string`) would
 * list every member; the members that only make a field optional or an enum open are left out,
 * at the field's own path and where the real issue sits deeper inside it.
 */
import * as ParseResult from "effect/ParseResult"

/** One problem a schema found, at a path into the value (`[]` for the value itself). */
export interface SchemaIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** Schema messages quote the actual value; a whole page of items would make an unreadable error. */
const clip = (message: string): string => (message.length > 300 ? `${message.slice(0, 300)}…` : message)

/** `Expected X, actual Y` split in two; undefined for every other message (`is missing`, ...). */
const expectation = (message: string): { readonly expected: string; readonly actual: string } | undefined => {
  if (!message.startsWith("Expected ")) return undefined
  const at = message.indexOf(", actual ")
  if (at < 0) return undefined
  const expected = message
    .slice("Expected ".length, at)
    .replace(/ \((Type|Encoded) side\)$/, "")
    .replace(/^Struct$/, "an object")
  return { expected, actual: message.slice(at + ", actual ".length) }
}

/** The members worth naming: not the `undefined`/`null` of an optional field, nor an open enum's literals. */
const named = (expected: ReadonlyArray<string>): ReadonlyArray<string> => {
  const unique = [...new Set(expected)]
  const meaningful = unique.filter((e) => e !== "undefined" && e !== "null")
  const kept = meaningful.length > 0 ? meaningful : unique
  return kept.includes("string") ? kept.filter((e) => !/^".*"$/.test(e)) : kept
}

const orList = (items: ReadonlyArray<string>): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`

/** One readable message from the messages reported for one path. */
const readable = (messages: ReadonlyArray<string>): string => {
  const parsed = messages.map(expectation)
  const expectations = parsed.filter((p) => p !== undefined)
  const others = messages.filter((_, i) => parsed[i] === undefined)
  const parts = [...new Set(others)]
  if (expectations.length > 0) {
    const actual = expectations[0]!.actual
    parts.push(`expected ${orList(named(expectations.map((e) => e.expected)))}, got ${actual}`)
  }
  return clip(parts.join("; "))
}

/**
 * Turns a schema failure into issues with paths, one per path (what OfscInvalidInput and
 * OfscDecodeError carry).
 *
 * @example
 * const issues = issuesOf(Either.getLeftOrThrow(Schema.decodeUnknownEither(Shift)({ label: 1 })))
 */
export const issuesOf = (error: ParseResult.ParseError): ReadonlyArray<SchemaIssue> => {
  // a union reports once per member: gather them so each path appears once, in first-seen order
  const byPath = new Map<string, { path: ReadonlyArray<PropertyKey>; messages: Array<string> }>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const key = JSON.stringify(issue.path.map(String))
    const entry = byPath.get(key)
    if (entry === undefined) byPath.set(key, { path: issue.path, messages: [issue.message] })
    else entry.messages.push(issue.message)
  }
  const entries = [...byPath.values()]
  // an optional field whose value is wrong deeper down also reports "expected undefined" at its
  // own path: that member only says the field may be absent, so it goes when a deeper issue exists
  const kept = entries.filter(
    (e) =>
      !(
        e.messages.every(onlyAbsence) &&
        entries.some((o) => o.path.length > e.path.length && startsWith(o.path, e.path))
      )
  )
  return kept.map((e) => ({ path: e.path, message: readable(e.messages) }))
}

/** True for the message of a union member that only allows a field to be absent (or null). */
const onlyAbsence = (message: string): boolean => {
  const e = expectation(message)
  return e !== undefined && (e.expected === "undefined" || e.expected === "null")
}

const startsWith = (path: ReadonlyArray<PropertyKey>, prefix: ReadonlyArray<PropertyKey>): boolean =>
  prefix.every((key, i) => String(path[i]) === String(key))
