/**
 * An operation's input as command-line pieces: path parameters as positional arguments (in path
 * order), query parameters as typed flags (enums as choices). Flags are all optional here: the
 * operation's own schema then reports every problem at once, each with its path, before anything
 * is sent. `--fields` (an output flag) is sent as OFS's `fields` where the operation takes it.
 */
import { Args, Options } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import { SchemaReader } from "@ofsc/models"
import { Option } from "effect"
import { splitList } from "../output/rows.js"
import { describeKind } from "./fieldKinds.js"
import { kebab } from "./modules.js"

type AnyOptions = Options.Options<unknown>
type FieldSpec = SchemaReader.FieldSpec
type FieldKind = SchemaReader.FieldKind

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
  const fields = SchemaReader.fieldsOf(op.pathParams?.ast)
  return [...fields].sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`))
}

const argFor = (field: FieldSpec) => {
  const name = kebab(field.name)
  const arg = (field.kind._tag === "integer" ? Args.integer({ name }) : Args.text({ name })) as Args.Args<unknown>
  return Args.withDescription(arg, describe(field))
}

/** What the parsed arguments and flags of {@link inputOptions} look like. */
export interface InputValues {
  readonly path: unknown
  readonly query: Readonly<Record<string, unknown>>
}

/** The operation's path and query input as it goes to `transport.call`. */
export interface OperationInputParts {
  readonly path: Readonly<Record<string, unknown>> | undefined
  readonly query: Readonly<Record<string, unknown>> | undefined
}

/** The arguments and flags of an operation's input, and how to turn their values into the input. */
export const inputOptions = (op: AnyOperation, skip: ReadonlyArray<string> = []) => {
  const positional = pathFields(op)
  const queryFields = SchemaReader.fieldsOf(op.query?.ast)
  const sendsFields = queryFields.some((f) => f.name === "fields")
  const flagFields = queryFields.filter((f) => f.name !== "fields" && !skip.includes(f.name))
  const query: Record<string, AnyOptions> = {}
  for (const field of flagFields) query[field.name] = flagFor(field)
  const config = {
    path: positional.length === 0 ? Args.none : Args.all(positional.map(argFor)),
    query
  }
  const toInput = (values: InputValues, fields: Option.Option<string>): OperationInputParts => {
    const args = (values.path ?? []) as ReadonlyArray<unknown>
    const path = positional.length === 0 ? undefined : Object.fromEntries(positional.map((f, i) => [f.name, args[i]]))
    const queryValues: Record<string, unknown> = {}
    for (const field of flagFields) {
      const value = flagValue(field.kind, values.query[field.name])
      if (value !== undefined) queryValues[field.name] = value
    }
    if (sendsFields && Option.isSome(fields)) queryValues.fields = splitList(fields.value)
    return { path, query: op.query === undefined ? undefined : queryValues }
  }
  return { config, toInput }
}
