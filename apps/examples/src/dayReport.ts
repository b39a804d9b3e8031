/** The demo's job as an Effect program: every resource's activities for one day, counted and exported. */
import { Paging } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"
import { listActivities, listResources } from "./operations.js"

/** One resource's line in the report. */
export interface ResourceDay {
  readonly resourceId: string
  readonly name: string | undefined
  readonly activities: number
  readonly byStatus: Readonly<Record<string, number>>
}

/** Streams all resources, then each one's activities on `date` (4 resources at a time). */
export const dayReport = (date: string) =>
  Paging.stream(listResources, {}, { pageSize: 100, concurrency: 4 }).pipe(
    Stream.mapEffect(
      (resource) =>
        Paging.stream(listActivities, {
          query: { resources: [resource.resourceId], dateFrom: date, dateTo: date }
        }).pipe(
          Stream.runCollect,
          Effect.map((chunk) => {
            const activities = Chunk.toReadonlyArray(chunk)
            const byStatus: Record<string, number> = {}
            for (const a of activities) byStatus[a.status ?? "unknown"] = (byStatus[a.status ?? "unknown"] ?? 0) + 1
            return {
              line: { resourceId: resource.resourceId, name: resource.name, activities: activities.length, byStatus },
              activities
            }
          })
        ),
      { concurrency: 4 }
    ),
    Stream.runCollect,
    Effect.map((chunk) => {
      const rows = Chunk.toReadonlyArray(chunk)
      return {
        lines: rows.map((r) => r.line) as ReadonlyArray<ResourceDay>,
        activities: rows.flatMap((r) => r.activities)
      }
    })
  )
