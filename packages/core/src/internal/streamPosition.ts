/** Marks the error a paged stream fails with by where it stopped, so a caller can continue there. */
import type { OfscError } from "../OfscError.js"

/** A copy of `error` that carries `resumeFrom` (see `OfscStreamPosition`); same class, same fields. */
export const withResumeFrom = <E extends OfscError>(error: E, resumeFrom: number): E => {
  const copy = new (error.constructor as new (fields: object) => E)({ ...error, resumeFrom })
  if (error.stack !== undefined) copy.stack = error.stack
  return copy
}
