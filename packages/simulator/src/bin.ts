#!/usr/bin/env node
/**
 * The `ofsc-simulator` command: the simulator command (`./command.ts`, the same one `ofsc simulator`
 * mounts) run as a program. A bad flag prints what is wrong and exits with 2; SIGINT or SIGTERM
 * stops the simulator and exits with 0.
 */
import { createRequire } from "node:module"
import { Command, ValidationError } from "@effect/cli"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { makeSimulatorCommand } from "./command.js"

const { version } = createRequire(import.meta.url)("../package.json") as { readonly version: string }

/** What @effect/cli needs from the platform. */
const platform = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer)

const program = Command.run(makeSimulatorCommand("ofsc-simulator"), { name: "ofsc-simulator", version })(
  process.argv
).pipe(
  Effect.catchIf(ValidationError.isValidationError, () =>
    Effect.sync(() => {
      process.stderr.write("Run ofsc-simulator --help for its options.\n")
      process.exitCode = 2
    })
  ),
  Effect.provide(platform)
)

NodeRuntime.runMain(program, {
  disableErrorReporting: true,
  disablePrettyLogger: true,
  // stopped by a signal is a clean stop; a failure that is not a bad flag is 1
  teardown: (exit, onExit) =>
    onExit(Exit.isFailure(exit) && !Cause.isInterruptedOnly(exit.cause) ? 1 : Number(process.exitCode ?? 0))
})
