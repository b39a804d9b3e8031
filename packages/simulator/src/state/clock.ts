/**
 * The simulator's own time. It runs with the wall clock, shifted by an offset that a test, the bin's
 * `--clock-start` or the admin call can set or move forward; everything time-driven in the simulator
 * (event times, event retention, subscription expiry, "now" in lifecycle actions) reads it.
 */

/** The simulator's clock: wall time plus an offset; it never runs backwards. */
export class SimClock {
  private offsetMs = 0

  /** A clock at the wall time, or starting at `startMs` (epoch milliseconds) and running from there. */
  constructor(startMs?: number) {
    if (startMs !== undefined) this.offsetMs = startMs - Date.now()
  }

  /** Now, in epoch milliseconds. */
  now(): number {
    return Date.now() + this.offsetMs
  }

  /**
   * Moves the clock forward by `ms`; a negative or non-finite step is refused (false), since events
   * already logged must stay in time order.
   */
  advance(ms: number): boolean {
    if (!Number.isFinite(ms) || ms < 0) return false
    this.offsetMs += ms
    return true
  }

  /** Sets the clock to `epochMs` if that is not before now (false otherwise: the clock never goes back). */
  set(epochMs: number): boolean {
    return this.advance(epochMs - this.now())
  }
}

/**
 * A time as the simulator's clock is set: OFS's 'YYYY-MM-DD HH:MM:SS' read as UTC, or an ISO 8601
 * time (its zone, or UTC with `Z`); in epoch milliseconds, undefined for anything else.
 */
export const parseUtcTime = (text: string): number | undefined => {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(" ", "T")}Z` : text
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN
  return Number.isFinite(ms) ? ms : undefined
}
