/**
 * `pnpm codegen`: regenerates the models (and, once present, the operation tables) from the spec.
 */
import { generateDecoders } from "./decoders.js"
import { generateFromPyofsc } from "./fromPyofsc.js"
import { generateModels } from "./models.js"
import { generateOperations, planOperations } from "./operations.js"
import { generateRegistry } from "./registry.js"
import { generateWritesDoc } from "./writesDoc.js"

const models = generateModels()
console.log(
  `models: ${models.definitions} definitions, ${models.inputs} Input variants, ${models.files.length} files, ${models.changed.length} changed`
)

const decoders = await generateDecoders()
console.log(
  `decoders: ${decoders.compiled} compiled, ${decoders.fallbacks.length} left to their Schema, ${decoders.changed.length} files changed`
)
for (const fallback of decoders.fallbacks) console.log(`  left to its Schema: ${fallback}`)

const ops = generateOperations()
console.log(
  `operations: ${ops.total} (${ops.perPackage.map((p) => `${p.pkg} ${p.operations}`).join(", ")}), ${ops.changed.length} files changed`
)

const registry = generateRegistry(planOperations())
console.log(`module registry: ${registry.length} files changed`)

const pyofsc = generateFromPyofsc()
console.log(`docs/from-pyofsc.md: ${pyofsc.rows} pyOFSC operations, ${pyofsc.changed ? "changed" : "unchanged"}`)

const writes = generateWritesDoc()
console.log(
  `docs/writes.md: ${writes.counts.idempotent} idempotent, ${writes.counts.verifiable} verifiable, ${writes.counts.unsafe} unsafe writes, ${writes.changed ? "changed" : "unchanged"}`
)
