/** How far behind OFS a mirror is: the time since the newest event it applied, as a person reads it. */

/** OFS writes event times in UTC without a zone (`2026-11-02 08:00:00`); an ISO time is read as is. */
const eventTime = (text: string): number =>
  Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.trim().replace(" ", "T")}Z`)

/** Seconds from the newest event applied to `now` (never negative); undefined before the first event. */
export const lagSeconds = (lastEventAt: string | undefined, now: number): number | undefined => {
  if (lastEventAt === undefined) return undefined
  const at = eventTime(lastEventAt)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((now - at) / 1000))
}

/** Seconds as `42s`, `3m05s`, `2h10m` or `3d04h`. */
export const formatSeconds = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds))
  const two = (n: number) => String(n).padStart(2, "0")
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`
  if (s < 86_400) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`
  return `${Math.floor(s / 86_400)}d${two(Math.floor((s % 86_400) / 3600))}h`
}

/** The lag as shown: `lag 3s`, or `no event yet`. */
export const describeLag = (lastEventAt: string | undefined, now: number): string => {
  const lag = lagSeconds(lastEventAt, now)
  return lag === undefined ? "no event yet" : `lag ${formatSeconds(lag)}`
}
