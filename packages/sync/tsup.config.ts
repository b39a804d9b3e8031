import { packageBuild } from "@ofsc/build-config/tsup"

// The library entry ships ESM + CJS; the worker is its own entry, loaded by file next to
// index.(c)js, and only as CommonJS (see src/workerLocation.ts), so it has no ESM build or types.
export default [
  packageBuild({ index: "src/index.ts" }),
  packageBuild({ worker: "src/worker.ts" }, { format: ["cjs"], dts: false, clean: false })
]
