#!/usr/bin/env node
/**
 * The `ofsc` command. `--version` answers before anything is loaded; everything else loads the
 * command line runner, which loads only the module the command names.
 */

/** The package's version, written in by the build (tsup.config.ts). */
declare const __OFSC_CLI_VERSION__: string

const version = __OFSC_CLI_VERSION__
const argv = process.argv.slice(2)

if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${version}\n`)
} else {
  import("./app/main.js").then(
    (m) => m.main(argv, version),
    (error: unknown) => {
      process.stderr.write(`ofsc: cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
