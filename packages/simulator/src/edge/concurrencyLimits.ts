/**
 * OFS's documented per-operation concurrency limits, as data: how many requests of an operation run
 * at once per instance, how many more may wait, and for how long. Anything beyond is refused (429).
 */

/** The limit of one operation; change the fields at any time (per test). */
export interface ConcurrencyLimit {
  /** Requests of the operation that run at once. */
  running: number
  /** Requests that may wait for a slot once all run; 0 refuses at once. */
  queue: number
  /** The longest a request waits in the queue before it is refused, in ms. */
  queueWaitMs: number
  /** A query parameter whose presence lifts the limit (lastKnownPositions with `resources`). */
  unlessQuery?: string | undefined
}

/** The limits in force: a limit per operation key (`GET /rest/ofscCore/v1/activities`), and a switch. */
export interface ConcurrencyLimitSettings {
  /** Off: no operation is limited (queued requests are let through as their slots free). */
  enabled: boolean
  /** Per operation key, as `operationKey` makes it; add, change or delete entries at any time. */
  readonly limits: Record<string, ConcurrencyLimit>
}

/**
 * How `SimulatorOptions.concurrencyLimits` adjusts OFS's limits: `false` turns them all off; an
 * object changes fields of a limit (or adds one) per operation key, and `false` there removes one.
 */
export type ConcurrencyLimitOptions = false | Readonly<Record<string, Partial<ConcurrencyLimit> | false>>

/**
 * The key of an operation in limits and stats: its method and path template, as the router lists
 * routes. `operationKey(CoreOperations.operations[0])` or `operationKey({ method: "GET", path })`.
 */
export const operationKey = (op: { readonly method: string; readonly path: string }): string =>
  `${op.method} ${op.path}`

const resources = "/rest/ofscCore/v1/resources/custom-actions"

/** OFS's limits, from the spec's text of each operation. */
export const ofsConcurrencyLimits = (): Record<string, ConcurrencyLimit> => ({
  // 3 at once, 10 more queued for at most 30 s
  "GET /rest/ofscCore/v1/activities": { running: 3, queue: 10, queueWaitMs: 30_000 },
  // 3 at once when no `resources` are named; no queue
  [`GET ${resources}/lastKnownPositions`]: { running: 3, queue: 0, queueWaitMs: 0, unlessQuery: "resources" },
  // 20 at once; the spec states no queue, so the excess is refused
  [`POST ${resources}/findMatchingResources`]: { running: 20, queue: 0, queueWaitMs: 0 }
})

/** OFS's limits adjusted by the options. */
export const concurrencyLimitSettings = (options: ConcurrencyLimitOptions | undefined): ConcurrencyLimitSettings => {
  const limits = ofsConcurrencyLimits()
  if (options === false) return { enabled: false, limits }
  for (const [key, change] of Object.entries(options ?? {})) {
    if (change === false) delete limits[key]
    else limits[key] = { running: 1, queue: 0, queueWaitMs: 0, ...limits[key], ...change }
  }
  return { enabled: true, limits }
}

/** The limit of the operation `key` in force now, whatever the request. */
export const limitOf = (settings: ConcurrencyLimitSettings, key: string): ConcurrencyLimit | undefined =>
  settings.enabled ? settings.limits[key] : undefined

/** The limit a request to `key` with `query` is under, if any. */
export const limitFor = (
  settings: ConcurrencyLimitSettings,
  key: string,
  query: URLSearchParams
): ConcurrencyLimit | undefined => {
  const limit = limitOf(settings, key)
  return limit?.unlessQuery !== undefined && query.has(limit.unlessQuery) ? undefined : limit
}
