/**
 * Everything the mirror reads from OFS, through @ofsc/core (its retries, rate-limit waits and
 * concurrency bounds apply): the snapshot's lists and the single reads that resolve an event. GET
 * activities is asked in windows of at most 31 days (OFS's limit) with at most 3 requests in flight
 * (OFS's limit, also enforced by the transport); the per-resource and per-activity lists go a few
 * at a time.
 */
import { OfscCore, type OfscError } from "@ofsc/core"
import { Chunk, Effect, Option, Stream } from "effect"
import type { Json } from "../tables/tables.js"

/** A window of activity dates, both ends included (`YYYY-MM-DD`). */
export interface DateWindow {
  readonly dateFrom: string
  readonly dateTo: string
}

const dayMs = 86_400_000

/** `[from, to]` cut into windows of at most 31 days. */
export const dateWindows = (from: string, to: string): ReadonlyArray<DateWindow> => {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  const out: Array<DateWindow> = []
  for (let at = start; at <= end; at += 31 * dayMs) {
    out.push({
      dateFrom: new Date(at).toISOString().slice(0, 10),
      dateTo: new Date(Math.min(end, at + 30 * dayMs)).toISOString().slice(0, 10)
    })
  }
  return out
}

const asJson = (value: unknown): Json => value as Json

/** Pages of activities of a date range, as OFS answers them. */
export const activityPages = (
  from: string,
  to: string,
  pageSize: number
): Stream.Stream<ReadonlyArray<Json>, OfscError, OfscCore> =>
  Stream.unwrap(
    Effect.map(OfscCore, (core) =>
      Stream.flatMap(
        Stream.fromIterable(dateWindows(from, to)),
        (window) =>
          core.activities
            .stream({ ...window, includeNonScheduled: false } as never, { pageSize, concurrency: 3 })
            .pipe(Stream.chunks),
        { concurrency: 1 }
      ).pipe(Stream.map((chunk) => Chunk.toReadonlyArray(chunk).map(asJson)))
    )
  )

/** Pages of every resource. */
export const resourcePages: Stream.Stream<ReadonlyArray<Json>, OfscError, OfscCore> = Stream.unwrap(
  Effect.map(OfscCore, (core) =>
    core.resources.stream(undefined, { pageSize: 100, concurrency: 4 }).pipe(
      Stream.chunks,
      Stream.map((chunk) => Chunk.toReadonlyArray(chunk).map(asJson))
    )
  )
)

/** Pages of every user. */
export const userPages: Stream.Stream<ReadonlyArray<Json>, OfscError, OfscCore> = Stream.unwrap(
  Effect.map(OfscCore, (core) =>
    core.users.stream(undefined, { pageSize: 100, concurrency: 4 }).pipe(
      Stream.chunks,
      Stream.map((chunk) => Chunk.toReadonlyArray(chunk).map(asJson))
    )
  )
)

/** The items of a list answer (`{ items }`), or none. */
const itemsOf = (answer: unknown): ReadonlyArray<Json> => {
  const items = (answer as { items?: unknown } | undefined)?.items
  return Array.isArray(items) ? (items as ReadonlyArray<Json>) : []
}

/** None for a 404 (the entity is gone), the answer otherwise. */
const orGone = <A>(read: Effect.Effect<A, OfscError>): Effect.Effect<Option.Option<A>, OfscError> =>
  read.pipe(
    Effect.map(Option.some),
    Effect.catchTag("OfscNotFound", () => Effect.succeed(Option.none()))
  )

/** What the mirror holds of one resource besides the resource itself. */
export interface ResourceDetails {
  readonly inventories: ReadonlyArray<Json>
  readonly workSkills: ReadonlyArray<Json>
  readonly workZones: ReadonlyArray<Json>
  readonly workSchedules: ReadonlyArray<Json>
}

/** Which per-resource lists to read. */
export interface ResourceDetailKinds {
  readonly inventories: boolean
  readonly workSkills: boolean
  readonly workZones: boolean
  readonly workSchedules: boolean
}

/** A resource's inventories, work skills, zones and schedules (empty lists for a resource that is gone). */
export const resourceDetails = (
  resourceId: string,
  kinds: ResourceDetailKinds
): Effect.Effect<ResourceDetails, OfscError, OfscCore> =>
  Effect.flatMap(OfscCore, (core) => {
    const withResource = (items: ReadonlyArray<Json>) => items.map((item) => ({ ...item, resourceId }))
    const list = (enabled: boolean, read: Effect.Effect<unknown, OfscError>) =>
      enabled
        ? Effect.map(orGone(read), (answer) => withResource(itemsOf(Option.getOrUndefined(answer))))
        : Effect.succeed([])
    return Effect.all(
      {
        inventories: kinds.inventories
          ? Effect.map(
              orGone(Stream.runCollect(core.resources.inventories.stream(resourceId, undefined, { pageSize: 100 }))),
              (items) => Option.match(items, { onNone: () => [], onSome: (c) => Chunk.toReadonlyArray(c).map(asJson) })
            )
          : Effect.succeed([]),
        workSkills: list(kinds.workSkills, core.resources.workSkills.list(resourceId)),
        workZones: list(kinds.workZones, core.resources.workZones.list(resourceId)),
        workSchedules: list(kinds.workSchedules, core.resources.workSchedules.list(resourceId))
      },
      { concurrency: 4 }
    )
  })

/** What the mirror holds of one activity besides the activity itself. */
export interface ActivityDetails {
  readonly inventories: ReadonlyArray<Json>
  readonly links: ReadonlyArray<Json>
}

/** An activity's customer, installed and deinstalled inventories and its links (empty when it is gone). */
export const activityDetails = (
  activityId: number,
  kinds: { readonly inventories: boolean; readonly links: boolean }
): Effect.Effect<ActivityDetails, OfscError, OfscCore> =>
  Effect.flatMap(OfscCore, (core) => {
    const all = (read: Stream.Stream<unknown, OfscError>) =>
      Effect.map(orGone(Stream.runCollect(read)), (items) =>
        Option.match(items, { onNone: () => [], onSome: (c) => Chunk.toReadonlyArray(c).map(asJson) })
      )
    return Effect.all(
      {
        inventories: kinds.inventories
          ? Effect.map(
              Effect.all(
                [
                  all(core.activities.customerInventories.stream(activityId, undefined, { pageSize: 100 })),
                  all(core.activities.installedInventories.stream(activityId, undefined, { pageSize: 100 })),
                  all(core.activities.deinstalledInventories.stream(activityId, undefined, { pageSize: 100 }))
                ],
                { concurrency: 3 }
              ),
              (lists) => lists.flat()
            )
          : Effect.succeed([]),
        links: kinds.links
          ? Effect.map(orGone(core.activities.linkedActivities.list(String(activityId))), (answer) =>
              itemsOf(Option.getOrUndefined(answer))
            )
          : Effect.succeed([])
      },
      { concurrency: 2 }
    )
  })

/** One record read again: none when OFS no longer has it. */
export const readRecord = (
  entity: "activity" | "resource" | "user" | "inventory",
  key: string | number
): Effect.Effect<Option.Option<Json>, OfscError, OfscCore> =>
  Effect.flatMap(OfscCore, (core) => {
    switch (entity) {
      case "activity":
        return Effect.map(orGone(core.activities.get(Number(key))), Option.map(asJson))
      case "resource":
        return Effect.map(orGone(core.resources.get(String(key))), Option.map(asJson))
      case "user":
        return Effect.map(orGone(core.users.get(String(key))), Option.map(asJson))
      case "inventory":
        return Effect.map(orGone(core.inventories.get(Number(key))), Option.map(asJson))
    }
  })
