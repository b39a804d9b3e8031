/**
 * The work of `ofsc mirror run` (loaded only when it runs): the mirror over the connection the
 * flags describe, with its progress on stderr. Ctrl-C or SIGTERM lets the mirror finish the poll
 * in hand, prints the summary and exits 0: an operator stopping a mirror is its normal end.
 */
import type { FileSystem, Path } from "@effect/platform"
import type { OfscConfigError, OfscError } from "@ofsc/core"
import { Mirror, type MirrorError } from "@ofsc/mirror"
import { Cause, Effect, Exit, Fiber, Layer, Schedule } from "effect"
import type { CliError } from "../app/CliError.js"
import { markStoppedCleanly } from "../app/cleanStop.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { clientLayer, httpClient } from "../connection/clientLayer.js"
import { type ProgressMode, progressMode } from "../export/Progress.js"
import { namingDatabase, readLocation } from "./mirrorDatabase.js"
import { makeRunDisplay } from "./runDisplay.js"
import { type MirrorRunFlags, mirrorRunOptions } from "./runOptions.js"

/** Runs the mirror until caught up (`--once`) or stopped, showing its progress. */
const keepCurrent = (once: boolean, mode: ProgressMode, database: string) =>
  Effect.gen(function* () {
    const mirror = yield* Mirror
    const display = makeRunDisplay(mode, database, yield* mirror.status)
    const ticker = yield* Effect.fork(Effect.repeat(display.tick, Schedule.spaced("1 second")))
    const statusAtEnd = Effect.orElseSucceed(mirror.status, () => undefined)
    yield* mirror.run({ follow: !once, onProgress: display.onProgress }).pipe(
      Effect.ensuring(Fiber.interrupt(ticker)),
      Effect.onExit((exit) =>
        Exit.isSuccess(exit)
          ? Effect.flatMap(statusAtEnd, (status) => display.finish("caught up", status))
          : Cause.isInterruptedOnly(exit.cause)
            ? Effect.flatMap(statusAtEnd, (status) =>
                Effect.zipRight(display.finish("stopped", status), markStoppedCleanly)
              )
            : display.clear
      )
    )
  })

/** `ofsc mirror run`. */
export const runMirror = (
  flags: MirrorRunFlags,
  connection: ConnectionFlags
): Effect.Effect<void, MirrorError | OfscError | OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    // the database is named (and a bad --db refused) before anything else is done
    const location = yield* readLocation(flags.db)
    const options = yield* mirrorRunOptions(flags)
    const mirror = Mirror.layer(options).pipe(Layer.provide(Layer.merge(clientLayer(connection), httpClient)))
    yield* keepCurrent(flags.once, progressMode(false), location.display).pipe(
      Effect.provide(mirror),
      namingDatabase(location)
    )
  })
