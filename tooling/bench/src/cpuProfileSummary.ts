/**
 * Sums a V8 .cpuprofile by where the time went: Effect's runtime, @effect/platform, undici, GC,
 * Node internals, @ofsc/core, idle; then the functions with the most self time.
 * Usage: npx tsx src/cpuProfileSummary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from "node:fs"

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const file = process.argv[2]
if (file === undefined) throw new Error("usage: cpuProfileSummary.ts <file.cpuprofile> [top]")
const top = Number(process.argv[3] ?? 25)
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile

const selfTime = new Map<number, number>()
profile.samples.forEach((id, i) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const total = [...selfTime.values()].reduce((a, b) => a + b, 0)

const categoryOf = (url: string, name: string): string => {
  if (url === "") return name
  if (url.includes("/effect/dist")) return "effect (runtime, Schema)"
  if (url.includes("@effect/platform-node")) return "@effect/platform-node"
  if (url.includes("@effect/platform")) return "@effect/platform"
  if (url.includes("undici")) return "undici"
  if (url.includes("packages/core")) return "@ofsc/core"
  if (url.startsWith("node:")) return "node internals"
  if (url.includes("tsx")) return "tsx loader"
  return "other JS"
}
const shortUrl = (url: string) =>
  url.replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "").replace(/^file:\/\/.*?\/packages\//, "packages/")

const byCategory = new Map<string, number>()
const byFunction = new Map<string, number>()
for (const node of profile.nodes) {
  const time = selfTime.get(node.id) ?? 0
  const { functionName, url, lineNumber } = node.callFrame
  const category = categoryOf(url, functionName)
  byCategory.set(category, (byCategory.get(category) ?? 0) + time)
  const key = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + time)
}

const print = (title: string, entries: Map<string, number>, count: number) => {
  console.log(`--- ${title}`)
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(
      `${((100 * time) / total).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${name}`
    )
  }
}
console.log(`${(total / 1000).toFixed(0)} ms sampled`)
print("by category", byCategory, 15)
print("by function (self time)", byFunction, top)
