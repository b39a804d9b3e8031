/** Starts an export with the client its connection flags describe (loaded only when an export runs). */
import type { FileSystem, Path } from "@effect/platform"
import { CoreOperations, type OfscConfigError, type OfscError } from "@ofsc/core"
import { Effect } from "effect"
import type { CliError } from "../app/CliError.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { clientLayer } from "../connection/clientLayer.js"
import { type ExportPlan, runExport } from "./runExport.js"
import { dateWindows, daysBetween } from "./windows.js"

/** Runs an export plan against the connection. */
export const startExport = (
  plan: ExportPlan,
  connection: ConnectionFlags
): Effect.Effect<void, OfscError | OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.provide(runExport(plan), clientLayer(connection))

/** What `ofsc export activities` asks for. */
export interface ActivitiesExport {
  readonly from: string
  readonly to: string
  readonly query: Readonly<Record<string, unknown>>
}

/**
 * The plan of an activities export: one segment per window of at most 31 days, progress by the
 * date of the last activity written (OFS answers a window's activities date by date when no
 * resources are given, so the bar moves smoothly then; by resource it moves window by window).
 */
export const activitiesPlan = (
  request: ActivitiesExport,
  base: Omit<ExportPlan, "op" | "segments" | "position" | "what">
): ExportPlan => {
  const windows = dateWindows(request.from, request.to)
  const total = daysBetween(request.from, request.to) ?? 1
  const before = windows.map((w) => (daysBetween(request.from, w.dateFrom) ?? 1) - 1)
  return {
    ...base,
    what: "activities",
    op: CoreOperations.activitiesList,
    segments: windows.map((window) => ({ query: { ...request.query, ...window } })),
    position: (segment, last) => {
      const window = windows[segment]
      const date = typeof last === "object" && last !== null && "date" in last ? String(last.date) : undefined
      const inWindow = window === undefined || date === undefined ? 0 : (daysBetween(window.dateFrom, date) ?? 0)
      const done = (before[segment] ?? 0) + Math.max(0, inWindow)
      return { fraction: Math.min(1, done / total), label: date ?? window?.dateFrom ?? "" }
    }
  }
}
