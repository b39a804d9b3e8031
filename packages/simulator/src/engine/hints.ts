/**
 * Realistic values for well-known property names in generated answers: ids that exist in the store,
 * the seed's dates, time zone and language, error counts of zero, a name taken from the record's
 * translations; and, per request, the values the caller asked about (the dates and areas of a
 * capacity query, the path's ids) and the number of items it sent. A hint is used only where it decodes.
 */
import type { SeedData } from "../data/seed.js"
import type { Call } from "./engine.js"
import { itemsOf, singular } from "./records.js"
import { HintChoices, type Hints } from "./sampleValue.js"

const translatedName = (parent: Readonly<Record<string, unknown>>): string | undefined => {
  const translations = Array.isArray(parent.translations) ? parent.translations : []
  const english = translations.find((t) => t?.language === "en") ?? translations[0]
  return typeof english?.name === "string" ? english.name : undefined
}

/** Error and failure fields: a count of zero or an empty list. */
const noProblems = new HintChoices([0, []])

/** Hints drawn from a seeded data set. */
export const seedHints = (data: SeedData): Hints => {
  const technician = data.resources.find((r) => r.resourceType === "PR") ?? data.resources[0]
  const byName: Record<string, unknown> = {
    resourceId: technician?.resourceId,
    resourceExternalId: technician?.resourceId,
    activityId: data.activities[0]?.activityId,
    login: data.users[0]?.login,
    date: data.startDate,
    startDate: data.startDate,
    endDate: data.startDate,
    dateFrom: data.startDate,
    dateTo: data.startDate,
    timeZone: "Eastern",
    language: "en",
    email: "sim@example.com",
    timeSlotsDictionary: data.metadata.timeSlots
  }
  return (name, parent) => {
    if (name === "name") return translatedName(parent)
    if (name === "translations") {
      return [{ language: "en", name: typeof parent.name === "string" ? parent.name : "Sample" }]
    }
    if (/error|fail|warning|conflict/i.test(name)) return noProblems
    return Object.hasOwn(byName, name) ? byName[name] : undefined
  }
}

/** Hints from the request being answered: its path and query values, and how many items it sent. */
export const requestHints = (call: Call): Hints => {
  const byName: Record<string, unknown> = { ...call.params }
  for (const [name, value] of Object.entries(call.query)) {
    if (value === undefined) continue
    byName[name] = value
    if (Array.isArray(value) && value.length > 0) byName[singular(name)] ??= value[0]
  }
  // a capacity area is named `label` inside the answers that list areas
  if (typeof byName.area === "string") byName.label ??= byName.area
  const sent = itemsOf(call.body)?.length
  return (name) => {
    if (Object.hasOwn(byName, name)) return byName[name]
    if (sent !== undefined && /^(updated|created|inserted|processed)\w*$/i.test(name)) return sent
    return undefined
  }
}
