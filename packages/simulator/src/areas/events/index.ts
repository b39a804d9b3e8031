/** Events: subscriptions, the cursor walk over the log, and the events the plain writes publish. */
import { type Behaviours, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { eventSourceBehaviours } from "./sources.js"
import { subscriptionBehaviours } from "./subscriptions.js"

/** Every behaviour of the events area. */
export const eventBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([subscriptionBehaviours(ctx), eventSourceBehaviours(ctx)])
