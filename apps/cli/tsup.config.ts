import { packageBuild } from "@ofsc/tooling/tsup"
import { defineConfig } from "tsup"

// the library entry ships ESM + CJS with types; the bin is ESM only, split into chunks so that
// `ofsc --version` and `ofsc --help` load only what they need (and no .d.ts: it starts with #!)
export default defineConfig([
  packageBuild({ index: "src/index.ts" }),
  { ...packageBuild({ bin: "src/bin.ts" }, { dts: false }), format: ["esm"], splitting: true, clean: false }
])
