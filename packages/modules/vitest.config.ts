import { packageTests } from "@ofsc/tooling/vitest"

export default packageTests()
