// Finds the code blocks of the project's READMEs and the example file each one mirrors.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

/** The repository root, from this file's place in apps/examples/test/support. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url))

/** A fenced code block of a README, with the example file named by the marker line before it. */
export interface ReadmeBlock {
  readonly readme: string
  readonly line: number
  readonly lang: string
  readonly code: string
  readonly example: string | undefined
}

const marker = /^<!-- example: (\S+) -->$/
const fence = /^```(\S*)\s*$/

/** The README.md of the root and of every package and app, as paths relative to the root. */
export const readmes = (): ReadonlyArray<string> => {
  const found = ["README.md"]
  for (const dir of ["packages", "apps"]) {
    for (const name of readdirSync(join(repoRoot, dir)).sort()) {
      if (existsSync(join(repoRoot, dir, name, "README.md"))) found.push(`${dir}/${name}/README.md`)
    }
  }
  return found
}

/** Every fenced block of one README; `example` is set when the line before the fence is a marker. */
export const blocksOf = (readme: string): ReadonlyArray<ReadmeBlock> => {
  const lines = readFileSync(join(repoRoot, readme), "utf8").split("\n")
  const blocks: Array<ReadmeBlock> = []
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]!.trim())
    if (!open) continue
    const indent = lines[i]!.length - lines[i]!.trimStart().length
    const end = lines.findIndex((l, j) => j > i && l.trim() === "```")
    if (end < 0) throw new Error(`${readme}:${i + 1}: code block never closed`)
    const code = lines.slice(i + 1, end).map((l) => l.slice(indent))
    const example = marker.exec(lines[i - 1]?.trim() ?? "")?.[1]
    blocks.push({ readme, line: i + 1, lang: open[1] ?? "", code: `${code.join("\n")}\n`, example })
    i = end
  }
  return blocks
}

/** The example files under apps/examples/readme, relative to the root. */
export const exampleFiles = (): ReadonlyArray<string> => {
  const dir = join(repoRoot, "apps/examples/readme")
  return readdirSync(dir)
    .filter((f) => /\.(ts|cjs|mjs)$/.test(f))
    .sort()
    .map((f) => relative(repoRoot, join(dir, f)))
}

/** The README with every marked block replaced by its example file, as text. */
export const withExamples = (readme: string): string => {
  const lines = readFileSync(join(repoRoot, readme), "utf8").split("\n")
  for (const block of [...blocksOf(readme)].reverse()) {
    if (block.example === undefined) continue
    const end = lines.findIndex((l, j) => j >= block.line && l.trim() === "```")
    const indent = " ".repeat(lines[block.line - 1]!.length - lines[block.line - 1]!.trimStart().length)
    const code = readFileSync(join(repoRoot, block.example), "utf8").replace(/\n$/, "").split("\n")
    lines.splice(block.line, end - block.line, ...code.map((l) => (l === "" ? l : indent + l)))
  }
  return lines.join("\n")
}
