// Set up before every test file of every @ofsc package (the vitest preset's setupFiles).
import fc from "fast-check"
import { afterEach } from "vitest"

// Replays a failed property test: fast-check prints `{ seed, path }` when a property fails; run the
// same test again with FC_SEED (and FC_PATH) set to those values and it starts from that case.
//   FC_SEED=-472106082 FC_PATH=185 npx vitest run test/paging.test.ts -t "nothing is fetched twice"
// A property that fixes its own seed keeps it (a call's own parameters win over these).
const seed = process.env.FC_SEED
if (seed !== undefined && seed.trim() !== "") {
  const path = process.env.FC_PATH
  fc.configureGlobal({
    seed: Number(seed),
    ...(path !== undefined && path.trim() !== "" ? { path: path.trim(), endOnFailure: true } : {})
  })
}

// Lets the worker's event loop turn after every test. A file of synchronous tests otherwise runs
// start to end in one turn, and the worker reads none of vitest's answers to its progress reports
// meanwhile; when such a file takes over 60 s (models' compiledDecoders under the whole suite's
// load on 2 cores: 69 s), the report's 60 s timer fires first and the run fails with
// `[vitest-worker]: Timeout calling "onTaskUpdate"`, though every test passed.
afterEach(() => new Promise((resolve) => setImmediate(resolve)))
