/**
 * `ofsc config export|diff|apply`: configuration as code (@ofsc/config-as-code). The flags live here; the
 * work (and @ofsc/config-as-code with the metadata table) is imported only when one of them runs.
 */
import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import { connectionOptions } from "../app/globalOptions.js"
import type { AnyCommand } from "../operations/commandTree.js"
import { splitList } from "../output/rows.js"

const only = Options.text("only").pipe(
  Options.withDescription("comma-separated resources (shifts,workSkills,...): only these"),
  Options.optional,
  Options.map(Option.map(splitList))
)

const from = Options.text("from").pipe(Options.withDescription("the source: an export folder or a profile name"))

const to = Options.text("to").pipe(
  Options.withDescription("the target profile (default: the connection flags, environment or active profile)"),
  Options.optional
)

const prune = Options.boolean("prune").pipe(
  Options.withDescription("also delete what the target has and the source does not")
)

const output = Options.choice("output", ["text", "json"] as const).pipe(
  Options.withAlias("o"),
  Options.withDescription("the plan as text or JSON (default: text on a terminal, JSON when piped)"),
  Options.optional
)

const run = () => import("./runConfig.js")

const exportCommand = Command.make(
  "export",
  {
    to: Options.text("to").pipe(Options.withDescription("the folder to write (one YAML file per item)")),
    only,
    connection: connectionOptions
  },
  (values) => Effect.flatMap(Effect.promise(run), (m) => m.runExport(values))
).pipe(Command.withDescription("export the instance's configuration to a folder, one file per item"))

const diffCommand = Command.make("diff", { from, to, only, prune, output, connection: connectionOptions }, (values) =>
  Effect.flatMap(Effect.promise(run), (m) => m.runDiff(values))
).pipe(
  Command.withDescription("the plan that takes the target to the source: creates, updates, deletes (sends no write)")
)

const applyCommand = Command.make(
  "apply",
  {
    from,
    to,
    only,
    prune,
    output,
    yes: Options.boolean("yes").pipe(Options.withAlias("y"), Options.withDescription("apply without asking")),
    dryRun: Options.boolean("dry-run").pipe(Options.withDescription("show the plan and write nothing")),
    connection: connectionOptions
  },
  (values) => Effect.flatMap(Effect.promise(run), (m) => m.runApply(values))
).pipe(Command.withDescription("apply the plan to the target, after asking (--yes for scripts)"))

/** The `config` command. */
export const configCommand: AnyCommand = Command.make("config").pipe(
  Command.withDescription("configuration as code: export, diff and apply an instance's configuration"),
  Command.withSubcommands([exportCommand, diffCommand, applyCommand])
)
