/**
 * The work of `ofsc mirror deliveries list|retry`: the webhook outbox of a mirror's database.
 * A delivery names its endpoint only (never its URL or secret); a retried one is sent by the
 * `ofsc mirror run` that has that endpoint.
 */
import { type DeliveryState, listDeliveries, type MirrorError, retryDeliveries } from "@ofsc/mirror"
import { Effect, Option } from "effect"
import { type CliError, usage } from "../app/CliError.js"
import type { OutputFormat } from "../app/globalOptions.js"
import { listWriter } from "../output/ListWriter.js"
import { chooseFormat } from "../output/render.js"
import { splitList } from "../output/rows.js"
import { stdoutSink } from "../output/Sink.js"
import { existingDatabase, namingDatabase, readLocation } from "./mirrorDatabase.js"

/** What `ofsc mirror deliveries list` was given. */
export interface ListDeliveriesFlags {
  readonly db: string
  readonly state: Option.Option<DeliveryState>
  readonly endpoint: Option.Option<string>
  readonly limit: number
  readonly output: Option.Option<OutputFormat>
}

/** What `ofsc mirror deliveries retry` was given. */
export interface RetryDeliveriesFlags {
  readonly db: string
  /** Delivery ids, each `12` or `12,13`. */
  readonly id: ReadonlyArray<string>
  readonly dead: boolean
}

/** Runs `work` on the database `--db` names, which must exist. */
const onDatabase = <A, E, R>(db: string, work: Effect.Effect<A, E, R>) =>
  Effect.flatMap(readLocation(db), (location) =>
    work.pipe(Effect.provide(existingDatabase(location)), namingDatabase(location))
  )

/** `ofsc mirror deliveries list`: the newest first. */
export const listMirrorDeliveries = (flags: ListDeliveriesFlags): Effect.Effect<void, MirrorError | CliError> =>
  Effect.gen(function* () {
    const rows = yield* onDatabase(
      flags.db,
      listDeliveries({
        limit: Math.max(0, flags.limit),
        ...(Option.isSome(flags.state) && { state: flags.state.value }),
        ...(Option.isSome(flags.endpoint) && { endpoint: flags.endpoint.value })
      })
    )
    const writer = listWriter(stdoutSink, {
      format: chooseFormat(Option.getOrUndefined(flags.output), stdoutSink),
      fields: undefined
    })
    yield* writer.write(rows)
    yield* writer.end
  })

/** `ofsc mirror deliveries retry`: the dead ones, or those `--id` names. */
export const retryMirrorDeliveries = (flags: RetryDeliveriesFlags): Effect.Effect<void, MirrorError | CliError> =>
  Effect.gen(function* () {
    const ids = flags.id.flatMap(splitList)
    const bad = ids.find((id) => !/^\d+$/.test(id))
    if (bad !== undefined) return yield* usage(`--id ${bad}: a delivery id is a whole number`)
    const retried = yield* onDatabase(
      flags.db,
      retryDeliveries({
        ...(ids.length > 0 && { deliveryIds: ids.map(Number) }),
        ...((flags.dead || ids.length === 0) && { state: "dead" as const })
      })
    )
    yield* stdoutSink.write(
      `${retried.toLocaleString("en-US")} ${retried === 1 ? "delivery" : "deliveries"} pending again: the ofsc mirror run with their endpoint sends them\n`
    )
  })
