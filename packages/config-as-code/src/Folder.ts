/**
 * An export folder: `config.yaml` naming the resources exported (so an empty one is still known to
 * be part of the export), and one YAML file per item in a folder per resource (`shifts/day.yaml`).
 * Writing replaces the folder's item files, so files of items that no longer exist go away.
 */
import { FileSystem, Path } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as YAML from "yaml"
import { ConfigFileError } from "./ConfigError.js"
import { setOwn } from "./internal/own.js"
import { exportItem } from "./items.js"
import { findResource } from "./resources/catalog.js"
import type { ConfigItem } from "./resources/facts.js"
import { type ResourceItems, type Snapshot, sortedSnapshot } from "./Snapshot.js"

/** The file at the top of an export folder. */
export const manifestFile = "config.yaml"

const extension = ".yaml"
/** Files read or written at once. */
const fileConcurrency = 16
// "%" alone decodes to nothing valid, so this name cannot stand for any other key
const emptyKeyFile = `%${extension}`

// a lone surrogate cannot be percent-encoded (nor be in a file name); it becomes U+FFFD
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The file name of an item key: percent-encoded (a leading dot too, so no file is hidden), so any key is one safe file name. */
export const fileNameOf = (key: string): string =>
  key === ""
    ? emptyKeyFile
    : `${encodeURIComponent(key.replace(loneSurrogate, "\uFFFD"))
        .replace(/[*!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/^\./, "%2E")}${extension}`

/** The item key a file name stands for, or undefined for a name `fileNameOf` cannot have made. */
export const keyOfFileName = (name: string): string | undefined => {
  if (!name.endsWith(extension)) return undefined
  if (name === emptyKeyFile) return ""
  try {
    return decodeURIComponent(name.slice(0, -extension.length))
  } catch {
    return undefined
  }
}

/** YAML text of a value: no line folding, keys as given (already sorted). */
export const toYaml = (value: unknown): string => YAML.stringify(value, { lineWidth: 0, indent: 2 })

const fileError = (path: string) => (cause: unknown) =>
  new ConfigFileError({ path, reason: cause instanceof Error ? cause.message : String(cause) })

/** Writes a snapshot to `dir` (created if missing), replacing the item files of each resource it holds. */
export const writeFolder = (
  dir: string,
  snapshot: Snapshot
): Effect.Effect<void, ConfigFileError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const sorted = sortedSnapshot(snapshot)
    const resources = Object.keys(sorted).sort()
    yield* fs.makeDirectory(dir, { recursive: true }).pipe(Effect.mapError(fileError(dir)))
    for (const resource of resources) {
      const folder = path.join(dir, resource)
      yield* fs.makeDirectory(folder, { recursive: true }).pipe(Effect.mapError(fileError(folder)))
      const items = sorted[resource] ?? {}
      const wanted = new Set(Object.keys(items).map(fileNameOf))
      const present = yield* fs.readDirectory(folder).pipe(Effect.mapError(fileError(folder)))
      for (const name of present)
        if (name.endsWith(extension) && !wanted.has(name))
          yield* fs.remove(path.join(folder, name)).pipe(Effect.mapError(fileError(path.join(folder, name))))
      yield* Effect.forEach(
        Object.entries(items),
        ([key, item]) => {
          const file = path.join(folder, fileNameOf(key))
          return fs.writeFileString(file, toYaml(item)).pipe(Effect.mapError(fileError(file)))
        },
        { concurrency: fileConcurrency, discard: true }
      )
    }
    const manifest = path.join(dir, manifestFile)
    yield* fs.writeFileString(manifest, toYaml({ resources })).pipe(Effect.mapError(fileError(manifest)))
  })

const parseYaml = (file: string, text: string): Effect.Effect<unknown, ConfigFileError> =>
  Effect.try({ try: () => YAML.parse(text) as unknown, catch: fileError(file) })

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The resource names a manifest lists. */
const manifestResources = (file: string, value: unknown): Effect.Effect<ReadonlyArray<string>, ConfigFileError> => {
  const resources = isRecord(value) ? value.resources : undefined
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === "string"))
    return Effect.fail(new ConfigFileError({ path: file, reason: "expected `resources:` with a list of names" }))
  const unknown = resources.filter((name) => findResource(name) === undefined)
  if (unknown.length > 0)
    return Effect.fail(
      new ConfigFileError({ path: file, reason: `not a configuration resource: ${unknown.join(", ")}` })
    )
  return Effect.succeed(resources)
}

/** Reads one resource folder: each file an item, in exported form, keyed by its key field (else its file name). */
const readResourceFolder = (
  folder: string,
  resource: string
): Effect.Effect<ResourceItems, ConfigFileError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const facts = findResource(resource)
    if (facts === undefined) return {}
    const exists = yield* fs.exists(folder).pipe(Effect.mapError(fileError(folder)))
    if (!exists) return {}
    const names = (yield* fs.readDirectory(folder).pipe(Effect.mapError(fileError(folder)))).filter(
      (name) => !name.startsWith(".") && name.endsWith(extension)
    )
    const parsed = yield* Effect.forEach(
      names.sort(),
      (name) => {
        const file = path.join(folder, name)
        return fs.readFileString(file).pipe(
          Effect.mapError(fileError(file)),
          Effect.flatMap((text) => parseYaml(file, text)),
          Effect.map((value) => ({ name, file, value }))
        )
      },
      { concurrency: fileConcurrency }
    )
    const items: Record<string, ConfigItem> = {}
    for (const { name, file, value } of parsed) {
      const fileKey = keyOfFileName(name)
      if (fileKey === undefined)
        return yield* Effect.fail(new ConfigFileError({ path: file, reason: "not an item file name" }))
      if (!isRecord(value)) return yield* Effect.fail(new ConfigFileError({ path: file, reason: "expected a mapping" }))
      const item = exportItem(facts, value)
      const keyField = facts.shape.kind === "items" ? facts.shape.key : undefined
      const key = keyField !== undefined && typeof item[keyField] === "string" ? (item[keyField] as string) : fileKey
      if (Object.hasOwn(items, key))
        return yield* Effect.fail(new ConfigFileError({ path: file, reason: `a second item keyed "${key}"` }))
      setOwn(items, key, item)
    }
    return items
  })

/** Reads an export folder back into a snapshot (items in exported form, so hand edits are normalised). */
export const readFolder = (dir: string): Effect.Effect<Snapshot, ConfigFileError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const manifest = path.join(dir, manifestFile)
    const text = yield* fs.readFileString(manifest).pipe(Effect.mapError(fileError(manifest)))
    const resources = yield* manifestResources(manifest, yield* parseYaml(manifest, text))
    const out: Record<string, ResourceItems> = {}
    for (const resource of resources) out[resource] = yield* readResourceFolder(path.join(dir, resource), resource)
    return sortedSnapshot(out)
  })
