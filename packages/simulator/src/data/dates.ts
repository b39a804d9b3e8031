/** Dates and numbers as the seed writes them. */

/** 'YYYY-MM-DD' of `start` plus `days`. */
export const addDays = (start: string, days: number): string => {
  const d = new Date(`${start}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** `n` in decimal, zero-padded to `width` digits. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0")
