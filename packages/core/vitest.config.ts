import { readFileSync } from "node:fs"
import { packageTests } from "@ofsc/tooling/vitest"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

// the same build-time version as tsup.config.ts writes in (src/internal/version.ts)
export default { ...packageTests(), define: { __OFSC_CORE_VERSION__: JSON.stringify(version) } }
