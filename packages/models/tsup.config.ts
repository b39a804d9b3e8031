import { modularPackageBuild } from "@ofsc/build-config/tsup"

// One entry per API module; the ESM build keeps one file per source file, so bundlers drop unused modules.
export default modularPackageBuild(
  {
    index: "src/index.ts",
    core: "src/core.ts",
    metadata: "src/metadata.ts",
    capacity: "src/capacity.ts",
    statistics: "src/statistics.ts",
    "parts-catalog": "src/parts-catalog.ts",
    collaboration: "src/collaboration.ts",
    auth: "src/auth.ts"
  },
  {}
)
