/**
 * Operation paths as the engine sees them: the module prefix (`/rest/ofscCore/v1/`) dropped, the rest
 * split into literal and `{param}` segments. A collection is named by its path after the prefix with
 * the parameters filled in: `shifts`, `activities`, `resources/TECH_00001/workSkills`.
 */

/** A path template after the module prefix, as segments. */
export interface PathShape {
  /** The segments after `/rest/<module>/<version>/`, e.g. `["resources", "{resourceId}", "workSkills"]`. */
  readonly segments: ReadonlyArray<string>
  /** The module name without the `ofsc` prefix, lower-cased first letter: `core`, `metadata`, `capacity`, ... */
  readonly module: string
}

/** Whether a segment is a `{param}` placeholder. */
export const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}")

/** The name inside a `{param}` placeholder. */
export const paramName = (segment: string): string => segment.slice(1, -1)

/** Splits an operation path template into its module and the segments after the version. */
export const shapeOf = (template: string): PathShape => {
  const [, , api = "", , ...segments] = template.split("/")
  const bare = api.replace(/^ofsc/, "")
  return { module: bare.charAt(0).toLowerCase() + bare.slice(1), segments }
}

/** Joins segments with their parameters filled in: the concrete name of a collection or document. */
export const fillSegments = (segments: ReadonlyArray<string>, params: Readonly<Record<string, string>>): string =>
  segments.map((s) => (isParam(s) ? (params[paramName(s)] ?? "") : s)).join("/")

/** The segments as a template string (`resources/{resourceId}/workSkills`). */
export const templateOf = (segments: ReadonlyArray<string>): string => segments.join("/")
