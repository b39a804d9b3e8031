/** Metadata: shifts, plugins, routing plans and application secrets. */
import { type Behaviours, BehaviourTable, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { generateClientSecret } from "./applications.js"
import { pluginBehaviours } from "./plugins.js"
import { exportRoutingPlan, forceImportRoutingPlan, importRoutingPlan, startRoutingPlan } from "./routingPlans.js"
import { shiftBehaviours } from "./shifts.js"

/** Every behaviour of the metadata area. */
export const metadataBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([
    new BehaviourTable()
      .answer("metadata.applications.generateClientSecret", generateClientSecret)
      .answer("metadata.routingProfiles.plans.import", importRoutingPlan)
      .answer("metadata.routingProfiles.plans.forceImport", forceImportRoutingPlan)
      .answer("metadata.routingProfiles.plans.export", exportRoutingPlan)
      .answer("metadata.routingProfiles.plans.start", startRoutingPlan).behaviours,
    shiftBehaviours(ctx),
    pluginBehaviours(ctx)
  ])
