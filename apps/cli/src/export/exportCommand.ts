/**
 * `ofsc export activities --from --to ...` (windows of at most 31 days) and `ofsc export <module>
 * <resource...>` for every list that pages: streamed to a file with progress, a checkpoint per
 * page, and `--resume`.
 */
import { Command, Options } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import { Effect, Option } from "effect"
import { usage } from "../app/CliError.js"
import { type ConnectionFlags, connectionOptions } from "../app/globalOptions.js"
import { type AnyCommand, commandTree } from "../operations/commandTree.js"
import { apiModules, kebab } from "../operations/modules.js"
import { inputOptions } from "../operations/operationInput.js"
import { splitList } from "../output/rows.js"
import { progressMode } from "./Progress.js"
import type { ExportFormat, ExportPlan } from "./runExport.js"
import { daysBetween } from "./windows.js"

const exportOptions = (defaultConcurrency: number, defaultPageSize: number | undefined) => ({
  out: Options.text("out").pipe(Options.withDescription("the file to write (required)")),
  format: Options.choice("format", ["ndjson", "csv", "json"] as const).pipe(
    Options.withDescription("file format (default: from the file name, else ndjson)"),
    Options.optional
  ),
  fields: Options.text("fields").pipe(Options.withDescription("comma-separated fields to keep"), Options.optional),
  resume: Options.boolean("resume").pipe(
    Options.withDescription("continue an export that stopped, from its checkpoint")
  ),
  quiet: Options.boolean("quiet").pipe(Options.withDescription("no progress on stderr")),
  pageSize: (defaultPageSize === undefined
    ? Options.integer("page-size").pipe(Options.optional)
    : Options.integer("page-size").pipe(Options.withDefault(defaultPageSize), Options.map(Option.some))
  ).pipe(Options.withDescription("items asked for per page")),
  concurrency: Options.integer("concurrency").pipe(
    Options.withDescription("pages in flight at once (OFS runs at most 3 GET activities at once)"),
    Options.withDefault(defaultConcurrency)
  ),
  connection: connectionOptions
})

interface ExportValues {
  readonly out: string
  readonly format: Option.Option<ExportFormat>
  readonly fields: Option.Option<string>
  readonly resume: boolean
  readonly quiet: boolean
  readonly pageSize: Option.Option<number>
  readonly concurrency: number
  readonly connection: ConnectionFlags
}

const formatFor = (out: string, asked: Option.Option<ExportFormat>): ExportFormat =>
  Option.getOrElse(asked, () => (out.endsWith(".csv") ? "csv" : out.endsWith(".json") ? "json" : "ndjson"))

const basePlan = (values: ExportValues) => ({
  out: values.out,
  format: formatFor(values.out, values.format),
  fields: Option.getOrUndefined(Option.map(values.fields, splitList)),
  resume: values.resume,
  pageSize: Option.getOrUndefined(values.pageSize),
  concurrency: Math.max(1, values.concurrency),
  progress: progressMode(values.quiet)
})

const launch = (plan: (m: typeof import("./startExport.js")) => ExportPlan, connection: ConnectionFlags) =>
  Effect.flatMap(
    Effect.promise(() => import("./startExport.js")),
    (m) => m.startExport(plan(m), connection)
  )

/** `ofsc export activities`. */
const activitiesCommand = Command.make(
  "activities",
  {
    from: Options.text("from").pipe(Options.withDescription("first date, YYYY-MM-DD")),
    to: Options.text("to").pipe(Options.withDescription("last date, YYYY-MM-DD")),
    resources: Options.text("resources").pipe(
      Options.withDescription("comma-separated resource ids"),
      Options.repeated
    ),
    includeChildren: Options.choice("include-children", ["none", "immediate", "all"] as const).pipe(Options.optional),
    ...exportOptions(3, 2000)
  },
  (values) =>
    Effect.gen(function* () {
      const days = daysBetween(values.from, values.to)
      if (days === undefined) return yield* usage("--from and --to must be dates, YYYY-MM-DD")
      if (days < 1) return yield* usage("--to is before --from")
      const resources = values.resources.flatMap(splitList)
      const fields = Option.map(values.fields, splitList)
      const query = {
        ...(resources.length > 0 && { resources }),
        ...(Option.isSome(values.includeChildren) && { includeChildren: values.includeChildren.value }),
        ...(Option.isSome(fields) && { fields: fields.value })
      }
      yield* launch(
        (m) => m.activitiesPlan({ from: values.from, to: values.to, query }, basePlan(values)),
        values.connection
      )
    })
).pipe(Command.withDescription("export activities of a date range of any length (cut into windows of 31 days)"))

/** The words of a list's export command: its id without the module and a final `list`. */
const exportPath = (op: AnyOperation): ReadonlyArray<string> => {
  const segments = op.id.split(".").map(kebab)
  return segments.at(-1) === "list" ? segments.slice(0, -1) : segments
}

const listExportCommand = (op: AnyOperation, name: string): AnyCommand => {
  const input = inputOptions(op, ["offset", "limit"])
  return Command.make(name, { ...input.config, ...exportOptions(op.concurrencyLimit ?? 1, undefined) }, (values) => {
    const parts = input.toInput(values, values.fields)
    const segment = { ...(parts.path && { path: parts.path }), ...(parts.query && { query: parts.query }) }
    return launch(
      () => ({ ...basePlan(values), what: "items", op, segments: [segment] }) satisfies ExportPlan,
      values.connection
    )
  }).pipe(Command.withDescription(`export every item of ${op.method} ${op.path}`))
}

/** The `export` command, over the lists that page of the module the command line names (if any). */
export const exportCommand = (
  named: { readonly name: string; readonly ops: ReadonlyArray<AnyOperation> } | undefined,
  words: ReadonlyArray<string>
): AnyCommand => {
  const modules = apiModules.map((module): AnyCommand => {
    const summary = `export a list of ${module.name}`
    if (named === undefined || module.name !== named.name) {
      return Command.make(module.name).pipe(Command.withDescription(summary))
    }
    const lists = named.ops.filter((op) => op.paging === "offset-limit")
    const children = commandTree(
      lists.map((op) => ({
        path: exportPath(op),
        summary: `every item of ${op.method} ${op.path}`,
        make: (name) => listExportCommand(op, name)
      })),
      `export ${module.name}`,
      words.slice(1)
    )
    return Command.make(module.name).pipe(
      Command.withDescription(summary),
      Command.withSubcommands(children as [AnyCommand, ...Array<AnyCommand>])
    )
  })
  return Command.make("export").pipe(
    Command.withDescription("stream a list to a file with progress; --resume after a stop"),
    Command.withSubcommands([activitiesCommand, ...modules] as [AnyCommand, ...Array<AnyCommand>])
  )
}
