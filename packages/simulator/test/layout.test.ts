/**
 * The simulator's layers run one way: the package surface over the HTTP edge, over the OFS areas,
 * over the generic engine, over state and seed data. No file imports from a layer above its own
 * (type-only imports included), and no files import each other in a circle.
 */
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src")

/** Every .ts file under src, relative to it. */
const sources = (dir = src): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [relative(src, join(dir, entry.name))]
        : []
  )

/** The rank of a file's layer: the higher, the closer to HTTP. */
const layerOf = (file: string): number => {
  const top = file.split("/")[0]
  if (top === "state" || top === "data") return 0
  if (top === "engine") return 1
  if (top === "areas") return 2
  if (top === "edge") return 3
  return 4
}

/** The src files a file imports (relative specifiers only; `.js` names the `.ts` source). */
const importsOf = (file: string): Array<string> => {
  const text = readFileSync(join(src, file), "utf8")
  const found: Array<string> = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^"']*?from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = relative(src, resolve(dirname(join(src, file)), m[1] as string)).replace(/\.js$/, ".ts")
    found.push(target)
  }
  return found
}

describe("the simulator's layout", () => {
  const files = sources()
  const graph = new Map(files.map((file) => [file, importsOf(file)]))

  it("reads every source file and finds the imports between them", () => {
    expect(files.length).toBeGreaterThan(60)
    for (const [file, targets] of graph)
      for (const target of targets) expect(files, `${file} → ${target}`).toContain(target)
    expect(graph.get("Simulator.ts")).toContain("areas/index.ts")
  })

  it("no file imports from a layer above its own", () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => layerOf(target) > layerOf(file)).map((target) => `${file} → ${target}`)
    )
    expect(upward).toEqual([])
  })

  it("no import circles", () => {
    const circles: Array<string> = []
    const state = new Map<string, "open" | "done">()
    const visit = (file: string, path: Array<string>) => {
      if (state.get(file) === "done") return
      if (state.get(file) === "open") {
        circles.push([...path.slice(path.indexOf(file)), file].join(" → "))
        return
      }
      state.set(file, "open")
      for (const target of graph.get(file) ?? []) visit(target, [...path, file])
      state.set(file, "done")
    }
    for (const file of files) visit(file, [])
    expect(circles).toEqual([])
  })
})
