import { modularPackageBuild } from "@ofsc/build-config/tsup"

export default modularPackageBuild({ index: "src/index.ts" })
