/**
 * The OFS areas: what OFS does beyond what the generic engine reads off the operation tables, one
 * folder per area (activities, resources, inventories, metadata, capacity, collaboration, events,
 * files), each giving its operations their behaviour by operation id (`../engine/behaviour.ts`).
 */
import { type Behaviours, mergeBehaviours } from "../engine/behaviour.js"
import type { SimulatorContext } from "../engine/context.js"
import { activityBehaviours } from "./activities/index.js"
import { capacityBehaviours } from "./capacity/index.js"
import { collaborationBehaviours } from "./collaboration/index.js"
import { eventBehaviours } from "./events/index.js"
import { fileBehaviours } from "./files/index.js"
import { inventoryBehaviours } from "./inventories/index.js"
import { metadataBehaviours } from "./metadata/index.js"
import { resourceBehaviours } from "./resources/index.js"

/** The behaviours of every area, by operation id, for one simulator. */
export const areaBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([
    activityBehaviours(ctx),
    resourceBehaviours(ctx),
    inventoryBehaviours(),
    metadataBehaviours(ctx),
    capacityBehaviours(ctx),
    collaborationBehaviours(),
    eventBehaviours(ctx),
    fileBehaviours(ctx)
  ])
