/**
 * Exports an instance's configuration into a snapshot: every resource of the catalog (or those
 * `only` names), each item in exported form. Reads only; a resource under a parent (enumerations
 * under properties) reads its parent's list first even when the parent is not asked for.
 */
import type { OfscError, OfscTransport } from "@ofsc/core"
import * as Effect from "effect/Effect"
import { ConfigUnknownResource } from "./ConfigError.js"
import { callOperation, listItems } from "./internal/calls.js"
import { exportItem } from "./items.js"
import { type ConfigResource, configResources } from "./resources/catalog.js"
import type { ConfigItem } from "./resources/facts.js"
import type { ResourceItems, Snapshot } from "./Snapshot.js"
import { sortedSnapshot } from "./Snapshot.js"

/** What to export. */
export interface ExportOptions {
  /** Resource names to export (all when absent). */
  readonly only?: ReadonlyArray<string> | undefined
  /** Item reads in flight at once for resources read item by item (4 by default). */
  readonly concurrency?: number | undefined
}

/** The key under which a document resource (one value for the whole set) keeps its value. */
export const documentKey = "all"

/** The resources `only` selects, or a typed error naming the unknown ones. */
export const selectResources = (
  only: ReadonlyArray<string> | undefined
): Effect.Effect<ReadonlyArray<ConfigResource>, ConfigUnknownResource> => {
  if (only === undefined || only.length === 0) return Effect.succeed(configResources)
  const unknown = only.filter((name) => !configResources.some((r) => r.name === name))
  if (unknown.length > 0)
    return Effect.fail(new ConfigUnknownResource({ names: unknown, known: configResources.map((r) => r.name) }))
  return Effect.succeed(configResources.filter((r) => only.includes(r.name)))
}

const keyOf = (item: ConfigItem, field: string): string => {
  const value = item[field]
  return typeof value === "string" ? value : String(value)
}

type Read = Effect.Effect<ResourceItems, OfscError, OfscTransport>

const readResource = (
  resource: ConfigResource,
  read: Readonly<Record<string, ResourceItems>>,
  concurrency: number
): Read => {
  const { list, get } = resource.operations
  if (list === undefined) return Effect.succeed({})
  const shape = resource.shape
  switch (shape.kind) {
    case "items":
      return Effect.gen(function* () {
        const listed = (yield* listItems(list, [])).map((raw) => exportItem(resource, raw))
        const items =
          resource.readEach && get !== undefined
            ? yield* Effect.forEach(
                listed,
                (item) => Effect.map(callOperation(get, [keyOf(item, shape.key)]), (raw) => exportItem(resource, raw)),
                { concurrency }
              )
            : listed
        return Object.fromEntries(items.map((item) => [keyOf(item, shape.key), item]))
      })
    case "document":
      return Effect.map(callOperation(list, []), (raw) => ({ [documentKey]: exportItem(resource, raw) }))
    case "perParent": {
      const parents = Object.entries(read[shape.parent] ?? {}).filter(([, parent]) => resource.includes(parent))
      return Effect.map(
        Effect.forEach(
          parents,
          ([key]) => Effect.map(listItems(list, [key]), (items) => [key, exportItem(resource, { items })] as const),
          { concurrency }
        ),
        Object.fromEntries
      )
    }
    case "childItems":
      return underEachParent(Object.keys(read[shape.parent] ?? {}), concurrency, (parent) =>
        Effect.map(listItems(list, [parent]), (items) =>
          items.map((raw) => {
            const item = exportItem(resource, raw)
            return [`${parent}/${keyOf(item, shape.key)}`, item] as const
          })
        )
      )
    case "files":
      if (get === undefined) return Effect.succeed({})
      return underEachParent(Object.keys(read[shape.parent] ?? {}), concurrency, (parent) =>
        Effect.flatMap(listItems(list, [parent]), (labels) =>
          Effect.forEach(
            labels.map(String),
            (label) =>
              Effect.map(
                callOperation(get, [parent, label]),
                (bytes) => [`${parent}/${label}`, fileItem(resource, label, bytes as Uint8Array)] as const
              ),
            { concurrency }
          )
        )
      )
  }
}

/** The items read under each parent, keyed `parent/child`, merged into one resource. */
const underEachParent = (
  parents: ReadonlyArray<string>,
  concurrency: number,
  read: (parent: string) => Effect.Effect<ReadonlyArray<readonly [string, ConfigItem]>, OfscError, OfscTransport>
): Read =>
  Effect.map(Effect.forEach(parents, read, { concurrency }), (perParent) => Object.fromEntries(perParent.flat()))

/** An exported file as an item: its label, and its text (or, when it is not UTF-8, its bytes in base64). */
const fileItem = (resource: ConfigResource, label: string, bytes: Uint8Array): ConfigItem => {
  const key = "key" in resource.shape ? resource.shape.key : "label"
  try {
    return { content: new TextDecoder("utf-8", { fatal: true }).decode(bytes), [key]: label }
  } catch {
    return { contentBase64: Buffer.from(bytes).toString("base64"), [key]: label }
  }
}

/** Reads the configuration of the instance the transport points at. */
export const readInstance = (
  options: ExportOptions = {}
): Effect.Effect<Snapshot, OfscError | ConfigUnknownResource, OfscTransport> =>
  Effect.gen(function* () {
    const selected = yield* selectResources(options.only)
    const needed = new Set(selected.map((r) => r.name))
    for (const resource of selected) if ("parent" in resource.shape) needed.add(resource.shape.parent)
    const read: Record<string, ResourceItems> = {}
    // in dependency order, so a parent is read before the resources under it
    for (const resource of configResources) {
      if (!needed.has(resource.name)) continue
      read[resource.name] = yield* readResource(resource, read, options.concurrency ?? 4)
    }
    return sortedSnapshot(Object.fromEntries(selected.map((r) => [r.name, read[r.name] ?? {}])))
  })
