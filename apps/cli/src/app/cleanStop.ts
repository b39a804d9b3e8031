/**
 * A command that runs until its operator stops it (`ofsc mirror run`) ends well when stopped:
 * once it has stopped cleanly after SIGINT or SIGTERM, it says so here and the process exits 0
 * instead of 130.
 */
import { Effect } from "effect"

let stoppedCleanly = false

/** Marks the interruption in progress as the command's normal end (exit 0). */
export const markStoppedCleanly: Effect.Effect<void> = Effect.sync(() => {
  stoppedCleanly = true
})

/** Whether the command stopped cleanly when it was interrupted. */
export const wasStoppedCleanly = (): boolean => stoppedCleanly
