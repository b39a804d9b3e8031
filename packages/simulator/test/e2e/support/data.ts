/**
 * What the end-to-end tests know about the simulator's small seeded data set, and the dates they
 * schedule new work on (relative to today, so "not in the past" rules always hold).
 */

/** The first day of the seeded activities ('YYYY-MM-DD'); the small set spans ten days from it. */
export const seedStart = "2026-11-01"

/** 'YYYY-MM-DD' of `date` plus `days`. */
export const plusDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Today in UTC ('YYYY-MM-DD'). */
export const today = (): string => new Date().toISOString().slice(0, 10)

/** A day `n` days from today, for newly scheduled work. */
export const upcoming = (n: number): string => plusDays(today(), n)

/** 'YYYY-MM-DD HH:MM:SS' of a day and a time. */
export const at = (date: string, time: string): string => `${date} ${time.length === 5 ? `${time}:00` : time}`

/** Seeded resources of the small data set. */
export const seeded = {
  root: "ROOT",
  /** The organization bucket between the root and the buckets (the READMEs' `FLUSA`). */
  region: "FLUSA",
  buckets: ["BUCKET_001", "BUCKET_002"],
  /** Technicians TECH_00001..TECH_00016 (the 16 field resources). */
  technician: (n: number) => `TECH_${String(n).padStart(5, "0")}`,
  technicians: 16,
  /** Users user0001..user0016, one per technician. */
  user: (n: number) => `user${String(n).padStart(4, "0")}`,
  /** All users: a technician's each, a dispatcher per bucket and the administrator. */
  users: 16 + 2 + 1
} as const
