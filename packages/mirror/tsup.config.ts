import { modularPackageBuild } from "@ofsc/tooling/tsup"

export default modularPackageBuild({ index: "src/index.ts" })
