/** Files: file properties of entities and the daily extract. */
import { type Behaviours, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { dailyExtractBehaviours } from "./dailyExtract.js"
import { filePropertyBehaviours } from "./fileProperties.js"

/** Every behaviour of the files area. */
export const fileBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([filePropertyBehaviours(ctx), dailyExtractBehaviours(ctx)])
