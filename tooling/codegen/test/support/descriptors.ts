/** Every generated descriptor, read from the API packages' sources (the codegen tests need no build). */
import * as Capacity from "../../../../packages/capacity/src/generated/operations.js"
import * as Collaboration from "../../../../packages/collaboration/src/generated/operations.js"
import * as Core from "../../../../packages/core/src/generated/operations.js"
import * as Metadata from "../../../../packages/metadata/src/generated/operations.js"
import * as PartsCatalog from "../../../../packages/parts-catalog/src/generated/operations.js"
import * as Statistics from "../../../../packages/statistics/src/generated/operations.js"

/** The 243 descriptors, module by module in spec order. */
export const descriptors = [Core, Metadata, Capacity, Statistics, PartsCatalog, Collaboration].flatMap(
  (m) => m.operations
)
