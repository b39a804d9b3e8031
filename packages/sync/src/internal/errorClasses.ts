/** Turns an encoded error back into the class it was in the worker, on the calling thread. */
import {
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
import { OfscStreamReleased, OfscSyncDeadlock, OfscSyncTimeout, OfscWorkerDied } from "../errors.js"
import { decodeValue, type EncodedError } from "./codec.js"

// biome-ignore lint/suspicious/noExplicitAny: each class takes its own field record
type ErrorClass = new (fields: any) => Error

const classes: Record<string, ErrorClass> = {
  OfscBadRequest,
  OfscAuthenticationError,
  OfscAuthorizationError,
  OfscNotFound,
  OfscConflict,
  OfscRateLimited,
  OfscServerError,
  OfscTransportError,
  OfscDecodeError,
  OfscInvalidInput,
  OfscSubscriptionExpired,
  OfscIdempotencyConflict,
  OfscConfigError,
  OfscSyncTimeout,
  OfscWorkerDied,
  OfscSyncDeadlock,
  OfscStreamReleased
}

/** Rebuilds an error as the same class it was in the worker (a plain Error for unknown tags). */
export const decodeError = (encoded: EncodedError): Error => {
  const cls = classes[encoded.tag]
  if (cls !== undefined) return new cls(decodeValue(encoded.fields))
  const error = new Error(encoded.message)
  if (encoded.tag !== "Error") Object.assign(error, { _tag: encoded.tag }, decodeValue(encoded.fields))
  return error
}
