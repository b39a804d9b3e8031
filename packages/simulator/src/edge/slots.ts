/**
 * The concurrency limits enforced: a request under its operation's limit runs when a slot is free,
 * waits in a first-come queue while the queue has room, and is refused when it has none or when it
 * waited too long. Requests under no limit (another operation, or lifted by a query parameter) take
 * no slot. The operation's `queued`, `queuedMax` and `rejected` counters are kept here.
 */
import { type ConcurrencyLimitSettings, limitFor, limitOf } from "./concurrencyLimits.js"
import type { OperationStats } from "./requestStats.js"

/** How a request came out of `enter`: it may run (and must `release` after), or it was refused, or its client left. */
export type SlotEntry =
  | { readonly kind: "run"; readonly release: () => void }
  | { readonly kind: "queue-full" | "queue-timeout" | "gone" }

interface Line {
  running: number
  readonly waiting: Array<() => void>
}

const unlimited: SlotEntry = { kind: "run", release: () => {} }

/** Hands out the slots of every limited operation, under settings that may change at any time. */
export class Slots {
  private readonly lines = new Map<string, Line>()

  constructor(private readonly settings: ConcurrencyLimitSettings) {}

  /** Takes a slot for a request to the operation `key`, waiting for one if its queue has room. */
  enter(key: string, query: URLSearchParams, op: OperationStats, gone: AbortSignal): Promise<SlotEntry> {
    const limit = limitFor(this.settings, key, query)
    if (limit === undefined) return Promise.resolve(unlimited)
    const line = this.line(key)
    if (line.running < limit.running) return Promise.resolve(this.take(key, line))
    if (gone.aborted) return Promise.resolve({ kind: "gone" })
    if (op.queued >= limit.queue) {
      op.rejected++
      return Promise.resolve({ kind: "queue-full" })
    }
    op.queued++
    op.queuedMax = Math.max(op.queuedMax, op.queued)
    return new Promise((resolve) => {
      const leave = (entry: SlotEntry) => {
        clearTimeout(timer)
        gone.removeEventListener("abort", onGone)
        line.waiting.splice(line.waiting.indexOf(admit), 1)
        op.queued--
        resolve(entry)
      }
      const admit = () => leave(this.take(key, line))
      const onGone = () => leave({ kind: "gone" })
      const timer = setTimeout(() => {
        op.rejected++
        leave({ kind: "queue-timeout" })
      }, limit.queueWaitMs)
      gone.addEventListener("abort", onGone, { once: true })
      line.waiting.push(admit)
    })
  }

  private line(key: string): Line {
    let line = this.lines.get(key)
    if (line === undefined) {
      line = { running: 0, waiting: [] }
      this.lines.set(key, line)
    }
    return line
  }

  private take(key: string, line: Line): SlotEntry {
    line.running++
    let released = false
    return {
      kind: "run",
      release: () => {
        if (released) return
        released = true
        line.running--
        // the limit in force now: a raised or lifted limit lets more waiters in
        const limit = limitOf(this.settings, key)
        while (line.waiting.length > 0 && (limit === undefined || line.running < limit.running)) {
          line.waiting[0]?.()
        }
      }
    }
  }
}
