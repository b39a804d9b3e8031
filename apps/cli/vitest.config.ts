import { packageTests } from "@ofsc/build-config/vitest"

// every test drives the built bin as child processes against a simulator: give them room, and
// run two files at once, since the tests mostly wait on their children
export default packageTests({ testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 2, minWorkers: 1 })
