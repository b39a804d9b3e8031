/**
 * What the server counts for tests and the bench: totals, counters per operation, and listeners
 * told of every finished request. Nothing grows with the number of requests: counters are per
 * route, and records go to listeners, not to a log.
 */
import type { IncomingHttpHeaders } from "node:http"

/** Counters of one operation (method and path template). */
export interface OperationStats {
  /** Requests that reached the operation (authenticated and routed), refused ones included. */
  received: number
  /** Requests holding a slot now: waiting out the added latency or being answered. */
  running: number
  maxRunning: number
  /** Requests waiting for a slot now, under a concurrency limit. */
  queued: number
  queuedMax: number
  /** Requests refused with 429 by a concurrency limit (queue full, or waited too long). */
  rejected: number
  /** Requests that ran and kept their effect, then lost their connection before the answer (`appliedDropRate`). */
  appliedThenDropped: number
}

/** Counters the tests and the bench read. */
export interface ServerStats {
  requests: number
  inFlight: number
  maxInFlight: number
  /** Requests that ran and kept their effect, then lost their connection before the answer. */
  appliedThenDropped: number
  /** Per operation key (`GET /rest/ofscCore/v1/activities`); an entry appears with its first request. */
  readonly byOperation: Record<string, OperationStats>
}

/** One finished request, as listeners see it. */
export interface RequestRecord {
  readonly method: string
  /** The path without the query. */
  readonly path: string
  /**
   * The request headers as Node parsed them (names in lower case): what a client sends, such as
   * `user-agent` and `traceparent`. Credentials too (`authorization`): a listener must not log them.
   */
  readonly headers: IncomingHttpHeaders
  /** The operation key it was routed to; undefined when it got no further than auth or routing. */
  readonly operation: string | undefined
  /** The status answered; undefined when the connection closed without an answer. */
  readonly status: number | undefined
  readonly durationMs: number
}

/** Told of each request when its connection is done with it. */
export type RequestListener = (record: RequestRecord) => void

/** Fresh counters. */
export const emptyStats = (): ServerStats => ({
  requests: 0,
  inFlight: 0,
  maxInFlight: 0,
  appliedThenDropped: 0,
  byOperation: {}
})

/** The counters of an operation, made on first use. */
export const operationStats = (stats: ServerStats, key: string): OperationStats => {
  let entry = stats.byOperation[key]
  if (entry === undefined) {
    entry = { received: 0, running: 0, maxRunning: 0, queued: 0, queuedMax: 0, rejected: 0, appliedThenDropped: 0 }
    stats.byOperation[key] = entry
  }
  return entry
}

/** The listeners of finished requests. */
export class RequestListeners {
  private readonly listeners = new Set<RequestListener>()

  /** Adds a listener; the function returned removes it. */
  add(listener: RequestListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Whether anyone listens (so the server builds no record for nobody). */
  get active(): boolean {
    return this.listeners.size > 0
  }

  /** Tells every listener; a listener that throws is reported and does not break the server. */
  emit(record: RequestRecord): void {
    for (const listener of this.listeners) {
      try {
        listener(record)
      } catch (error) {
        console.error("@ofsc/simulator: a request listener threw", error)
      }
    }
  }
}
