import { packageBuild } from "@ofsc/build-config/tsup"

// the bin is built beside the library but gets no type declarations (only the library entry does)
export default packageBuild(
  { index: "src/index.ts", command: "src/command.ts", bin: "src/bin.ts" },
  { dts: { entry: { index: "src/index.ts", command: "src/command.ts" } } }
)
