/** Page sizes per list operation: OFS caps most lists at 100, a few differ (DIGEST section 2). */

/** How a list's `limit` is read: absent or 0 gives `fallback`, larger than `max` gives `max`. */
export interface LimitRule {
  readonly max: number
  readonly fallback: number
}

const standard: LimitRule = { max: 100, fallback: 100 }

const rules: Readonly<Record<string, LimitRule>> = {
  "core.activities.list": { max: 100_000, fallback: 100_000 },
  "core.activities.search": { max: 100, fallback: 10 },
  "core.resources.findNearbyActivities": { max: 100, fallback: 10 },
  "core.events.list": { max: 1000, fallback: 1000 },
  "statistics.activityDurationStats.list": { max: 10_000, fallback: 10_000 },
  "statistics.activityTravelStats.list": { max: 10_000, fallback: 10_000 },
  "statistics.airlineDistanceBasedTravel.list": { max: 10_000, fallback: 10_000 },
  "collaboration.addressBook.list": { max: 100, fallback: 10 },
  "collaboration.chats.participants.list": { max: 100, fallback: 10 }
}

/** The limit rule of an operation. */
export const limitRule = (operationId: string): LimitRule => rules[operationId] ?? standard

/** The offset and limit a query asks for, after OFS's defaults and caps. */
export const pageWindow = (
  query: URLSearchParams,
  rule: LimitRule
): { readonly offset: number; readonly limit: number } => {
  const offset = Math.max(0, Math.floor(Number(query.get("offset") ?? 0)) || 0)
  const asked = Math.floor(Number(query.get("limit") ?? 0)) || 0
  const limit = asked <= 0 ? rule.fallback : Math.min(asked, rule.max)
  return { offset, limit }
}
