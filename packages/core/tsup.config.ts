import { readFileSync } from "node:fs"
import { modularPackageBuild } from "@ofsc/tooling/tsup"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

// the version goes into the User-Agent (src/internal/version.ts), fixed at build time
export default modularPackageBuild(
  { index: "src/index.ts" },
  { define: { __OFSC_CORE_VERSION__: JSON.stringify(version) } }
)
