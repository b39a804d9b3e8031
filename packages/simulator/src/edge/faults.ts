/** Switches for what goes wrong: latency, random 5xx, dropped connections, and a rate limit. All off by default. */

/** The fault settings; change them at any time (per test). */
export interface FaultSettings {
  /** Added latency per request: a fixed part plus a uniformly random part, in ms. */
  latencyMs: number
  latencyJitterMs: number
  /** Share of requests (0..1) answered with a random 500/502/503/504. */
  faultRate: number
  /** Share of requests (0..1) whose connection is closed without an answer. */
  dropRate: number
  /** Requests per second allowed before 429 with Retry-After; 0 turns the limit off. */
  rateLimitPerSecond: number
}

/** No faults at all. */
export const noFaults = (): FaultSettings => ({
  latencyMs: 0,
  latencyJitterMs: 0,
  faultRate: 0,
  dropRate: 0,
  rateLimitPerSecond: 0
})

/** What to do with one request. */
export type FaultDecision =
  | { readonly kind: "none"; readonly delayMs: number }
  | { readonly kind: "drop"; readonly delayMs: number }
  | { readonly kind: "error"; readonly status: number; readonly delayMs: number }
  | { readonly kind: "rate-limited"; readonly retryAfterSeconds: number; readonly delayMs: number }

/** Decides each request's fate from the settings; keeps the rate limiter's window. */
export class Faults {
  private windowStart = 0
  private windowCount = 0

  constructor(
    readonly settings: FaultSettings,
    private readonly random: () => number
  ) {}

  /** The decision for the next request. */
  next(now: number): FaultDecision {
    const s = this.settings
    const delayMs = s.latencyMs + (s.latencyJitterMs > 0 ? this.random() * s.latencyJitterMs : 0)
    if (s.rateLimitPerSecond > 0) {
      if (now - this.windowStart >= 1000) {
        this.windowStart = now
        this.windowCount = 0
      }
      if (++this.windowCount > s.rateLimitPerSecond) {
        return {
          kind: "rate-limited",
          retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + 1000 - now) / 1000)),
          delayMs
        }
      }
    }
    if (s.dropRate > 0 && this.random() < s.dropRate) return { kind: "drop", delayMs }
    if (s.faultRate > 0 && this.random() < s.faultRate) {
      const statuses = [500, 502, 503, 504] as const
      return { kind: "error", status: statuses[Math.floor(this.random() * statuses.length)] as number, delayMs }
    }
    return { kind: "none", delayMs }
  }
}
