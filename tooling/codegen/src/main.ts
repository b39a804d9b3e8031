/**
 * `pnpm codegen`: regenerates the models (and, once present, the operation tables) from the spec.
 */
import { generateModels } from "./models.js"
import { generateOperations } from "./operations.js"

const models = generateModels()
console.log(
  `models: ${models.definitions} definitions, ${models.inputs} Input variants, ${models.files.length} files, ${models.changed.length} changed`
)

const ops = generateOperations()
console.log(
  `operations: ${ops.total} (${ops.perPackage.map((p) => `${p.pkg} ${p.operations}`).join(", ")}), ${ops.changed.length} files changed`
)
