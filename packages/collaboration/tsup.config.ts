import { packageBuild } from "@ofsc/tooling/tsup"

export default packageBuild({ index: "src/index.ts" })
