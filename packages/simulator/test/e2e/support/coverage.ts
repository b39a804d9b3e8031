/**
 * Which OFS operations the end-to-end run exercised. An operation counts once one call of it
 * succeeded, or failed with the tagged error the test expected; other failures are kept so the
 * report can say why an operation is still missing.
 */
import { allOperations } from "../../../src/index.js"

/** Every operation id of the six packages' flat `operations` tables. */
export const allOperationIds: ReadonlyArray<string> = allOperations.map((op) => op.id)

/** How an exercised operation answered. */
export type Outcome = "success" | "expected-error"

const exercised = new Map<string, Outcome>()
const failures = new Map<string, string>()

/** A call of `id` succeeded. */
export const recordSuccess = (id: string): void => {
  exercised.set(id, "success")
}

/** A call of `id` failed with the error its test expected. */
export const recordExpectedError = (id: string): void => {
  if (!exercised.has(id)) exercised.set(id, "expected-error")
}

/** A call of `id` failed; kept as the reason the operation may be missing. */
export const recordFailure = (id: string, reason: string): void => {
  failures.set(id, reason)
}

/** What the run covered: the count, and each missing id with the last failure seen for it. */
export const coverageReport = () => {
  const missing = allOperationIds.filter((id) => !exercised.has(id))
  return {
    covered: allOperationIds.length - missing.length,
    total: allOperationIds.length,
    /** Ids exercised only through the error their test expected (never a success). */
    onlyExpectedErrors: allOperationIds.filter((id) => exercised.get(id) === "expected-error"),
    missing: missing.map((id) => ({ id, lastFailure: failures.get(id) }))
  }
}
