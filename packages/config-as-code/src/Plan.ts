/**
 * The plan that takes a target instance to a source configuration: creates, updates (each changed
 * field with its value before and after) and, with `prune`, deletes. Creates and updates come in
 * dependency order (what an item references first), deletes after them in reverse order (what
 * references an item goes first). Pure: it compares two snapshots and sends nothing.
 */
import { sameValue } from "./items.js"
import { configResources } from "./resources/catalog.js"
import type { ConfigItem, ConfigValue } from "./resources/facts.js"
import { keysOf, type Snapshot } from "./Snapshot.js"

/** One field an update changes; `before` or `after` is absent when the field is added or removed. */
export interface FieldChange {
  readonly field: string
  readonly before?: ConfigValue | undefined
  readonly after?: ConfigValue | undefined
}

/** One change the plan makes. */
export type PlanEntry =
  | { readonly action: "create"; readonly resource: string; readonly key: string; readonly item: ConfigItem }
  | {
      readonly action: "update"
      readonly resource: string
      readonly key: string
      readonly item: ConfigItem
      readonly changes: ReadonlyArray<FieldChange>
    }
  | { readonly action: "delete"; readonly resource: string; readonly key: string }

/** An item that exists only in the target and that the plan leaves there, and why. */
export interface KeptItem {
  readonly resource: string
  readonly key: string
  readonly reason: "no --prune" | "cannot be deleted through the API"
}

/** A plan: the entries in the order apply runs them, and what it does not touch. */
export interface Plan {
  readonly entries: ReadonlyArray<PlanEntry>
  /** Items only in the target that stay. */
  readonly kept: ReadonlyArray<KeptItem>
  /** Resources of the source that are exported for reference only and so not compared. */
  readonly notWritten: ReadonlyArray<string>
}

/** How to plan. */
export interface PlanOptions {
  /** Delete what the target has and the source does not (for resources that can be deleted). */
  readonly prune?: boolean | undefined
}

/** The fields whose values differ between `before` and `after`, sorted by name. */
export const fieldChanges = (before: ConfigItem, after: ConfigItem): ReadonlyArray<FieldChange> =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort()
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({
      field,
      ...(before[field] !== undefined && { before: before[field] }),
      ...(after[field] !== undefined && { after: after[field] })
    }))

/**
 * Plans the changes that make `target` match `source` for the written resources `source` holds
 * (a resource the source does not hold is left alone, so an export with `--only` plans only those).
 */
export const planChanges = (source: Snapshot, target: Snapshot, options: PlanOptions = {}): Plan => {
  const writes: Array<PlanEntry> = []
  const deletes: Array<PlanEntry> = []
  const kept: Array<KeptItem> = []
  const notWritten: Array<string> = []
  for (const resource of configResources) {
    const wanted = source[resource.name]
    if (wanted === undefined) continue
    if (!resource.written) {
      notWritten.push(resource.name)
      continue
    }
    const current = target[resource.name] ?? {}
    for (const key of keysOf(source, resource.name)) {
      const item = wanted[key] as ConfigItem
      const existing = current[key]
      if (existing === undefined) writes.push({ action: "create", resource: resource.name, key, item })
      else {
        const changes = fieldChanges(existing, item)
        if (changes.length > 0) writes.push({ action: "update", resource: resource.name, key, item, changes })
      }
    }
    const extra = keysOf(target, resource.name).filter((key) => wanted[key] === undefined)
    const resourceDeletes: Array<PlanEntry> = []
    for (const key of extra) {
      if (options.prune === true && resource.deletable)
        resourceDeletes.push({ action: "delete", resource: resource.name, key })
      else
        kept.push({
          resource: resource.name,
          key,
          reason: resource.deletable ? "no --prune" : "cannot be deleted through the API"
        })
    }
    // resources come in dependency order: deleting in reverse removes what references an item first
    deletes.unshift(...resourceDeletes)
  }
  return { entries: [...writes, ...deletes], kept, notWritten }
}

/** How many entries of each action a plan has. */
export const planCounts = (
  plan: Plan
): { readonly create: number; readonly update: number; readonly delete: number } => ({
  create: plan.entries.filter((e) => e.action === "create").length,
  update: plan.entries.filter((e) => e.action === "update").length,
  delete: plan.entries.filter((e) => e.action === "delete").length
})
