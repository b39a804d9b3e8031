/**
 * The `ofsc` command tree. Only the module the command line names is built in full (its table is
 * imported then); the others stay as one-line entries, so help and startup stay fast.
 */
import { Command } from "@effect/cli"
import type { AnyCommand } from "../operations/commandTree.js"
import { apiModules } from "../operations/modules.js"

/** Hand-written commands beside the modules, each imported only when the command line names it. */
const extraCommands: Record<
  string,
  { readonly description: string; readonly load: (words: ReadonlyArray<string>) => Promise<AnyCommand> }
> = {
  raw: {
    description: "call any OFS endpoint: ofsc raw GET /rest/ofscCore/v1/...",
    load: () => import("../operations/rawCommand.js").then((m) => m.rawCommand)
  },
  profile: {
    description: "saved connections: add, list, use, show, remove",
    load: () => import("../connection/profileCommand.js").then((m) => m.profileCommand)
  },
  export: {
    description: "stream a list to a file with progress; --resume after a stop",
    load: async (words) => {
      const { exportCommand } = await import("../export/exportCommand.js")
      const named = apiModules.find((module) => module.name === words[0])
      return exportCommand(named === undefined ? undefined : { name: named.name, ops: await named.load() }, words)
    }
  },
  config: {
    description: "configuration as code: export, diff and apply an instance's configuration",
    load: () => import("../config/configCommand.js").then((m) => m.configCommand)
  },
  events: {
    description: "follow OFS events live (ofsc events tail)",
    load: () => import("../events/eventsCommand.js").then((m) => m.eventsCommand)
  },
  mirror: {
    description: "keep a database (SQLite or Postgres) current with OFS: run, status, deliveries",
    load: () => import("../mirror/mirrorCommand.js").then((m) => m.mirrorCommand)
  },
  simulator: {
    description: "run a local OFS simulator with seeded data in the foreground",
    load: () => import("./simulatorCommand.js").then((m) => m.simulatorCommand)
  }
}

const placeholder = (name: string, description: string): AnyCommand =>
  Command.make(name).pipe(Command.withDescription(description))

/** The root command for a command line whose words (its arguments that are not flags) are `words`. */
export const rootCommand = async (words: ReadonlyArray<string>): Promise<AnyCommand> => {
  const [selected, ...rest] = words
  const modules = await Promise.all(
    apiModules.map(async (module) =>
      module.name === selected
        ? // the command builders (and the schema reader they use) load with the module's table, not for --help
          (await import("../operations/commandTree.js")).moduleCommand(
            module.name,
            module.description,
            await module.load(),
            rest
          )
        : placeholder(module.name, module.description)
    )
  )
  const extras = await Promise.all(
    Object.entries(extraCommands).map(([name, extra]) =>
      name === selected ? extra.load(rest) : Promise.resolve(placeholder(name, extra.description))
    )
  )
  return Command.make("ofsc").pipe(
    Command.withDescription("Oracle Fusion Field Service from a shell: every operation, exports, events"),
    Command.withSubcommands([...modules, ...extras] as [AnyCommand, ...Array<AnyCommand>])
  )
}
