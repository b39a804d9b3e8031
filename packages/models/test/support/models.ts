// Every schema the generated model modules export, classified as lenient model or strict Input variant.
import { Schema } from "effect"
import * as auth from "../../src/auth.js"
import * as capacity from "../../src/capacity.js"
import * as collaboration from "../../src/collaboration.js"
import * as core from "../../src/core.js"
import * as metadata from "../../src/metadata.js"
import * as partsCatalog from "../../src/parts-catalog.js"
import * as statistics from "../../src/statistics.js"

/** One exported model schema. */
export interface ExportedModel {
  readonly module: string
  readonly name: string
  readonly schema: Schema.Schema<unknown, unknown, never>
  /** For an Input variant, the lenient model of the same definition. */
  readonly lenient?: Schema.Schema<unknown, unknown, never>
}

/** Each model module's exports, by module name. */
export const modules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  core,
  metadata,
  capacity,
  statistics,
  "parts-catalog": partsCatalog,
  collaboration,
  auth
}

const asSchema = (value: unknown) => value as Schema.Schema<unknown, unknown, never>

const all = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => Schema.isSchema(value))
    .map(([name, value]) => ({ module, name, value, exports }))
)

/** `XInput` is the strict variant of `X` when `X` is exported too (some definitions end in "Input"). */
const isInputVariant = (name: string, exports: Readonly<Record<string, unknown>>) =>
  name.endsWith("Input") && Schema.isSchema(exports[name.slice(0, -"Input".length)])

/** The lenient models, one per spec definition. */
export const lenientModels: ReadonlyArray<ExportedModel> = all
  .filter(({ name, exports }) => !isInputVariant(name, exports))
  .map(({ module, name, value }) => ({ module, name, schema: asSchema(value) }))

/** The strict request variants. */
export const inputModels: ReadonlyArray<ExportedModel> = all
  .filter(({ name, exports }) => isInputVariant(name, exports))
  .map(({ module, name, value, exports }) => ({
    module,
    name,
    schema: asSchema(value),
    lenient: asSchema(exports[name.slice(0, -"Input".length)])
  }))
