/**
 * Walks the OFS spec for the kinds of mistakes that made models refuse real answers, and lists them
 * as candidates for a hand-written correction (see specCorrections.ts):
 * - an id property (`...Id`) typed string in one place and integer in another;
 * - an operation whose success is declared only under `default`;
 * - a property whose description speaks of arrays where the type is an object, or of an object
 *   where the type is an array (including arrays of one object whose properties are all arrays:
 *   parallel arrays sent as one object).
 * It reads the full spec (descriptions included), which the repo does not keep.
 */
import { readFileSync } from "node:fs"

/** A schema node of the full spec: the facts plus its description. */
export interface DescribedNode {
  readonly $ref?: string
  readonly type?: string
  readonly description?: string
  readonly items?: DescribedNode
  readonly properties?: Readonly<Record<string, DescribedNode>>
  readonly allOf?: ReadonlyArray<DescribedNode>
  readonly additionalProperties?: DescribedNode | boolean
  readonly schema?: DescribedNode
}

/** The parts of the full spec the audit reads. */
export interface FullSpec {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  readonly definitions: Readonly<Record<string, DescribedNode>>
  readonly parameters?: Readonly<Record<string, DescribedNode & { readonly name: string; readonly in: string }>>
}

/** One finding, with a stable key the verdicts map names. */
export interface Candidate {
  readonly kind: "id-type" | "default-only" | "array-object"
  readonly key: string
  readonly detail: string
}

/** A node with the path the generator's hints use (`definition.prop[].prop`). */
interface Visited {
  readonly path: string
  readonly name: string | undefined
  readonly node: DescribedNode
}

/** Every node under a root, depth first, with its hint path and its property name. */
const walk = (node: DescribedNode, path: string, name: string | undefined, out: Array<Visited>): void => {
  out.push({ path, name, node })
  for (const part of node.allOf ?? []) walk(part, path, undefined, out)
  for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, `${path}.${k}`, k, out)
  if (node.items) walk(node.items, `${path}[]`, name, out)
  if (typeof node.additionalProperties === "object") walk(node.additionalProperties, `${path}{}`, undefined, out)
}

const methods = ["get", "post", "put", "patch", "delete"] as const

/** Every node of the spec: definitions, then the inline schemas of parameters and responses. */
const everyNode = (spec: FullSpec): ReadonlyArray<Visited> => {
  const out: Array<Visited> = []
  for (const [name, node] of Object.entries(spec.definitions)) walk(node, name, undefined, out)
  for (const [name, p] of Object.entries(spec.parameters ?? {})) walk(p, `parameter ${name}`, p.name, out)
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of methods) {
      const op = item[m] as
        | { parameters?: ReadonlyArray<DescribedNode & { name?: string }>; responses?: Record<string, DescribedNode> }
        | undefined
      if (!op) continue
      const where = `${m.toUpperCase()} ${path}`
      for (const p of op.parameters ?? []) {
        if (p.$ref) continue
        walk(p.schema ?? p, `${where} ${p.name ?? "body"}`, p.schema ? undefined : p.name, out)
      }
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (r.schema && !r.schema.$ref) walk(r.schema, `${where} ${status}`, undefined, out)
      }
    }
  }
  return out
}

const scalarType = (node: DescribedNode): string | undefined =>
  node.type === "string" || node.type === "integer" || node.type === "number" ? node.type : undefined

/** Id properties (`activityId`, `resourceInternalId`, ...) typed string somewhere and integer elsewhere. */
const idTypeCandidates = (nodes: ReadonlyArray<Visited>): ReadonlyArray<Candidate> => {
  const byName = new Map<string, Map<string, Array<string>>>()
  for (const { path, name, node } of nodes) {
    if (name === undefined || !/(Id|ID)$/.test(name) || path.endsWith("[]")) continue
    const type = scalarType(node)
    if (type === undefined) continue
    const types = byName.get(name) ?? new Map<string, Array<string>>()
    types.set(type, [...(types.get(type) ?? []), path])
    byName.set(name, types)
  }
  const out: Array<Candidate> = []
  for (const [name, types] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (types.size < 2) continue
    // the minority type is the candidate: each of its places is one finding
    const sorted = [...types.entries()].sort((a, b) => a[1].length - b[1].length)
    const [minority, places] = sorted[0]!
    const others = sorted
      .slice(1)
      .map(([t, p]) => `${t} in ${p.length}`)
      .join(", ")
    for (const place of places)
      out.push({ kind: "id-type", key: place, detail: `${name}: ${minority} here, ${others} place(s) elsewhere` })
  }
  return out
}

/** Operations whose only declared response is `default` and is not the error shape. */
const defaultOnlyCandidates = (spec: FullSpec): ReadonlyArray<Candidate> => {
  const out: Array<Candidate> = []
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of methods) {
      const op = item[m] as { responses?: Record<string, DescribedNode> } | undefined
      const statuses = Object.keys(op?.responses ?? {})
      if (!op || statuses.some((s) => /^2\d\d$/.test(s))) continue
      const schema = op.responses?.default?.schema
      const shape = schema?.$ref ?? schema?.type ?? "no schema"
      out.push({ kind: "default-only", key: `${m.toUpperCase()} ${path}`, detail: `only "default" (${shape})` })
    }
  }
  return out
}

const mentionsArray = (text: string): boolean => /\barrays?\b|\blist of\b/i.test(text)
const mentionsObject = (text: string): boolean => /\bobjects?\b/i.test(text)

/** Descriptions that contradict the declared array/object type. */
const arrayObjectCandidates = (nodes: ReadonlyArray<Visited>): ReadonlyArray<Candidate> => {
  const out: Array<Candidate> = []
  for (const { path, node } of nodes) {
    const text = node.description ?? ""
    if (text === "") continue
    const isArray = node.type === "array"
    // a definition's own description says how it is used (often as the item of some array), and an
    // envelope (`items`) or a map is "a list" by design: neither is a finding
    const isWhole = !path.includes(".") && !path.includes(" ")
    const isObject =
      !isArray &&
      !isWhole &&
      (node.type === "object" || node.properties !== undefined) &&
      node.properties?.items === undefined &&
      node.additionalProperties === undefined
    const item = node.items
    const itemProps = Object.entries(item?.properties ?? {})
    const parallel =
      isArray &&
      itemProps.length > 0 &&
      itemProps.every(([, p]) => p.type === "array") &&
      itemProps.some(([k]) => new RegExp(`["']${k}["'][^.]*\\barrays\\b|\\b${k}\\b[^.]*\\barrays\\b`).test(text))
    if (parallel) {
      out.push({
        kind: "array-object",
        key: path,
        detail: `array of one object whose properties (${itemProps.map(([k]) => k).join(", ")}) are the arrays the description names`
      })
    } else if (isArray && mentionsObject(text) && !mentionsArray(text) && item?.type !== "object" && !item?.$ref) {
      out.push({
        kind: "array-object",
        key: path,
        detail: `typed array of ${item?.type ?? "?"}, described as an object`
      })
    } else if (isObject && mentionsArray(text) && !mentionsObject(text)) {
      out.push({ kind: "array-object", key: path, detail: "typed object, described as an array" })
    }
  }
  return out
}

/** Every candidate of the spec, by kind. */
export const auditSpec = (spec: FullSpec): ReadonlyArray<Candidate> => {
  const nodes = everyNode(spec)
  return [...idTypeCandidates(nodes), ...defaultOnlyCandidates(spec), ...arrayObjectCandidates(nodes)]
}

/** Reads the full spec from a path (the default sits beside the repo, in ../shared/ofs-api). */
export const readFullSpec = (path: string): FullSpec => JSON.parse(readFileSync(path, "utf8")) as FullSpec
