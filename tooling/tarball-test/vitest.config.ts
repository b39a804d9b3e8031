import { packageTests } from "@ofsc/build-config/vitest"

// packing, one npm install from the registry and two tsc runs: minutes, not seconds
export default packageTests({ testTimeout: 400_000, hookTimeout: 600_000 })
