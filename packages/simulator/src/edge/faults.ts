/**
 * Switches for what goes wrong: latency, random 5xx, dropped connections (before the request runs,
 * or after it ran and its effect is kept), and a rate limit. All off by default.
 */

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
  /**
   * Share of routed requests (0..1) that run, keep their effect, and then lose their connection
   * before the answer: the client cannot tell whether the write happened.
   */
  appliedDropRate: number
  /**
   * Which requests `appliedDropRate` applies to: operation keys (`"POST /rest/ofscCore/v1/activities"`,
   * the path as the spec writes it) or methods alone (`"PATCH"`); empty means every request.
   */
  appliedDropOn: ReadonlyArray<string>
  /**
   * Fates for the next requests that match, taken in order, before the rates: a test's exact fault
   * sequence. Each entry applies to the first request whose operation key or method is `on` (any
   * request without it): `error` answers 5xx without running it, `drop` closes the connection
   * without running it, `appliedDrop` runs it and then closes the connection, `none` lets it through.
   */
  script: Array<ScriptedFate>
}

/** One scripted fate (see `FaultSettings.script`). */
export interface ScriptedFate {
  readonly fate: "none" | "error" | "drop" | "appliedDrop"
  /** An operation key (`"POST /rest/ofscCore/v1/activities"`) or a method; any request when absent. */
  readonly on?: string | undefined
  /** The status of an `error` (503 by default). */
  readonly status?: number | undefined
}

/** No faults at all. */
export const noFaults = (): FaultSettings => ({
  latencyMs: 0,
  latencyJitterMs: 0,
  faultRate: 0,
  dropRate: 0,
  rateLimitPerSecond: 0,
  appliedDropRate: 0,
  appliedDropOn: [],
  script: []
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

  /** The scripted fate of a routed request, taken off the script; undefined when no entry matches it. */
  scripted(method: string, operationKey: string): ScriptedFate | undefined {
    const script = this.settings.script
    const index = script.findIndex((f) => f.on === undefined || f.on === operationKey || f.on === method)
    return index < 0 ? undefined : script.splice(index, 1)[0]
  }

  /** Whether the answer to this request, which has run, is dropped (`appliedDropRate`, `appliedDropOn`). */
  dropAfterApply(method: string, operationKey: string): boolean {
    const s = this.settings
    if (s.appliedDropRate <= 0) return false
    if (s.appliedDropOn.length > 0 && !s.appliedDropOn.includes(operationKey) && !s.appliedDropOn.includes(method))
      return false
    return this.random() < s.appliedDropRate
  }
}
