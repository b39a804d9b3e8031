/**
 * Makes the facts-only copy of the OFS spec that the generator reads: paths, parameters, types,
 * formats, enums, required lists, bounds and references. Prose (descriptions, summaries, titles,
 * examples) is dropped, so the repo keeps no text of the spec's authors.
 *
 *   pnpm --filter @ofsc/codegen spec [path/to/swagger.json]   (default: ../shared/ofs-api/swagger.json)
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const prose = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "x-example"])

/** Copies a spec node without its prose, keeping object keys in their original order. */
export const stripProse = (node: unknown, key?: string): unknown => {
  if (Array.isArray(node)) return node.map((n) => stripProse(n))
  if (node === null || typeof node !== "object") return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) {
    // under `properties` and `definitions`, keys are names (a property may be called "title")
    const isNameMap =
      key === "properties" || key === "definitions" || key === "paths" || key === "parameters" || key === "responses"
    if (!isNameMap && prose.has(k)) continue
    out[k] = stripProse(v, isNameMap ? undefined : k)
  }
  return out
}

const here = fileURLToPath(new URL(".", import.meta.url))
const source = process.argv[2] ?? `${here}../../../../shared/ofs-api/swagger.json`
const spec = JSON.parse(readFileSync(source, "utf8")) as Record<string, unknown>
const facts = stripProse({
  swagger: spec.swagger,
  info: { version: (spec.info as { version?: string } | undefined)?.version },
  paths: spec.paths,
  parameters: spec.parameters,
  definitions: spec.definitions
})
writeFileSync(`${here}../spec/ofs.facts.json`, `${JSON.stringify(facts, null, 1)}\n`)
console.log(`wrote spec/ofs.facts.json from ${source}`)
