// Sums the vitest JSON reports of every package (<pkg>/.vitest/results.json) into one line for CI:
// "N passed, N failed" (", N skipped" when any were skipped). Exits 1 when a report is missing or broken.
// A package reports when it has a `test` script (run by `pnpm test`) or a `test:tarballs` one (run
// by .ci/run after the build).
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const roots = ["packages", "apps", "tooling"]
let passed = 0
let failed = 0
let skipped = 0
let broken = false
for (const root of roots) {
  if (!existsSync(root)) continue
  for (const name of readdirSync(root)) {
    const dir = join(root, name)
    const pkg = join(dir, "package.json")
    const scripts = existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).scripts : undefined
    if (!scripts?.test && !scripts?.["test:tarballs"]) continue
    const report = join(dir, ".vitest", "results.json")
    if (!existsSync(report)) {
      console.error(`no test report from ${dir}`)
      broken = true
      continue
    }
    const r = JSON.parse(readFileSync(report, "utf8"))
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
    // a file that fails to load has no failed tests of its own: count it once
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites
    console.error(`${dir}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
  }
}
if (broken) failed += 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(failed > 0 ? 1 : 0)
