/**
 * Operation paths as the engine sees them: the module prefix (`/rest/ofscCore/v1/`) dropped, the rest
 * split into literal and `{param}` segments. A collection is named by its path after the prefix with
 * the parameters filled in: `shifts`, `activities`, `resources/TECH_00001/workSkills`.
 */

/** Whether a segment is a `{param}` placeholder. */
export const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}")

/** The name inside a `{param}` placeholder. */
export const paramName = (segment: string): string => segment.slice(1, -1)

/** The segments of an operation path template after `/rest/<module>/<version>/`. */
export const segmentsOf = (template: string): ReadonlyArray<string> => template.split("/").slice(4)

/** Joins segments with their parameters filled in: the concrete name of a collection or document. */
export const fillSegments = (segments: ReadonlyArray<string>, params: Readonly<Record<string, string>>): string =>
  segments.map((s) => (isParam(s) ? (params[paramName(s)] ?? "") : s)).join("/")

/** The segments as a template string (`resources/{resourceId}/workSkills`). */
export const templateOf = (segments: ReadonlyArray<string>): string => segments.join("/")
