/**
 * @ofsc/config-as-code: configuration as code for Oracle Fusion Field Service. Export an instance's
 * metadata to a folder of YAML files (`readInstance` + `writeFolder`), compare a source with a
 * target (`planChanges`) and apply the plan through the typed client (`applyPlan`).
 */
export * from "./Apply.js"
export * from "./ConfigError.js"
export * from "./Folder.js"
export { canonical, exportItem, writeBody } from "./items.js"
export * from "./Plan.js"
export { documentKey, type ExportOptions, readInstance, selectResources } from "./readInstance.js"
export * from "./render.js"
export {
  type ConfigResource,
  configResources,
  findResource,
  metadataOperationGroups,
  type ResourceOperations,
  uncoveredGroups
} from "./resources/catalog.js"
export type { ConfigItem, ConfigValue, ResourceShape } from "./resources/facts.js"
export * from "./Snapshot.js"
