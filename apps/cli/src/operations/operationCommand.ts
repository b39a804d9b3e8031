/**
 * One operation as a command: path parameters as positional arguments (in path order), query
 * parameters as typed flags (enums as choices), `--data` for a body, `--all` for lists that page.
 * Flags are all optional here: the operation's own schema then reports every problem at once,
 * each with its path, before anything is sent.
 */
import { Args, Command, Options } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import { Effect, Option } from "effect"
import { connectionOptions, outputOptions } from "../app/globalOptions.js"
import { splitList } from "../output/rows.js"
import { describeKind, type FieldKind, type FieldSpec, fieldsOf } from "./fieldKinds.js"
import { kebab } from "./modules.js"

type AnyOptions = Options.Options<unknown>

const describe = (field: FieldSpec): string => `${describeKind(field.kind)}${field.required ? " (required)" : ""}`

const flagFor = (field: FieldSpec): AnyOptions => {
  const name = kebab(field.name)
  const kind = field.kind
  const base: AnyOptions =
    kind._tag === "integer"
      ? Options.integer(name)
      : kind._tag === "number"
        ? Options.float(name)
        : kind._tag === "boolean"
          ? Options.choice(name, ["true", "false"])
          : kind._tag === "enum"
            ? Options.choice(name, kind.values)
            : Options.text(name)
  const described = Options.withDescription(base, describe(field))
  return kind._tag === "array" ? Options.repeated(described) : Options.optional(described)
}

/** A flag's text as the schema's type wants it. */
const flagValue = (kind: FieldKind, raw: unknown): unknown => {
  if (kind._tag === "array") {
    const texts = (raw as ReadonlyArray<string>).flatMap(splitList)
    return texts.length === 0 ? undefined : texts.map((t) => flagValue(kind.item, Option.some(t)))
  }
  const value = Option.isOption(raw) ? Option.getOrUndefined(raw) : raw
  if (value === undefined) return undefined
  if (kind._tag === "boolean") return value === "true"
  if ((kind._tag === "integer" || kind._tag === "number") && typeof value === "string") return Number(value)
  return value
}

/** The path parameters in the order the path template names them. */
const pathFields = (op: AnyOperation): ReadonlyArray<FieldSpec> => {
  const fields = fieldsOf(op.pathParams?.ast)
  return [...fields].sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`))
}

const argFor = (field: FieldSpec) => {
  const name = kebab(field.name)
  const arg = (field.kind._tag === "integer" ? Args.integer({ name }) : Args.text({ name })) as Args.Args<unknown>
  return Args.withDescription(arg, describe(field))
}

/** The command for one operation; `name` is its last id segment in kebab case. */
export const operationCommand = (op: AnyOperation) => {
  const name = kebab(op.id.split(".").at(-1) ?? op.id)
  const positional = pathFields(op)
  const queryFields = fieldsOf(op.query?.ast)
  // `--fields` is the output's field picker; where OFS takes `fields` too, it is sent as well
  const sendsFields = queryFields.some((f) => f.name === "fields")
  const flagFields = queryFields.filter((f) => f.name !== "fields")
  const query: Record<string, AnyOptions> = {}
  for (const field of flagFields) query[field.name] = flagFor(field)
  const paged = op.paging === "offset-limit"
  const hasBody = op.body.kind !== "none"
  const config = {
    path: positional.length === 0 ? Args.none : Args.all(positional.map(argFor)),
    query,
    connection: connectionOptions,
    output: outputOptions,
    all: paged
      ? Options.boolean("all").pipe(Options.withDescription("stream every page, not just the first"))
      : Options.none,
    concurrency: paged
      ? Options.integer("concurrency").pipe(
          Options.withDescription("pages in flight at once with --all"),
          Options.withDefault(1)
        )
      : Options.none,
    data: hasBody
      ? Options.text("data").pipe(
          Options.withDescription("the body: JSON text, @file, or - for stdin"),
          Options.optional
        )
      : Options.none,
    contentType:
      op.body.kind === "octet-stream"
        ? Options.text("content-type").pipe(
            Options.withDescription("media type of the bytes sent (default: from the file name)"),
            Options.optional
          )
        : Options.none
  }
  return Command.make(name, config, (values) => {
    const args = (values.path ?? []) as ReadonlyArray<unknown>
    const path = positional.length === 0 ? undefined : Object.fromEntries(positional.map((f, i) => [f.name, args[i]]))
    const queryValues: Record<string, unknown> = {}
    const rawQuery = values.query as Record<string, unknown>
    for (const field of flagFields) {
      const value = flagValue(field.kind, rawQuery[field.name])
      if (value !== undefined) queryValues[field.name] = value
    }
    if (sendsFields && Option.isSome(values.output.fields)) queryValues.fields = splitList(values.output.fields.value)
    const data = values.data as Option.Option<string> | undefined
    const contentType = values.contentType as Option.Option<string> | undefined
    // the client (and with it @ofsc/core) loads only when a command runs, not for --help
    return Effect.flatMap(
      Effect.promise(() => import("./invoke.js")),
      ({ invoke }) =>
        invoke(
          op,
          {
            path,
            query: op.query === undefined ? undefined : queryValues,
            data: data === undefined ? undefined : Option.getOrUndefined(data),
            contentType: contentType === undefined ? undefined : Option.getOrUndefined(contentType),
            all:
              (values.all as unknown) === true
                ? { concurrency: Math.max(1, values.concurrency as unknown as number) }
                : undefined
          },
          values.connection,
          values.output
        )
    )
  }).pipe(Command.withDescription(`${op.method} ${op.path}${paged ? " (pages: --all for every page)" : ""}`))
}
