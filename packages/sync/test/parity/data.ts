/** The seeded data the parity table calls with (the simulator's small set) and date helpers. */

/** The first day of the seeded activities. */
export const seedStart = "2026-11-01"

/** 'YYYY-MM-DD' of `date` plus `days`. */
export const plusDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A day `n` days from today (UTC), for newly scheduled work. */
export const upcoming = (n: number): string => plusDays(new Date().toISOString().slice(0, 10), n)

/** 'YYYY-MM-DD HH:MM:SS' of a day and a time. */
export const at = (date: string, time: string): string => `${date} ${time.length === 5 ? `${time}:00` : time}`

/** Bytes of a UTF-8 string. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Seeded resources and users of the small data set. */
export const seeded = {
  root: "ROOT",
  buckets: ["BUCKET_001", "BUCKET_002"],
  technician: (n: number) => `TECH_${String(n).padStart(5, "0")}`,
  user: (n: number) => `user${String(n).padStart(4, "0")}`
} as const

/** Results of earlier calls that later calls take ids from, by the name the call saved them under. */
export type Saved = Record<string, any>

/** One call of the parity table: a method path of both clients, its arguments, where to save its result. */
export interface ParityCall {
  readonly method: string
  readonly args: (saved: Saved) => ReadonlyArray<unknown>
  readonly save?: string | undefined
}

/** A call whose arguments are known up front. */
export const call = (method: string, ...args: ReadonlyArray<unknown>): ParityCall => ({ method, args: () => args })

/** A call whose arguments use results of earlier calls; `save` keeps this call's result too. */
export const later = (method: string, args: (saved: Saved) => ReadonlyArray<unknown>, save?: string): ParityCall => ({
  method,
  args,
  save
})

/** A call whose result later calls need, saved under `name`. */
export const saving = (name: string, method: string, ...args: ReadonlyArray<unknown>): ParityCall => ({
  method,
  args: () => args,
  save: name
})
