/**
 * What the mirror keeps: which entities, and which activities (those whose date is in the window).
 * An activity whose date moves out of the window leaves the table as a tombstone, with its
 * customer, installed and deinstalled inventories and its links; one that moves in is read whole.
 */
import type { Json, MirrorEntity, ProjectionContext } from "../tables/tables.js"

/** The entities kept and the window of activity dates. */
export interface MirrorScope {
  readonly windowFrom: string
  readonly windowTo: string
  readonly activities: boolean
  readonly activityInventories: boolean
  readonly activityLinks: boolean
  readonly resources: boolean
  readonly resourceInventories: boolean
  readonly users: boolean
  readonly workSkills: boolean
  readonly workZones: boolean
  readonly workSchedules: boolean
}

/** Whether an activity (as OFS answers it) is one the mirror keeps. */
export const activityInWindow = (activity: Json, scope: MirrorScope): boolean => {
  const date = activity.date
  return scope.activities && typeof date === "string" && date >= scope.windowFrom && date <= scope.windowTo
}

/** What a run's loads, polls and refreshes share: what to keep, how to project it, where changes go. */
export interface MirrorRunContext {
  readonly scope: MirrorScope
  readonly projection: ProjectionContext
  /** The names of the webhook endpoints each change is queued for, by entity. */
  readonly endpointsFor: (entity: MirrorEntity) => ReadonlyArray<string>
  /** Records a resource's zone as it changes, so activity times follow it. */
  readonly noteResourceZone: (resourceId: string, zone: string | undefined) => void
}
