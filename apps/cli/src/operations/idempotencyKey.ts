/** Which commands take `--idempotency-key` (read while the command tree is built, so it loads no client). */
import type { AnyOperation } from "@ofsc/core"

/** Whether the command for `op` takes `--idempotency-key`: the creates a key can be looked up for. */
export const takesIdempotencyKey = (op: AnyOperation): boolean => op.id === "core.activities.create"
