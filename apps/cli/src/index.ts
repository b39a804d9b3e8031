/**
 * @ofsc/cli: the `ofsc` command. The package's bin is what most people want; this entry exposes
 * the pieces a wrapper script may reuse: the exit codes and the runner.
 */

export { type CommandFailure, exitCodeOf, exitCodes } from "./app/exitCodes.js"
export { main } from "./app/main.js"
