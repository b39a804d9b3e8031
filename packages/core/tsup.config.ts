import { readFileSync } from "node:fs"
import { modularPackageBuild } from "@ofsc/build-config/tsup"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

// the version goes into the User-Agent (src/internal/version.ts), fixed at build time; errors and
// config are entries of their own (@ofsc/core/errors, @ofsc/core/config) that share their code with
// the index through chunks, so each class exists once whichever entry loads it
export default modularPackageBuild(
  { index: "src/index.ts", errors: "src/errors.ts", config: "src/config.ts" },
  { define: { __OFSC_CORE_VERSION__: JSON.stringify(version) } }
)
