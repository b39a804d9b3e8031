/**
 * Colours only on a terminal and never with `NO_COLOR`: @effect/cli writes its help and errors
 * in ANSI colour everywhere, so a console that strips the codes stands in when colour is off.
 */
import { Console, Effect } from "effect"
import { colourAllowed } from "../output/Sink.js"

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape codes is the point
const ansi = /\u001b\[[0-9;]*m/g

const strip = (args: ReadonlyArray<unknown>) =>
  args.map((arg) => (typeof arg === "string" ? arg.replace(ansi, "") : arg))

/** Runs `effect` with a console that drops colour codes from whichever of stdout and stderr may not have them. */
export const withColourPolicy = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
  const stdoutColour = colourAllowed(process.stdout.isTTY === true)
  const stderrColour = colourAllowed(process.stderr.isTTY === true)
  if (stdoutColour && stderrColour) return effect
  return Console.consoleWith((base) => {
    const console: Console.Console = Object.assign(Object.create(base) as Console.Console, {
      log: (...args: ReadonlyArray<unknown>) => base.log(...(stdoutColour ? args : strip(args))),
      error: (...args: ReadonlyArray<unknown>) => base.error(...(stderrColour ? args : strip(args)))
    })
    return Effect.withConsole(effect, console)
  })
}
