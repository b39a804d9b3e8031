/**
 * The OFS API modules the command tree is made of, as the generated registry (`@ofsc/modules`)
 * lists them. The registry holds only names and descriptions until asked, so `ofsc --help` answers
 * without loading a single operation table; a module's table is imported when its own subcommand runs.
 */
import type { AnyOperation } from "@ofsc/core"
import { type AnyApiModuleInfo, apiModules as registered } from "@ofsc/modules"

const registry: ReadonlyArray<AnyApiModuleInfo> = registered

/** One OFS API module: its command name, what it holds, and how to load its operation table. */
export interface ApiModule {
  readonly name: string
  readonly description: string
  readonly load: () => Promise<ReadonlyArray<AnyOperation>>
}

/** Every module, in the order `ofsc --help` lists them. */
export const apiModules: ReadonlyArray<ApiModule> = registry.map((module) => ({
  name: module.command,
  description: module.description,
  load: () => module.load().then((loaded) => loaded.operations)
}))

/** The command name of an operation id segment: `workSchedules` → `work-schedules`. */
export const kebab = (segment: string): string => segment.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()
