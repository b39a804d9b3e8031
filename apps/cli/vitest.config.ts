import { packageTests } from "@ofsc/tooling/vitest"

// every test drives the built bin as a child process against a simulator: give them room
export default packageTests({ testTimeout: 120_000, hookTimeout: 120_000 })
