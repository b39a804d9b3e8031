/**
 * What each technician is assigned besides a schedule: work skills with ratios (two or three of the
 * catalog's, the first at full ratio) and work zones (the home zone at 100 %, and for every second
 * technician a neighbouring zone at 50 % on Mondays and Tuesdays). Only active zones are assigned.
 */

import type { SimRecord } from "../state/record.js"
import type { IdCounter } from "./ids.js"

/** The work skill catalog's labels. */
export const workSkillLabels = ["electrical", "plumbing", "fiber", "hvac", "safety", "climbing"] as const

/** The work skills of the `t`-th technician (from 0). */
export const technicianWorkSkills = (t: number, startDate: string): ReadonlyArray<SimRecord> => {
  const count = 2 + (t % 2)
  return Array.from({ length: count }, (_, k) => ({
    workSkill: workSkillLabels[(t + k * 2) % workSkillLabels.length],
    ratio: k === 0 ? 100 : 50 + ((t * 7 + k * 13) % 50),
    startDate
  }))
}

/** The work zones of the `t`-th technician: `zones` are the active zone labels, `home` its own zone. */
export const technicianWorkZones = (
  t: number,
  home: string,
  zones: ReadonlyArray<string>,
  startDate: string,
  ids: IdCounter
): ReadonlyArray<SimRecord> => {
  const items: Array<SimRecord> = [
    {
      workZoneItemId: ids.next(),
      workZone: home,
      ratio: 100,
      type: "regular",
      recurrence: "daily",
      recurEvery: 1,
      startDate
    }
  ]
  const neighbour = zones[(zones.indexOf(home) + 1) % zones.length]
  if (t % 2 === 1 && neighbour !== undefined && neighbour !== home) {
    items.push({
      workZoneItemId: ids.next(),
      workZone: neighbour,
      ratio: 50,
      type: "regular",
      recurrence: "weekly",
      recurEvery: 1,
      weekdays: ["Mon", "Tue"],
      startDate
    })
  }
  return items
}
