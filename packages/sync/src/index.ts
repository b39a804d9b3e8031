/**
 * `@ofsc/sync`: the OFS API as blocking calls for synchronous scripts. A worker thread runs the
 * Effect client; the calling thread waits on Atomics and gets plain values or thrown typed errors.
 *
 * @packageDocumentation
 */

export {
  OfscAuthenticationError,
  OfscAuthorizationError,
  OfscBadRequest,
  OfscConfigError,
  OfscConflict,
  OfscDecodeError,
  OfscIdempotencyConflict,
  OfscInvalidInput,
  OfscNotFound,
  OfscRateLimited,
  OfscServerError,
  OfscSubscriptionExpired,
  OfscTransportError
} from "@ofsc/core/errors"
export * from "./errors.js"
export type { SyncOptions } from "./internal/options.js"
export * from "./OfscSync.js"
