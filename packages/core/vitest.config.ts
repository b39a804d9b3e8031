import { packageTests } from "@ofsc/build-config/vitest"

export default packageTests()
