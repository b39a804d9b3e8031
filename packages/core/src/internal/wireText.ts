/**
 * What may go into the parts of a request that are text: path segments, query values and headers.
 * Each check answers the problem in words, or undefined when the value can go on the wire as it is.
 */

/** C0 controls and DEL: they end or split an HTTP line, or turn into nothing a server can read. */
const hasControlChar = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

/** In a `u` regex a surrogate pair is one code point, so this matches only unpaired halves. */
const loneSurrogate = /[\uD800-\uDFFF]/u

/** A string that is not valid Unicode text cannot be encoded as UTF-8 without changing it. */
export const textProblem = (text: string): string | undefined =>
  loneSurrogate.test(text) ? "holds a lone surrogate, which is not valid Unicode text" : undefined

/**
 * A path parameter fills exactly one segment. Empty, `.` and `..` would change which resource the
 * URL names (URL parsers resolve dot segments), and control characters have no place in a URL.
 */
export const pathSegmentProblem = (value: string): string | undefined => {
  if (value === "") return "must not be empty"
  if (value === "." || value === "..") return `must not be "${value}" (a dot segment would change the path)`
  if (hasControlChar(value)) return "must not hold control characters"
  return textProblem(value)
}

/** A path given whole (the escape hatch): anything a URL can carry, but no control characters. */
export const rawPathProblem = (path: string): string | undefined =>
  hasControlChar(path) ? "must not hold control characters" : textProblem(path)

/** The kind of a value, for messages: `an object`, `a function`, `NaN`. */
export const describeValue = (value: unknown): string => {
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "number") return String(value)
  if (typeof value === "object") {
    const name = Object.getPrototypeOf(value)?.constructor?.name
    return typeof name === "string" && name !== "Object" ? `a ${name}` : "an object"
  }
  return typeof value === "bigint" ? "a BigInt" : `a ${typeof value}`
}

/** One scalar in a query string or form body. OFS reads numbers as decimal text: they must be finite. */
const scalarText = (value: unknown): { readonly text: string } | { readonly problem: string } => {
  switch (typeof value) {
    case "string": {
      const problem = textProblem(value)
      return problem === undefined ? { text: value } : { problem }
    }
    case "number":
      return Number.isFinite(value) ? { text: String(value) } : { problem: `must be a finite number, not ${value}` }
    case "boolean":
    case "bigint":
      return { text: String(value) }
    default:
      return { problem: `cannot be sent as text (it is ${describeValue(value)})` }
  }
}

/** Where a problem is, relative to the value checked, and what it is. */
export interface WireProblem {
  readonly at: ReadonlyArray<PropertyKey>
  readonly message: string
}

/**
 * A query or form value as OFS takes it: lists comma-separated (so an element must not hold a
 * comma: it would arrive as two), booleans as `true`/`false`. Null and undefined leave the key out.
 */
export const queryText = (
  value: unknown
): { readonly text: string | undefined } | { readonly problems: ReadonlyArray<WireProblem> } => {
  if (value === undefined || value === null) return { text: undefined }
  if (!Array.isArray(value)) {
    const one = scalarText(value)
    return "text" in one ? one : { problems: [{ at: [], message: one.problem }] }
  }
  const texts: Array<string> = []
  const problems: Array<WireProblem> = []
  value.forEach((element: unknown, i) => {
    const one = scalarText(element)
    if ("problem" in one) problems.push({ at: [i], message: one.problem })
    else if (one.text.includes(",")) {
      problems.push({ at: [i], message: "must not hold a comma: OFS splits list values on commas" })
    } else texts.push(one.text)
  })
  return problems.length > 0 ? { problems } : { text: texts.join(",") }
}

const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const quoted = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"'
/** `type/subtype` with optional `; name=value` parameters, as RFC 9110 writes a media type. */
const mediaType = new RegExp(`^${token}/${token}(?:[ \\t]*;[ \\t]*${token}=(?:${token}|${quoted}))*[ \\t]*$`)

/** A media type that can go into a `content-type` header. */
export const mediaTypeProblem = (value: string): string | undefined =>
  mediaType.test(value) ? undefined : `"${value.slice(0, 80)}" is not a media type (type/subtype[; name=value])`

/** A file name that can go into a `content-disposition` header (non-ASCII is fine: it is encoded). */
export const fileNameProblem = (value: string): string | undefined => {
  if (value === "") return "must not be empty"
  if (hasControlChar(value)) return "must not hold control characters"
  return textProblem(value)
}

/** RFC 5987 attr-char leaves fewer characters alone than encodeURIComponent does. */
const extValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * `attachment; filename="..."` for a checked file name; a name that is not plain printable ASCII
 * gets an ASCII fallback plus the exact name as `filename*` (RFC 6266, RFC 5987).
 */
export const contentDisposition = (fileName: string): string => {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/gu, "_")
  return fallback === fileName
    ? `attachment; filename="${fileName}"`
    : `attachment; filename="${fallback}"; filename*=UTF-8''${extValue(fileName)}`
}
