/**
 * Generates the module registry of `@ofsc/modules`: the six API modules listed once, each with its
 * name, command, package, path prefix, the API methods that answer a Stream, and a loader that
 * imports its package only when called (`generated/registry.ts`); and the same modules loaded at
 * once, for programs that serve every operation (`generated/all.ts`).
 */
import { type PlannedOperation, serviceName, streamMethodsOf } from "./operations.js"
import { modules } from "./spec.js"
import { writeGeneratedFile } from "./writeFile.js"

/** What each module holds, in a line (`ofsc --help` shows it); the spec's own words are not kept. */
const descriptions: Readonly<Record<string, string>> = {
  core: "ofscCore: activities, resources, users, inventories, events, daily extract, service requests",
  metadata: "ofscMetadata: activity types, properties, shifts, work skills, work zones, plugins, ...",
  capacity: "ofscCapacity: capacity, quota, booking options and statuses",
  statistics: "ofscStatistics: activity duration, travel and airline distance statistics",
  partsCatalog: "ofscPartsCatalog: parts catalogs and their items",
  collaboration: "ofscCollaboration: address book and chats"
}

const pascal = (key: string) => key[0]!.toUpperCase() + key.slice(1)

/** One module as the registry writes it. */
interface RegistryModule {
  readonly key: string
  readonly pkg: string
  readonly prefix: string
  readonly service: string
  readonly table: string
  readonly streams: ReadonlyArray<string>
}

const registryModules = (planned: ReadonlyArray<PlannedOperation>): ReadonlyArray<RegistryModule> =>
  modules
    .filter((m) => m.key !== "auth")
    .map((m) => ({
      key: m.key,
      pkg: m.pkg,
      prefix: m.prefix,
      service: serviceName(m.key),
      table: `${pascal(m.key)}Operations`,
      streams: planned
        .filter((p) => p.spec.module.key === m.key)
        .flatMap((p) => streamMethodsOf(p).map((name) => [p.resource, name].join(".")))
    }))

/** The loaded module, read off the package's namespace `ns`. */
const loaded = (m: RegistryModule, ns: string) =>
  `{ name: ${JSON.stringify(m.key)}, operations: ${ns}${m.table}.operations, tag: ${ns}${m.service}, layer: ${ns}${m.service}.layer }`

const renderRegistry = (mods: ReadonlyArray<RegistryModule>): string => {
  const entries = mods.map(
    (m) => `  {
    name: ${JSON.stringify(m.key)},
    command: ${JSON.stringify(m.pkg)},
    packageName: ${JSON.stringify(`@ofsc/${m.pkg}`)},
    pathPrefix: ${JSON.stringify(m.prefix)},
    description: ${JSON.stringify(descriptions[m.key] ?? m.key)},
    streamMethods: [${m.streams.map((s) => JSON.stringify(s)).join(", ")}],
    load: () => import(${JSON.stringify(`@ofsc/${m.pkg}`)}).then((m) => (${loaded(m, "m.")}))
  }`
  )
  const tupleType = mods.map((m) => `ApiModuleInfo<${JSON.stringify(m.key)}, ${m.service}, ${m.service}Api>`)
  return `${mods.map((m) => `import type { ${m.service}, ${m.service}Api } from ${JSON.stringify(`@ofsc/${m.pkg}`)}`).join("\n")}
import type { ApiModuleInfo } from "../ApiModule.js"

/** Every OFS API module, in the order help lists them; \`load\` imports a module's package when called. */
export const apiModules: readonly [${tupleType.join(", ")}] = [
${entries.join(",\n")}
]

/** The name of an API module (\`core\`, \`metadata\`, ..., \`partsCatalog\`). */
export type ApiModuleName = (typeof apiModules)[number]["name"]

/** The service of every API module, by module name: what \`@ofsc/sync\` mirrors. */
export interface OfscApis {
${mods.map((m) => `  /** The ${m.key} API (\`${m.service}\`). */\n  readonly ${m.key}: ${m.service}Api`).join("\n")}
}
`
}

const renderAll = (mods: ReadonlyArray<RegistryModule>): string => {
  const tupleType = mods.map((m) => `ApiModule<${JSON.stringify(m.key)}, ${m.service}, ${m.service}Api>`)
  return `${mods.map((m) => `import { ${m.table}, ${m.service}, type ${m.service}Api } from ${JSON.stringify(`@ofsc/${m.pkg}`)}`).join("\n")}
import type { ApiModule } from "../ApiModule.js"

/** Every OFS API module, loaded: for programs that serve or call every operation (the simulator, the sync worker). */
export const allModules: readonly [${tupleType.join(", ")}] = [
${mods.map((m) => `  ${loaded(m, "")}`).join(",\n")}
]
`
}

/** Writes the registry files of `@ofsc/modules`; answers the files that changed. */
export const generateRegistry = (planned: ReadonlyArray<PlannedOperation>): ReadonlyArray<string> => {
  const mods = registryModules(planned)
  const dir = "packages/modules/src/generated"
  const changed: Array<string> = []
  if (writeGeneratedFile(`${dir}/registry.ts`, renderRegistry(mods))) changed.push(`${dir}/registry.ts`)
  if (writeGeneratedFile(`${dir}/all.ts`, renderAll(mods))) changed.push(`${dir}/all.ts`)
  return changed
}
