/**
 * Users as a tenant has them: one technician login per field resource (user0001 for the first),
 * a dispatcher per bucket and an administrator over the whole organization, each with its
 * resources, language, time zone (its main resource's) and user type.
 */

import type { SimRecord } from "../state/record.js"
import { pad } from "./dates.js"
import { defaultTimeZone } from "./timeZones.js"

/** What every user shares, and the time zone of its main resource (the organisation's when it has none). */
const common = (main: SimRecord | undefined) => ({
  status: "active",
  language: "en",
  timeZone: main?.timeZone ?? defaultTimeZone.name,
  timeZoneIANA: main?.timeZoneIANA ?? defaultTimeZone.iana
})

/** The users: technicians first, then dispatchers, then the administrator. */
export const seedUsers = (
  technicians: ReadonlyArray<SimRecord>,
  buckets: ReadonlyArray<SimRecord>,
  root: SimRecord
): ReadonlyArray<SimRecord> => [
  ...technicians.map((r, i) => ({
    login: `user${pad(i + 1, 4)}`,
    name: r.name,
    ...common(r),
    userType: "technician",
    mainResourceId: r.resourceId,
    resources: [r.resourceId],
    selfAssignment: false
  })),
  ...buckets.map((b, i) => ({
    login: `dispatch${pad(i + 1, 3)}`,
    name: `Dispatcher ${b.name}`,
    ...common(b),
    userType: "dispatcher",
    mainResourceId: b.resourceId,
    resources: [b.resourceId],
    selfAssignment: true
  })),
  {
    login: "admin",
    name: "Administrator",
    ...common(root),
    userType: "admin",
    mainResourceId: root.resourceId,
    resources: [root.resourceId],
    selfAssignment: true
  }
]
