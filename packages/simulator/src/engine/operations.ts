/** Every OFS operation the simulator answers: the flat tables of the six API packages. */
import { CapacityOperations } from "@ofsc/capacity"
import { CollaborationOperations } from "@ofsc/collaboration"
import { type AnyOperation, CoreOperations } from "@ofsc/core"
import { MetadataOperations } from "@ofsc/metadata"
import { PartsCatalogOperations } from "@ofsc/parts-catalog"
import { StatisticsOperations } from "@ofsc/statistics"

/** All 243 operation descriptors, in table order. */
export const allOperations: ReadonlyArray<AnyOperation> = [
  ...CoreOperations.operations,
  ...MetadataOperations.operations,
  ...CapacityOperations.operations,
  ...StatisticsOperations.operations,
  ...PartsCatalogOperations.operations,
  ...CollaborationOperations.operations
]
