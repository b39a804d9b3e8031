/**
 * Hand-written: the per-operation limits OFS states in prose (DIGEST section 2), which the spec's
 * schemas cannot carry. The generator writes each as the descriptor's `concurrencyLimit`, and the
 * transport keeps a client's calls of that operation within it.
 */

/** How many calls of an operation OFS runs at once per instance, by operation id. */
export const concurrencyLimits: Readonly<Record<string, number>> = {
  // three at once, ten more queued (30 s at most), the rest refused
  "core.activities.list": 3,
  // three at once without `resources`; the rest refused
  "core.resources.lastKnownPositions": 3,
  "core.resources.findMatchingResources": 20
}
