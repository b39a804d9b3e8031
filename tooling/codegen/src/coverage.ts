/**
 * `pnpm api:coverage`: compares the operations of the OFS spec with the operation tables the API
 * packages ship (`packages/<pkg>/src/generated/operations.ts`), per module. Exits non-zero unless
 * every spec operation is in a table, and when a table holds an operation the spec does not have.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { modules, operations } from "./spec.js"
import { repoRoot } from "./writeFile.js"

/** One descriptor as read from a generated table. */
interface TableEntry {
  readonly pkg: string
  readonly constName: string
  readonly id: string
  readonly method: string
  readonly path: string
}

const descriptor =
  /export const (\w+) = (?:\/\* @__PURE__ \*\/ )?Operation\.make\(\{\s*id: "([^"]+)",\s*method: "([A-Z]+)",\s*path: "([^"]+)"/g
const operationsArray = /export const operations: ReadonlyArray<AnyOperation> = \[([^\]]*)\]/

/** Reads a package's table: its descriptors, and the names its `operations` array lists. */
const readTable = (pkg: string): { entries: ReadonlyArray<TableEntry>; listed: ReadonlySet<string> } => {
  const file = resolve(repoRoot, `packages/${pkg}/src/generated/operations.ts`)
  let source: string
  try {
    source = readFileSync(file, "utf8")
  } catch {
    return { entries: [], listed: new Set() }
  }
  const entries = [...source.matchAll(descriptor)].map(
    ([, constName, id, method, path]): TableEntry => ({
      pkg,
      constName: constName!,
      id: id!,
      method: method!,
      path: path!
    })
  )
  const list = operationsArray.exec(source)?.[1] ?? ""
  return {
    entries,
    listed: new Set(
      list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    )
  }
}

const key = (method: string, path: string) => `${method} ${path}`

const packages = [...new Set(modules.map((m) => m.pkg))]
const problems: Array<string> = []
const table = new Map<string, TableEntry>()
for (const pkg of packages) {
  const { entries, listed } = readTable(pkg)
  for (const entry of entries) {
    const k = key(entry.method, entry.path)
    const other = table.get(k)
    if (other) problems.push(`${k} is in two tables: ${other.id} (${other.pkg}) and ${entry.id} (${pkg})`)
    table.set(k, entry)
    if (!listed.has(entry.constName)) problems.push(`${entry.id} is missing from the operations array of ${pkg}`)
  }
}

const specKeys = new Set(operations.map((o) => key(o.method, o.path)))
const rows: Array<readonly [string, string, number, number]> = []
let covered = 0
for (const module of modules) {
  const own = operations.filter((o) => o.module === module)
  const inTable = own.filter((o) => table.has(key(o.method, o.path)))
  covered += inTable.length
  rows.push([module.key, `@ofsc/${module.pkg}`, own.length, inTable.length])
  for (const o of own) if (!table.has(key(o.method, o.path))) problems.push(`missing: ${key(o.method, o.path)}`)
}
for (const [k, entry] of table) {
  if (!specKeys.has(k)) problems.push(`not in the spec: ${entry.id} (${k}) in @ofsc/${entry.pkg}`)
}

const pad = (s: string | number, n: number) => String(s).padEnd(n)
console.log(`${pad("module", 15)}${pad("package", 22)}${pad("spec", 6)}table`)
for (const [module, pkg, spec, inTable] of rows) {
  console.log(`${pad(module, 15)}${pad(pkg, 22)}${pad(spec, 6)}${inTable}${inTable === spec ? "" : "  <-- incomplete"}`)
}
console.log(`${pad("total", 37)}${pad(operations.length, 6)}${covered}`)
console.log(`coverage: ${covered}/${operations.length} operations in the tables, ${table.size} descriptors in all`)
if (problems.length > 0) {
  console.error(problems.join("\n"))
  process.exitCode = 1
} else if (covered !== operations.length) {
  process.exitCode = 1
}
