/**
 * Shifts and work schedules as a tenant has them: regular day, early and late shifts grouped into
 * named schedules, on-call shifts in every colour (and the README's on-call shift `blue`), and per
 * technician a weekly schedule, a fortnightly on-call weekend for some, and non-working days with
 * their reasons (a company holiday for everyone, vacations, sick days, on-call days off).
 */

import type { SimRecord } from "../state/record.js"
import { addDays } from "./dates.js"
import type { IdCounter } from "./ids.js"

const colours = ["yellow", "orange", "red", "blue", "green", "purple"] as const

/** The shift catalog: on-call shifts per colour, `blue`, and the regular shifts (`evening` is used by no schedule). */
export const seedShifts: ReadonlyArray<SimRecord> = [
  ...colours.map((colour) => ({
    label: `${colour}_oncall`,
    name: `On call (${colour})`,
    active: true,
    type: "on-call",
    decoration: colour,
    workTimeStart: "18:00:00",
    workTimeEnd: "23:00:00"
  })),
  {
    label: "blue",
    name: "blue",
    active: true,
    type: "on-call",
    decoration: "blue",
    workTimeStart: "09:00:00",
    workTimeEnd: "18:00:00"
  },
  {
    label: "day",
    name: "Day",
    active: true,
    type: "regular",
    points: 10,
    workTimeStart: "08:00:00",
    workTimeEnd: "17:00:00"
  },
  {
    label: "early",
    name: "Early",
    active: true,
    type: "regular",
    points: 8,
    workTimeStart: "06:00:00",
    workTimeEnd: "14:00:00"
  },
  {
    label: "late",
    name: "Late",
    active: true,
    type: "regular",
    points: 8,
    workTimeStart: "14:00:00",
    workTimeEnd: "22:00:00"
  },
  {
    label: "evening",
    name: "Evening",
    active: false,
    type: "regular",
    points: 6,
    workTimeStart: "16:00:00",
    workTimeEnd: "22:00:00"
  }
]

/** The reasons a day can be non-working. */
export const seedNonWorkingReasons: ReadonlyArray<SimRecord> = [
  { label: "vacation", name: "Vacation", active: true },
  { label: "sick", name: "Sick", active: true },
  { label: "holiday", name: "Public holiday", active: true },
  { label: "training", name: "Training", active: true },
  { label: "OTHER", name: "Other", active: true }
]

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"]

/** Named schedules: a regular shift on set weekdays. */
const schedules = [
  { scheduleLabel: "8-17", shiftLabel: "day", weekdays },
  { scheduleLabel: "8-17", shiftLabel: "day", weekdays },
  { scheduleLabel: "6-14", shiftLabel: "early", weekdays },
  { scheduleLabel: "14-22", shiftLabel: "late", weekdays: ["Tue", "Wed", "Thu", "Fri", "Sat"] }
] as const

/**
 * The work schedule items of the `t`-th technician (from 0), for data that starts at `startDate`: a
 * schedule that began half a year before, and the on-call and non-working items that depend on `t`.
 */
export const technicianSchedule = (t: number, startDate: string, ids: IdCounter): ReadonlyArray<SimRecord> => {
  const schedule = schedules[t % schedules.length] as (typeof schedules)[number]
  const items: Array<SimRecord> = [
    {
      scheduleItemId: ids.next(),
      recordType: "schedule",
      scheduleLabel: schedule.scheduleLabel,
      startDate: addDays(startDate, -184),
      scheduleShifts: [
        {
          recordType: "shift",
          shiftLabel: schedule.shiftLabel,
          recurrence: { recurrenceType: "weekly", recurEvery: 1, weekdays: [...schedule.weekdays] }
        }
      ]
    },
    {
      scheduleItemId: ids.next(),
      recordType: "non-working",
      nonWorkingReason: "holiday",
      comments: "Company holiday",
      startDate: addDays(startDate, 10),
      endDate: addDays(startDate, 10),
      recurrence: { recurrenceType: "daily", recurEvery: 1 }
    }
  ]
  if (t % 3 === 0) {
    items.push({
      scheduleItemId: ids.next(),
      recordType: "shift",
      // every fourth on-call rota takes the `blue` shift, the others a colour each
      shiftLabel: (t / 3) % 4 === 0 ? "blue" : `${colours[(t / 3) % colours.length]}_oncall`,
      startDate: addDays(startDate, -1),
      recurrence: { recurrenceType: "weekly", recurEvery: 2, weekdays: ["Sat", "Sun"] }
    })
  }
  if (t % 4 === 1) {
    const from = addDays(startDate, 2 + (t % 5))
    items.push({
      scheduleItemId: ids.next(),
      recordType: "non-working",
      nonWorkingReason: "vacation",
      startDate: from,
      endDate: addDays(from, 2),
      recurrence: { recurrenceType: "daily", recurEvery: 1 }
    })
  }
  if (t % 7 === 2) {
    const day = addDays(startDate, 1 + (t % 3))
    items.push({
      scheduleItemId: ids.next(),
      recordType: "non-working",
      nonWorkingReason: "sick",
      startDate: day,
      endDate: day,
      recurrence: { recurrenceType: "daily", recurEvery: 1 }
    })
  }
  if (t % 5 === 3) {
    items.push({
      scheduleItemId: ids.next(),
      recordType: "non-working",
      nonWorkingReason: "OTHER",
      shiftType: "on-call",
      startDate: addDays(startDate, -1),
      recurrence: { recurrenceType: "weekly", recurEvery: 1, weekdays: ["Fri"] }
    })
  }
  return items
}
