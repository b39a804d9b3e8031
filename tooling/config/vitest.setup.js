// Replays a failed property test: fast-check prints `{ seed, path }` when a property fails; run the
// same test again with FC_SEED (and FC_PATH) set to those values and it starts from that case.
//   FC_SEED=-472106082 FC_PATH=185 npx vitest run test/paging.test.ts -t "nothing is fetched twice"
// A property that fixes its own seed keeps it (a call's own parameters win over these).
import fc from "fast-check"

const seed = process.env.FC_SEED
if (seed !== undefined && seed.trim() !== "") {
  const path = process.env.FC_PATH
  fc.configureGlobal({
    seed: Number(seed),
    ...(path !== undefined && path.trim() !== "" ? { path: path.trim(), endOnFailure: true } : {})
  })
}
