/**
 * What `ofsc config` does: read the source (an export folder or a profile) and the target, plan,
 * print the plan, ask, apply. A profile named by `--from` or `--to` is used exactly as saved (no
 * flag or OFSC_* variable changes it), so two instances never mix settings.
 */
import { Prompt } from "@effect/cli"
import { FileSystem, type Path, type Terminal } from "@effect/platform"
import {
  type ApplyReport,
  applyPlan,
  type ConfigFileError,
  type ConfigUnknownResource,
  configResources,
  type Plan,
  planChanges,
  planCounts,
  planSummary,
  readFolder,
  readInstance,
  renderPlan,
  renderReport,
  type Snapshot,
  selectResources,
  writeFolder
} from "@ofsc/config-as-code"
import type { OfscConfigError, OfscError } from "@ofsc/core"
import { Effect, Option } from "effect"
import { type CliError, io, usage } from "../app/CliError.js"
import { exitCodeOfTag, exitCodes } from "../app/exitCodes.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { clientLayer } from "../connection/clientLayer.js"
import { connectionFlags } from "../connection/settings.js"
import { stdoutSink } from "../output/Sink.js"

type Failure = OfscError | OfscConfigError | CliError
type Needs = FileSystem.FileSystem | Path.Path

/** The values of `ofsc config export`. */
export interface ExportValues {
  readonly to: string
  readonly only: Option.Option<ReadonlyArray<string>>
  readonly connection: ConnectionFlags
}

/** The values of `ofsc config diff` (and what apply shares with it). */
export interface DiffValues {
  readonly from: string
  readonly to: Option.Option<string>
  readonly only: Option.Option<ReadonlyArray<string>>
  readonly prune: boolean
  readonly output: Option.Option<"text" | "json">
  readonly connection: ConnectionFlags
}

/** The values of `ofsc config apply`. */
export interface ApplyValues extends DiffValues {
  readonly yes: boolean
  readonly dryRun: boolean
}

const fromLibrary = (error: ConfigFileError | ConfigUnknownResource): CliError =>
  error._tag === "ConfigFileError" ? io(error.message, error.reason) : usage(error.message)

/** The connection flags that select exactly the profile `name`. */
const profileOnly = (name: string): ConnectionFlags => connectionFlags({ profile: Option.some(name) })

/** The environment a named profile is read with: none of the OFSC_* settings (the config directory stays). */
const withoutOfscSettings = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("OFSC_")))

/** The transport of the target or source: the profile `name` exactly, else the command's connection. */
const connectionTo = (name: Option.Option<string>, connection: ConnectionFlags) =>
  Option.match(name, {
    onNone: () => clientLayer(connection),
    onSome: (profile) => clientLayer(profileOnly(profile), withoutOfscSettings())
  })

const onInstance = (
  name: Option.Option<string>,
  connection: ConnectionFlags,
  only: ReadonlyArray<string> | undefined
) =>
  readInstance({ only }).pipe(
    Effect.mapError((e) => (e._tag === "ConfigUnknownResource" ? fromLibrary(e) : e)),
    Effect.provide(connectionTo(name, connection))
  )

/** The source: the folder `from` names if there is one, else the profile of that name. */
const readSource = (
  from: string,
  only: ReadonlyArray<string> | undefined,
  connection: ConnectionFlags
): Effect.Effect<Snapshot, Failure, Needs> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const info = yield* Effect.option(fs.stat(from))
    if (Option.isNone(info))
      return yield* onInstance(Option.some(from), connection, only).pipe(
        Effect.catchIf(
          (e) => e._tag === "OfscConfigError" && e.key === "profile",
          () => usage(`--from ${from}: neither a folder nor a profile (see ofsc profile list)`)
        )
      )
    if (info.value.type !== "Directory") return yield* usage(`--from ${from}: not a folder (nor a profile name)`)
    yield* Effect.mapError(selectResources(only), fromLibrary)
    const snapshot = yield* Effect.mapError(readFolder(from), fromLibrary)
    return only === undefined
      ? snapshot
      : Object.fromEntries(Object.entries(snapshot).filter(([name]) => only.includes(name)))
  })

/** The target's state for the written resources the source holds. */
const readTarget = (values: DiffValues, source: Snapshot): Effect.Effect<Snapshot, Failure, Needs> => {
  const needed = configResources.filter((r) => r.written && source[r.name] !== undefined).map((r) => r.name)
  if (needed.length === 0) return Effect.succeed({})
  return onInstance(values.to, values.connection, needed)
}

const makePlan = (values: DiffValues): Effect.Effect<Plan, Failure, Needs> =>
  Effect.gen(function* () {
    const source = yield* readSource(values.from, Option.getOrUndefined(values.only), values.connection)
    const target = yield* readTarget(values, source)
    return planChanges(source, target, { prune: values.prune })
  })

const asJson = (values: DiffValues): boolean =>
  Option.getOrElse(values.output, () => (stdoutSink.isTerminal ? "text" : "json")) === "json"

const planJson = (plan: Plan) => ({ summary: planCounts(plan), ...plan })

const print = (text: string) => stdoutSink.write(text)

/** `ofsc config export --to DIR`. */
export const runExport = (values: ExportValues): Effect.Effect<void, Failure, Needs> =>
  Effect.gen(function* () {
    const snapshot = yield* onInstance(Option.none(), values.connection, Option.getOrUndefined(values.only))
    yield* Effect.mapError(writeFolder(values.to, snapshot), fromLibrary)
    const items = Object.values(snapshot).reduce((n, items) => n + Object.keys(items).length, 0)
    process.stderr.write(`exported ${items} items of ${Object.keys(snapshot).length} resources to ${values.to}\n`)
  })

/** `ofsc config diff`: the plan, as text or JSON; nothing is written. */
export const runDiff = (values: DiffValues): Effect.Effect<void, Failure, Needs> =>
  Effect.flatMap(makePlan(values), (plan) =>
    print(asJson(values) ? `${JSON.stringify(planJson(plan), null, 2)}\n` : renderPlan(plan))
  )

const finish = (report: ApplyReport) =>
  Effect.sync(() => {
    const failed = report.results.find((r) => r.outcome === "failed")
    if (failed !== undefined && failed.outcome === "failed") process.exitCode = exitCodeOfTag(failed.failure.error)
  })

/** Asks before writing, on a terminal only; `--yes` skips the question. */
const confirmed = (values: ApplyValues, plan: Plan): Effect.Effect<boolean, CliError, Terminal.Terminal> => {
  if (values.yes) return Effect.succeed(true)
  if (process.stdin.isTTY !== true)
    return Effect.fail(usage("not on a terminal: add --yes to apply without asking, or --dry-run to only look"))
  const target = Option.getOrElse(values.to, () => "the target")
  return Prompt.confirm({ message: `Apply ${planSummary(plan)} to ${target}?`, initial: false }).pipe(
    Effect.catchTag("QuitException", () => Effect.succeed(false))
  )
}

/** `ofsc config apply`: shows the plan, asks, writes, and reports each failure; non-zero if any failed. */
export const runApply = (values: ApplyValues): Effect.Effect<void, Failure, Needs | Terminal.Terminal> =>
  Effect.gen(function* () {
    const plan = yield* makePlan(values)
    const json = asJson(values)
    if (!json) yield* print(renderPlan(plan))
    if (values.dryRun || plan.entries.length === 0) {
      if (json) yield* print(`${JSON.stringify({ plan: planJson(plan), report: null }, null, 2)}\n`)
      return
    }
    if (!(yield* confirmed(values, plan))) {
      process.stderr.write("apply cancelled: nothing was written\n")
      process.exitCode = exitCodes.failure
      return
    }
    const report = yield* applyPlan(plan).pipe(Effect.provide(connectionTo(values.to, values.connection)))
    yield* print(json ? `${JSON.stringify({ plan: planJson(plan), report }, null, 2)}\n` : renderReport(report))
    yield* finish(report)
  })
