/** The demo's job as an Effect program: every resource's activities for one day, counted and exported. */
import { OfscCore } from "@ofsc/core"
import { Chunk, Effect, Stream } from "effect"

/** One resource's line in the report. */
export interface ResourceDay {
  readonly resourceId: string
  readonly name: string | undefined
  readonly activities: number
  readonly byStatus: Readonly<Record<string, number>>
}

/** Streams all field resources, then each one's activities on `date` (4 resources at a time). */
export const dayReport = (date: string) =>
  Effect.gen(function* () {
    const core = yield* OfscCore
    const rows = yield* core.resources.stream({}, { pageSize: 100, concurrency: 4 }).pipe(
      // buckets and organization units hold no activities of their own
      Stream.filter((resource) => resource.resourceType === "PR"),
      Stream.mapEffect(
        (resource) =>
          core.activities.stream({ resources: [resource.resourceId as string], dateFrom: date, dateTo: date }).pipe(
            Stream.runCollect,
            Effect.map((chunk) => {
              const activities = Chunk.toReadonlyArray(chunk)
              const byStatus: Record<string, number> = {}
              for (const a of activities) byStatus[a.status ?? "unknown"] = (byStatus[a.status ?? "unknown"] ?? 0) + 1
              const line: ResourceDay = {
                resourceId: resource.resourceId as string,
                name: resource.name ?? undefined,
                activities: activities.length,
                byStatus
              }
              return { line, activities }
            })
          ),
        { concurrency: 4 }
      ),
      Stream.runCollect
    )
    const all = Chunk.toReadonlyArray(rows)
    return { lines: all.map((r) => r.line), activities: all.flatMap((r) => r.activities) }
  })
