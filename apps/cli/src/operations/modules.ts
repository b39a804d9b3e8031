/**
 * The OFS API modules the command tree is made of. Only names and descriptions live here, so
 * `ofsc --help` answers without loading a single operation table; a module's table is imported
 * when its own subcommand runs.
 */
import type { AnyOperation } from "@ofsc/core"

/** One OFS API module: its command name, what it holds, and how to load its operation table. */
export interface ApiModule {
  readonly name: string
  readonly description: string
  readonly load: () => Promise<ReadonlyArray<AnyOperation>>
}

/** Every module, in the order `ofsc --help` lists them. */
export const apiModules: ReadonlyArray<ApiModule> = [
  {
    name: "core",
    description: "ofscCore: activities, resources, users, inventories, events, daily extract, service requests",
    load: () => import("@ofsc/core").then((m) => m.CoreOperations.operations)
  },
  {
    name: "metadata",
    description: "ofscMetadata: activity types, properties, shifts, work skills, work zones, plugins, ...",
    load: () => import("@ofsc/metadata").then((m) => m.MetadataOperations.operations)
  },
  {
    name: "capacity",
    description: "ofscCapacity: capacity, quota, booking options and statuses",
    load: () => import("@ofsc/capacity").then((m) => m.CapacityOperations.operations)
  },
  {
    name: "statistics",
    description: "ofscStatistics: activity duration, travel and airline distance statistics",
    load: () => import("@ofsc/statistics").then((m) => m.StatisticsOperations.operations)
  },
  {
    name: "parts-catalog",
    description: "ofscPartsCatalog: parts catalogs and their items",
    load: () => import("@ofsc/parts-catalog").then((m) => m.PartsCatalogOperations.operations)
  },
  {
    name: "collaboration",
    description: "ofscCollaboration: address book and chats",
    load: () => import("@ofsc/collaboration").then((m) => m.CollaborationOperations.operations)
  }
]

/** The command name of an operation id segment: `workSchedules` → `work-schedules`. */
export const kebab = (segment: string): string => segment.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()

/** The module command an operation belongs to (`partsCatalog.items.list` → `parts-catalog`). */
export const moduleOf = (op: AnyOperation): string => kebab(op.id.split(".")[0] ?? "")
