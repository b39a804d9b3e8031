/**
 * Runs the `ofsc` command line: builds the command tree for it, runs it on Node, prints a failure
 * as one line on stderr (details with `--verbose`) and exits with the failure's code.
 */
import { Command, ValidationError } from "@effect/cli"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Cause, Effect, Exit, Layer, Logger, LogLevel } from "effect"
import { wasStoppedCleanly } from "./cleanStop.js"
import { describeFailure } from "./describeFailure.js"
import { type CommandFailure, exitCodeOf, exitCodes } from "./exitCodes.js"
import { withColourPolicy } from "./plainConsole.js"
import { rootCommand } from "./rootCommand.js"

/** What @effect/cli needs from the platform (not all of NodeContext: it loads much more). */
const platform = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer)

/** Runs the command line `argv` (without `node` and the script) and exits the process. */
export const main = async (argv: ReadonlyArray<string>, version: string): Promise<void> => {
  const verbose = argv.includes("--verbose")
  const root = await rootCommand(argv.filter((arg) => !arg.startsWith("-")))
  const cli = Command.run(root, { name: "ofsc", version })
  const program = cli(["node", "ofsc", ...argv]).pipe(
    Effect.catchIf(
      (error): error is ValidationError.ValidationError => ValidationError.isValidationError(error),
      () =>
        Effect.sync(() => {
          process.exitCode = exitCodes.invalidInput
        })
    ),
    Effect.catchAll((error: CommandFailure) =>
      Effect.sync(() => {
        process.stderr.write(`${describeFailure(error, verbose)}\n`)
        process.exitCode = exitCodeOf(error)
      })
    ),
    Effect.catchAllDefect((defect) =>
      Effect.sync(() => {
        process.stderr.write(
          `ofsc: unexpected failure: ${defect instanceof Error ? (verbose ? defect.stack : defect.message) : String(defect)}\n`
        )
        process.exitCode = exitCodes.failure
      })
    ),
    // the request log (and anything else logged) goes to stderr, so stdout stays the answer
    Effect.provide(Logger.replace(Logger.defaultLogger, Logger.withConsoleError(Logger.logfmtLogger))),
    Logger.withMinimumLogLevel(verbose ? LogLevel.Debug : LogLevel.Warning),
    withColourPolicy,
    Effect.provide(platform)
  )
  NodeRuntime.runMain(program, {
    disableErrorReporting: true,
    disablePrettyLogger: true,
    teardown: (exit) =>
      exitWhenWritten(
        Exit.isFailure(exit) && Cause.isInterruptedOnly(exit.cause)
          ? wasStoppedCleanly()
            ? exitCodes.ok
            : exitCodes.interrupted
          : Number(process.exitCode ?? 0)
      )
  })
}

/**
 * Ends the process with `code` once stdout and stderr have taken what was written. The command is
 * done and its scopes are closed; what may still hold the event loop is an idle keep-alive
 * connection of the HTTP client, which would keep a shell waiting a few hundred ms for nothing.
 */
const exitWhenWritten = (code: number): void => {
  let pending = 2
  const done = () => {
    pending -= 1
    if (pending === 0) process.exit(code)
  }
  process.stdout.write("", done)
  process.stderr.write("", done)
}
