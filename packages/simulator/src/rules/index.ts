/**
 * The OFS-specific behaviour the generic engine cannot infer from the operation table: shift
 * validation, work schedules and the calendars computed from them, the activity status lifecycle, events,
 * daily extract, file properties, plugin import and capacity quotas. Installed after the engine, so a rule's route
 * replaces the engine's generic handler for the same method and path.
 */
import type { SimulatorContext } from "../context.js"
import { installActivityLifecycle } from "./activityLifecycle.js"
import { installCalendars } from "./calendars.js"
import { installDailyExtract } from "./dailyExtract.js"
import { installEventSources } from "./eventSources.js"
import { installEvents } from "./events.js"
import { installFileProperties } from "./fileProperties.js"
import { installPlugins } from "./plugins.js"
import { installQuota } from "./quota.js"
import { installShifts } from "./shifts.js"
import { installWorkSchedules } from "./workSchedules.js"

/** Registers every OFS rule's routes on the simulator's router (after the engine's). */
export const installRules = (ctx: SimulatorContext): void => {
  // first, while the router still holds the engine's own handlers to wrap
  installEventSources(ctx)
  installQuota(ctx)
  installShifts(ctx)
  installWorkSchedules(ctx)
  installCalendars(ctx)
  installActivityLifecycle(ctx)
  installEvents(ctx)
  installDailyExtract(ctx)
  installFileProperties(ctx)
  installPlugins(ctx)
}
