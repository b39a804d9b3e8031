/**
 * JSON request bodies checked before they are serialised, so a value JSON cannot carry is reported
 * with where it is instead of throwing (a cycle, a BigInt) or silently changing on the way (a
 * function dropped, NaN sent as null, a Map sent as `{}`). Encoding is strict: the body sent is the
 * body given.
 */
import { describeValue, textProblem, type WireProblem } from "./wireText.js"

/** How deep a body may nest. OFS bodies are a few levels deep; far deeper is a bug, or a cycle by hand. */
export const maxDepth = 200

/** Objects JSON.stringify turns into `{}` or into their indexes: data would be lost without a word. */
const mangled = (value: object): boolean =>
  value instanceof Map ||
  value instanceof Set ||
  value instanceof WeakMap ||
  value instanceof WeakSet ||
  value instanceof Promise ||
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value)

interface Walk {
  /** Only cycles and depth: what would make a schema recurse for ever. */
  readonly structureOnly: boolean
  readonly ancestors: Set<object>
  readonly at: Array<PropertyKey>
  readonly problems: Array<WireProblem>
}

const report = (walk: Walk, message: string): void => {
  walk.problems.push({ at: [...walk.at], message })
}

const visit = (walk: Walk, value: unknown, inList: boolean, written = false): void => {
  switch (typeof value) {
    case "string": {
      const problem = walk.structureOnly ? undefined : textProblem(value)
      if (problem !== undefined) report(walk, problem)
      return
    }
    case "number":
      if (!walk.structureOnly && !Number.isFinite(value)) report(walk, `must be a finite number, not ${value}`)
      return
    case "boolean":
      return
    case "undefined":
      // an absent optional field is left out; in a list JSON would have to invent a null
      if (!walk.structureOnly && inList) report(walk, "a list cannot hold undefined in JSON")
      return
    case "object":
      if (value !== null) visitObject(walk, value, written)
      return
    default:
      if (!walk.structureOnly) report(walk, `cannot be sent as JSON (it is ${describeValue(value)})`)
  }
}

/** `written`: the value is what a toJSON answered, which JSON writes as it is (no second toJSON). */
const visitObject = (walk: Walk, value: object, written: boolean): void => {
  if (walk.ancestors.has(value)) {
    report(walk, "refers back to an object that contains it (a cycle)")
    return
  }
  if (walk.at.length > maxDepth) {
    report(walk, `nests deeper than ${maxDepth} levels`)
    return
  }
  const toJSON = written ? undefined : (value as { readonly toJSON?: unknown }).toJSON
  if (typeof toJSON === "function") {
    // a Date and its kind say how they are written; what they answer must itself be JSON
    if (walk.structureOnly) return
    let answer: unknown
    try {
      answer = toJSON.call(value, String(walk.at[walk.at.length - 1] ?? ""))
    } catch (error) {
      report(walk, `its toJSON failed: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    visit(walk, answer, false, true)
    return
  }
  if (mangled(value)) {
    // nothing to walk into (and a typed array's indexes would take long)
    if (!walk.structureOnly) report(walk, `cannot be sent as JSON (it is ${describeValue(value)})`)
    return
  }
  walk.ancestors.add(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      walk.at.push(i)
      visit(walk, value[i], true)
      walk.at.pop()
    }
  } else {
    for (const key of Object.keys(value)) {
      walk.at.push(key)
      const problem = walk.structureOnly ? undefined : textProblem(key)
      if (problem !== undefined) report(walk, `its key ${problem}`)
      visit(walk, (value as Record<string, unknown>)[key], false)
      walk.at.pop()
    }
  }
  walk.ancestors.delete(value)
}

/** Cycles and excessive depth, found before a schema walks the value (it would never stop). */
export const structureProblems = (value: unknown): ReadonlyArray<WireProblem> => {
  const walk: Walk = { structureOnly: true, ancestors: new Set(), at: [], problems: [] }
  visit(walk, value, false)
  return walk.problems
}

/** The body as JSON text, or every place in it that JSON cannot carry as it is. */
export const toJsonText = (
  value: unknown
): { readonly text: string } | { readonly problems: ReadonlyArray<WireProblem> } => {
  const walk: Walk = { structureOnly: false, ancestors: new Set(), at: [], problems: [] }
  visit(walk, value, false)
  if (walk.problems.length > 0) return { problems: walk.problems }
  // undefined at the top (an optional body left out) sends no text at all
  return { text: JSON.stringify(value) ?? "" }
}
