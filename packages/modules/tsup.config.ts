import { modularPackageBuild } from "@ofsc/build-config/tsup"

// the registry and the loaded modules are separate entries: importing the registry loads no API package
export default modularPackageBuild({ index: "src/index.ts", all: "src/all.ts" })
