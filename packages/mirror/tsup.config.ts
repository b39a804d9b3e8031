import { modularPackageBuild, packageBuild } from "@ofsc/build-config/tsup"

// The library, and the child process MirrorSync runs (CommonJS only, loaded by file next to the
// library's build; see src/sync/MirrorSync.ts).
export default [
  ...modularPackageBuild({ index: "src/index.ts" }),
  packageBuild({ mirrorChild: "src/sync/child.ts" }, { format: ["cjs"], dts: false, clean: false })
]
