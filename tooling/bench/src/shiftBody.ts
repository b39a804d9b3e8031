/** The shift the benchmark's stand-in servers answer. */

/** A shift as OFS answers it, with the HATEOAS links OFS adds to every resource. */
export const shiftBody = (origin: string, label: string) => ({
  label,
  name: label.charAt(0).toUpperCase() + label.slice(1),
  active: true,
  type: "regular",
  workTimeStart: "08:00:00",
  workTimeEnd: "17:00:00",
  points: 10,
  links: [
    { rel: "canonical", href: `${origin}/rest/ofscMetadata/v1/shifts/${label}` },
    { rel: "describedby", href: `${origin}/rest/ofscMetadata/v1/metadata-catalog/shifts` }
  ]
})

/** The shift as JSON text. */
export const shiftJson = (origin: string, label: string): string => JSON.stringify(shiftBody(origin, label))
