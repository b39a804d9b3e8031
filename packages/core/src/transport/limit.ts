/**
 * The "limit" stage: the permits an attempt holds while it runs, the operation's own bound first
 * (the limit OFS documents, or `operationConcurrency`), then the client's `concurrency`.
 */
import type * as Effect from "effect/Effect"
import { Permits } from "../internal/permits.js"
import type { OfscConfigShape } from "../OfscConfig.js"
import type { AnyOperation } from "../Operation.js"

/** Runs an effect holding the permits it needs. */
export type Limited = <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>

/** The bounds of one client: answers, per operation, how its attempts are limited. */
export const makeLimit = (config: OfscConfigShape): ((op: AnyOperation) => Limited) => {
  const permits = new Permits(config.concurrency)
  const clientOnly: Limited = (self) => permits.withPermit(self)
  const operationPermits = new Map<string, Permits>()
  return (op) => {
    const limit = config.operationConcurrency[op.id] ?? op.concurrencyLimit
    if (limit === undefined || limit >= config.concurrency) return clientOnly
    let own = operationPermits.get(op.id)
    if (own === undefined) {
      own = new Permits(limit)
      operationPermits.set(op.id, own)
    }
    const operation = own
    return (self) => operation.withPermit(permits.withPermit(self))
  }
}
