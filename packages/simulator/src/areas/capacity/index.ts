/** Capacity: booking statuses and quotas. */
import { type Behaviours, BehaviourTable, mergeBehaviours } from "../../engine/behaviour.js"
import type { SimulatorContext } from "../../engine/context.js"
import { updateBookingStatuses } from "./bookingStatuses.js"
import { quotaBehaviours } from "./quota.js"

/** Every behaviour of the capacity area. */
export const capacityBehaviours = (ctx: SimulatorContext): Behaviours =>
  mergeBehaviours([
    new BehaviourTable().answer("capacity.bookingStatuses.update", updateBookingStatuses).behaviours,
    quotaBehaviours(ctx)
  ])
