import { packageBuild } from "@ofsc/tooling/tsup"

// the worker is its own entry: the worker thread loads it by file, next to index.(c)js
export default packageBuild({ index: "src/index.ts", worker: "src/worker.ts" })
