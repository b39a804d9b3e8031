// Copies each example file into the README blocks that mirror it: `pnpm --filter @ofsc/examples readme:sync`.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { readmes, repoRoot, withExamples } from "../test/support/readmeBlocks.js"

for (const readme of readmes()) {
  const path = join(repoRoot, readme)
  const updated = withExamples(readme)
  if (updated !== readFileSync(path, "utf8")) {
    writeFileSync(path, updated)
    console.log(`updated ${readme}`)
  }
}
