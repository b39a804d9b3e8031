/**
 * Users as a tenant has them: one technician login per field resource (user0001 for the first),
 * a dispatcher per bucket and an administrator over the whole organization, each with its
 * resources, language, time zone and user type.
 */

import type { SimRecord } from "../state/record.js"
import { pad } from "./dates.js"

const common = { status: "active", language: "en", timeZone: "Eastern", timeZoneIANA: "America/New_York" }

/** The users: technicians first, then dispatchers, then the administrator. */
export const seedUsers = (
  technicians: ReadonlyArray<SimRecord>,
  buckets: ReadonlyArray<SimRecord>,
  rootId: string
): ReadonlyArray<SimRecord> => [
  ...technicians.map((r, i) => ({
    login: `user${pad(i + 1, 4)}`,
    name: r.name,
    ...common,
    userType: "technician",
    mainResourceId: r.resourceId,
    resources: [r.resourceId],
    selfAssignment: false
  })),
  ...buckets.map((b, i) => ({
    login: `dispatch${pad(i + 1, 3)}`,
    name: `Dispatcher ${b.name}`,
    ...common,
    userType: "dispatcher",
    mainResourceId: b.resourceId,
    resources: [b.resourceId],
    selfAssignment: true
  })),
  {
    login: "admin",
    name: "Administrator",
    ...common,
    userType: "admin",
    mainResourceId: rootId,
    resources: [rootId],
    selfAssignment: true
  }
]
