/**
 * What "applied exactly once" looks like from outside a mirror: the events its subscription delivers
 * after the run's first cursor, counted by reading them again, against the events the database says
 * it applied; and the cursor versions mirror processes printed, which must never repeat nor go back.
 */
import { SqlClient } from "@effect/sql"
import { OfscCore } from "@ofsc/core"
import { Effect, Stream } from "effect"
import type { ProcessLine } from "./mirrorProcess.js"

/** The mirror's stored position, read as the database holds it. */
export const storedState = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [row] = yield* sql<Record<string, unknown>>`SELECT * FROM mirror_state WHERE id = 1`.withoutTransform
  return {
    runId: Number(row?.run_id),
    subscriptionId: String(row?.subscription_id),
    phase: String(row?.phase),
    cursor: String(row?.cursor),
    cursorVersion: Number(row?.cursor_version),
    eventsApplied: Number(row?.events_applied),
    owner: row?.owner == null ? undefined : String(row.owner)
  }
})

/** How many events a subscription delivers after a cursor, read poll by poll until caught up. */
export const eventsDeliveredAfter = (subscriptionId: string, from: string) =>
  Effect.flatMap(OfscCore, (core) =>
    Stream.runFold(core.events.polls(subscriptionId, { from, follow: false }), 0, (n, poll) => n + poll.items.length)
  )

/** The cursor a run's subscription was first followed from: the first `follow` line any process printed. */
export const firstFollowedCursor = (outputs: ReadonlyArray<ReadonlyArray<ProcessLine>>): string | undefined => {
  for (const lines of outputs)
    for (const line of lines) if (line.type === "follow" && line.from !== undefined) return line.from
  return undefined
}

/** The cursor versions of the polls the processes printed, in the order the processes ran. */
export const printedVersions = (outputs: ReadonlyArray<ReadonlyArray<ProcessLine>>): ReadonlyArray<number> =>
  outputs.flatMap((lines) => lines.flatMap((l) => (l.type === "applied" ? [l.cursorVersion] : [])))

/** Whether a list of numbers strictly increases. */
export const strictlyIncreasing = (values: ReadonlyArray<number>): boolean =>
  values.every((v, i) => i === 0 || v > (values[i - 1] as number))
