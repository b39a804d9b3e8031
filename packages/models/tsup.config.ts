import { packageBuild } from "@ofsc/tooling/tsup"

// One entry per API module; splitting keeps definitions shared between modules in common chunks.
export default packageBuild(
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
  { splitting: true }
)
