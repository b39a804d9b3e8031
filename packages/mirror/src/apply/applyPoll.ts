/**
 * Applies one poll of events: works out each touched row's new state (merging the events' changes,
 * or reading the entity again where the stale-event rule says so, see staleness.ts), then, in one
 * transaction, moves the cursor by compare-and-set and writes the rows, their changes and the
 * outbox's deliveries. A crash before the commit leaves the old cursor: the poll is read again and
 * applied again from scratch; after it, the poll is never applied again.
 */
import { SqlClient, type SqlError } from "@effect/sql"
import type { EventPoll, OfscCore, OfscError } from "@ofsc/core"
import { Effect, Option } from "effect"
import { type ActivityDetails, activityDetails, readRecord, resourceDetails } from "../load/ofsReads.js"
import { replaceResourceList } from "../load/refresh.js"
import { type ChangeRecord, diffRow, writeChanges } from "../outbox/changes.js"
import { advanceCursor, type CursorMoved, type MirrorPosition } from "../state/mirrorState.js"
import { type RowWrite, readRows, type StoredRow, writeRows } from "../state/rows.js"
import {
  activitiesTable,
  activityLinksTable,
  type Columns,
  entityKeyOf,
  inventoriesTable,
  type Json,
  type MirrorTable,
  tables
} from "../tables/tables.js"
import { type EntityEffect, mergeChanges, readEvent } from "./eventEffects.js"
import { activityInWindow, type MirrorRunContext } from "./scope.js"
import { eventsAreNewer, neverRead } from "./staleness.js"

/** What applying a poll needs besides the poll. */
export interface ApplyContext extends MirrorRunContext {
  readonly owner: string
  readonly leaseTtlMs: number
}

/** The outcome of one applied poll. */
export interface AppliedPoll {
  readonly position: MirrorPosition
  readonly changes: ReadonlyArray<ChangeRecord>
  /** The events the poll brought. */
  readonly events: number
  readonly unknownEvents: number
  readonly rereads: number
}

type RecordEntity = "activity" | "resource" | "user" | "inventory"
type ChangeEffect = Extract<EntityEffect, { kind: "change" }>

/** A state a row went through within the poll, before its last. */
interface Step {
  readonly data: Json
  readonly eventType: string
  readonly at: string | undefined
}

/** The rows a poll ends with, per table, with what they were before it. */
class PollRows {
  readonly finals = new Map<
    MirrorTable,
    Map<
      string,
      {
        write: RowWrite
        before: StoredRow | undefined
        eventType: string | undefined
        at: string | undefined
        steps: ReadonlyArray<Step>
      }
    >
  >()

  set(
    table: MirrorTable,
    write: RowWrite,
    before: StoredRow | undefined,
    eventType: string | undefined,
    at: string | undefined,
    steps: ReadonlyArray<Step> = []
  ) {
    const rows = this.finals.get(table) ?? new Map()
    this.finals.set(table, rows)
    rows.set(entityKeyOf(table, write.key), { write, before, eventType, at, steps })
  }

  get(table: MirrorTable, key: string) {
    return this.finals.get(table)?.get(key)
  }
}

const keyValue = (table: MirrorTable, key: Columns) => key[table.keys[0] as string] as string | number

/** Applies one poll; fails with CursorMoved (nothing written) when another process moved the cursor first. */
export const applyPoll = (
  poll: EventPoll<unknown>,
  position: MirrorPosition,
  context: ApplyContext
): Effect.Effect<AppliedPoll, OfscError | SqlError.SqlError | CursorMoved, SqlClient.SqlClient | OfscCore> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const pollNumber = position.pollsApplied + 1
    const now = new Date().toISOString()
    const unknown: Array<{ event: unknown; reason: string }> = []
    // the effects on each record, in log order, with the event each came from
    const recordEffects = new Map<
      string,
      {
        entity: RecordEntity
        key: Columns
        effects: Array<{ effect: EntityEffect; type: string; at: string | undefined }>
      }
    >()
    const linkRereads = new Set<number>()
    const linkDeletes: Array<{ key: Columns; type: string; at: string | undefined }> = []
    const listReplacements = new Map<
      string,
      { effect: Extract<EntityEffect, { kind: "rereadResourceList" }>; type: string; at: string | undefined }
    >()
    for (const item of poll.items) {
      const event = (typeof item === "object" && item !== null ? item : {}) as Json
      const reading = readEvent(event)
      if (!reading.ok) {
        unknown.push({ event: item, reason: reading.reason })
        continue
      }
      const type = String(event.eventType)
      const at = typeof event.time === "string" ? event.time : undefined
      for (const effect of reading.effects) {
        if (effect.kind === "rereadLinks") for (const id of effect.activityIds) linkRereads.add(id)
        else if (effect.kind === "rereadResourceList")
          listReplacements.set(`${effect.entity}/${effect.resourceId}`, { effect, type, at })
        else if (effect.entity === "activityLink") linkDeletes.push({ key: effect.key, type, at })
        else if (effect.kind === "change" || effect.kind === "delete") {
          const entity = effect.entity as RecordEntity
          const id = `${entity}/${entityKeyOf(tables[entity], effect.key)}`
          const entry = recordEffects.get(id) ?? { entity, key: effect.key, effects: [] }
          entry.effects.push({ effect, type, at })
          recordEffects.set(id, entry)
        }
      }
    }

    // the rows as stored now
    const stored = new Map<string, StoredRow>()
    for (const entity of ["activity", "resource", "user", "inventory"] as const) {
      const table = tables[entity]
      const ids = [...recordEffects.values()].filter((e) => e.entity === entity).map((e) => keyValue(table, e.key))
      for (const row of yield* readRows(table, table.keys[0] as string, ids))
        stored.set(`${entity}/${entityKeyOf(table, row.key)}`, row)
    }

    // merge, or decide to read again
    const rows = new PollRows()
    const toRead: Array<{
      id: string
      entity: RecordEntity
      key: Columns
      before: StoredRow | undefined
      type: string
      at: string | undefined
    }> = []
    for (const [id, entry] of recordEffects) {
      const table = tables[entry.entity]
      const before = stored.get(id)
      const last = entry.effects[entry.effects.length - 1] as (typeof entry.effects)[number]
      const live = before !== undefined && !before.deleted
      const first = entry.effects[0]?.effect
      const deletes = entry.effects.some((e) => e.effect.kind === "delete")
      const mergeable = live
        ? eventsAreNewer(before.readSeq, position.lastHeadPoll)
        : first?.kind === "change" && first.created
      if (!mergeable && !deletes) {
        toRead.push({ id, entity: entry.entity, key: entry.key, before, type: last.type, at: last.at })
        continue
      }
      // each event's state in turn, so every change is forwarded (a start then a completion: two changes)
      let data: Json = live ? before.data : {}
      const steps: Array<Step> = []
      for (const { effect, type, at } of entry.effects) {
        if (effect.kind === "delete") break
        if (!mergeable) continue
        data = mergeChanges(data, (effect as ChangeEffect).changes)
        steps.push({ data, eventType: type, at })
      }
      if (!deletes) steps.pop()
      rows.set(
        table,
        {
          key: entry.key,
          data: deletes ? (steps.at(-1)?.data ?? before?.data ?? {}) : data,
          deleted: deletes,
          readSeq: live ? before.readSeq : neverRead,
          confirmedBy: "event"
        },
        before,
        last.type,
        last.at,
        steps
      )
    }
    const reads = yield* Effect.forEach(
      toRead,
      (target) =>
        Effect.map(readRecord(target.entity, keyValue(tables[target.entity], target.key)), (answer) => ({
          target,
          answer
        })),
      { concurrency: 8 }
    )
    for (const { target, answer } of reads) {
      const table = tables[target.entity]
      rows.set(
        table,
        {
          key: target.key,
          data: Option.getOrElse(answer, () => target.before?.data ?? {}),
          deleted: Option.isNone(answer),
          readSeq: pollNumber,
          confirmedBy: "read"
        },
        target.before,
        target.type,
        target.at
      )
    }

    // activities outside the window leave the mirror; ones that come into it bring their details
    const entered: Array<number> = []
    const left: Array<number> = []
    for (const [, final] of rows.finals.get(activitiesTable) ?? new Map()) {
      const wasLive = final.before !== undefined && !final.before.deleted
      const inScope = !final.write.deleted && activityInWindow(final.write.data, context.scope)
      if (!inScope && !final.write.deleted) final.write = { ...final.write, deleted: true }
      const id = Number(final.write.key.activity_id)
      if (inScope && !wasLive) entered.push(id)
      if (!inScope && wasLive) left.push(id)
    }
    const details = new Map<number, ActivityDetails>()
    if (context.scope.activityInventories || context.scope.activityLinks) {
      const read = yield* Effect.forEach(
        entered,
        (id) =>
          Effect.map(
            activityDetails(id, { inventories: context.scope.activityInventories, links: context.scope.activityLinks }),
            (d) => [id, d] as const
          ),
        { concurrency: 8 }
      )
      for (const [id, d] of read) details.set(id, d)
    }
    // the activities the mirror keeps as this poll ends: links are kept as these activities list them
    const keptAfterPoll = new Set(
      (yield* readRows(activitiesTable, "activity_id", [...linkRereads, ...left]))
        .filter((r) => !r.deleted)
        .map((r) => Number(r.key.activity_id))
    )
    for (const [, final] of rows.finals.get(activitiesTable) ?? new Map()) {
      const id = Number(final.write.key.activity_id)
      if (final.write.deleted) keptAfterPoll.delete(id)
      else keptAfterPoll.add(id)
    }
    const linkActivities = [...linkRereads].filter((id) => !entered.includes(id) && keptAfterPoll.has(id))
    if (context.scope.activityLinks) {
      const read = yield* Effect.forEach(
        linkActivities,
        (id) => Effect.map(activityDetails(id, { inventories: false, links: true }), (d) => [id, d] as const),
        { concurrency: 8 }
      )
      for (const [id, d] of read) details.set(id, { inventories: details.get(id)?.inventories ?? [], links: d.links })
    }

    // per-activity inventories and links of activities that came in or left, and links read again
    const inventoryRows = (rowsOf: ReadonlyArray<StoredRow>) =>
      rowsOf.filter((r) => !r.deleted && r.data.status !== "resource")
    const touchedActivities = [...new Set([...entered, ...left, ...linkActivities])]
    const storedLinks = [
      ...(yield* readRows(activityLinksTable, "from_activity_id", touchedActivities)),
      ...(yield* readRows(activityLinksTable, "to_activity_id", touchedActivities))
    ]
    const storedActivityInventories = inventoryRows(
      yield* readRows(inventoriesTable, "activity_id", [...entered, ...left])
    )
    for (const id of left) {
      // a link leaves with the activity unless its other end is still kept (and still lists it)
      for (const row of storedLinks)
        if (
          !row.deleted &&
          (row.key.from_activity_id === id || row.key.to_activity_id === id) &&
          !keptAfterPoll.has(
            Number(row.key.from_activity_id === id ? row.key.to_activity_id : row.key.from_activity_id)
          )
        )
          rows.set(
            activityLinksTable,
            { ...row, deleted: true, confirmedBy: "event" },
            row,
            "activityLeftWindow",
            undefined
          )
      for (const row of storedActivityInventories)
        if (
          Number(row.data.activityId) === id &&
          rows.get(inventoriesTable, entityKeyOf(inventoriesTable, row.key)) === undefined
        )
          rows.set(
            inventoriesTable,
            { ...row, deleted: true, confirmedBy: "event" },
            row,
            "activityLeftWindow",
            undefined
          )
    }
    for (const [id, d] of details) {
      if (context.scope.activityLinks) {
        const seen = new Set<string>()
        for (const link of d.links) {
          const key = activityLinksTable.keyOf(link)
          if (key === undefined) continue
          const k = entityKeyOf(activityLinksTable, key)
          seen.add(k)
          const before = storedLinks.find((r) => entityKeyOf(activityLinksTable, r.key) === k)
          rows.set(
            activityLinksTable,
            { key, data: link, deleted: false, readSeq: pollNumber, confirmedBy: "read" },
            before,
            "activityLinkCreated",
            undefined
          )
        }
        for (const row of storedLinks)
          if (
            !row.deleted &&
            (row.key.from_activity_id === id || row.key.to_activity_id === id) &&
            !seen.has(entityKeyOf(activityLinksTable, row.key))
          )
            rows.set(
              activityLinksTable,
              { ...row, deleted: true, confirmedBy: "read" },
              row,
              "activityLinkDeleted",
              undefined
            )
      }
      if (context.scope.activityInventories && entered.includes(id)) {
        for (const inventory of d.inventories) {
          const key = inventoriesTable.keyOf(inventory)
          if (key === undefined || rows.get(inventoriesTable, entityKeyOf(inventoriesTable, key)) !== undefined)
            continue
          rows.set(
            inventoriesTable,
            { key, data: inventory, deleted: false, readSeq: pollNumber, confirmedBy: "read" },
            storedActivityInventories.find((r) => r.key.inventory_id === key.inventory_id),
            "activityEnteredWindow",
            undefined
          )
        }
      }
    }
    for (const { key, type, at } of linkDeletes) {
      const k = entityKeyOf(activityLinksTable, key)
      if (rows.get(activityLinksTable, k) !== undefined) continue
      const [before] = (yield* readRows(activityLinksTable, "from_activity_id", [
        key.from_activity_id as number
      ])).filter((r) => entityKeyOf(activityLinksTable, r.key) === k)
      if (before !== undefined && !before.deleted)
        rows.set(activityLinksTable, { ...before, deleted: true, confirmedBy: "event" }, before, type, at)
    }

    // inventories of activities the mirror does not keep are not kept either
    const inventoryFinals = rows.finals.get(inventoriesTable)
    if (inventoryFinals !== undefined) {
      const activityIds = [...inventoryFinals.values()]
        .map((f) => Number(f.write.data.activityId))
        .filter(Number.isSafeInteger)
      const liveActivities = new Set(
        (yield* readRows(activitiesTable, "activity_id", activityIds))
          .filter((r) => !r.deleted)
          .map((r) => Number(r.key.activity_id))
      )
      for (const [id, final] of rows.finals.get(activitiesTable) ?? new Map()) {
        const activityId = Number(id)
        if (final.write.deleted) liveActivities.delete(activityId)
        else liveActivities.add(activityId)
      }
      for (const final of inventoryFinals.values()) {
        const held = final.write.data.status === "resource" || !context.scope.activityInventories
        if (!final.write.deleted && !held && !liveActivities.has(Number(final.write.data.activityId)))
          final.write = { ...final.write, deleted: true }
        if (!final.write.deleted && final.write.data.status !== "resource" && !context.scope.activityInventories)
          final.write = { ...final.write, deleted: true }
        if (!final.write.deleted && final.write.data.status === "resource" && !context.scope.resourceInventories)
          final.write = { ...final.write, deleted: true }
      }
    }

    // work skills and zones replaced whole by a resource's event
    for (const { effect, type, at } of listReplacements.values()) {
      const table = tables[effect.entity]
      if (!(effect.entity === "workSkill" ? context.scope.workSkills : context.scope.workZones)) continue
      const before = yield* readRows(table, "resource_id", [effect.resourceId])
      const skills = effect.entity === "workSkill"
      const lists = yield* resourceDetails(effect.resourceId, {
        inventories: false,
        workSkills: skills,
        workZones: !skills,
        workSchedules: false
      })
      const items = skills ? lists.workSkills : lists.workZones
      const { writes } = replaceResourceList(table, effect.resourceId, items, before, pollNumber, type)
      for (const write of writes)
        rows.set(
          table,
          write,
          before.find((r) => entityKeyOf(table, r.key) === entityKeyOf(table, write.key)),
          type,
          at
        )
    }

    // a resource whose zone changed: its activities' times are projected again
    const rezoned: Array<string> = []
    for (const final of rows.finals.get(tables.resource)?.values() ?? []) {
      const zone = final.write.deleted ? undefined : (final.write.data.timeZoneIANA as string | undefined)
      if (zone !== (final.before?.data.timeZoneIANA as string | undefined))
        rezoned.push(String(final.write.key.resource_id))
      context.noteResourceZone(String(final.write.key.resource_id), zone)
    }
    const reprojected =
      rezoned.length === 0
        ? []
        : (yield* readRows(activitiesTable, "resource_id", rezoned)).filter(
            (r) => !r.deleted && rows.get(activitiesTable, entityKeyOf(activitiesTable, r.key)) === undefined
          )

    // the changes, and the one transaction that stores them with the cursor
    const changes: Array<Omit<ChangeRecord, "changeId">> = []
    for (const [table, finals] of rows.finals) {
      for (const [key, final] of finals) {
        // the states the row went through, then its last: one change between each two that differ
        let previous = final.before
        for (const step of final.steps) {
          const write: RowWrite = { ...final.write, data: step.data, deleted: false }
          const change = diffRow(table.entity, key, previous, write, step.eventType, step.at)
          if (change !== undefined) changes.push(change)
          previous = { ...write }
        }
        const change = diffRow(table.entity, key, previous, final.write, final.eventType, final.at)
        if (change !== undefined) changes.push(change)
      }
    }
    const lastEventAt = [...poll.items]
      .reverse()
      .map((e) => (e as Json)?.time)
      .find((t) => typeof t === "string") as string | undefined
    const stamp = { at: now }
    const result = yield* sql.withTransaction(
      Effect.gen(function* () {
        const moved = yield* advanceCursor({
          expectedVersion: position.cursorVersion,
          owner: context.owner,
          nextCursor: poll.nextPage,
          events: poll.items.length,
          reachedHead: poll.items.length < 1000,
          lastEventAt,
          leaseTtlMs: context.leaseTtlMs
        })
        for (const [table, finals] of rows.finals)
          yield* writeRows(
            table,
            [...finals.values()].map((f) => f.write),
            { ...stamp, runId: position.runId },
            context.projection
          )
        yield* writeRows(
          activitiesTable,
          reprojected.map((r) => ({ ...r, confirmedBy: "read" as const })),
          { ...stamp, runId: position.runId },
          context.projection
        )
        const written = yield* writeChanges(changes, {
          runId: position.runId,
          at: now,
          endpointsFor: context.endpointsFor
        })
        for (const { event, reason } of unknown) {
          const type = (event as Json | undefined)?.eventType
          yield* sql`INSERT INTO mirror_unknown_events ${sql.insert({
            run_id: position.runId,
            received_at: now,
            event_type: typeof type === "string" ? type : null,
            reason,
            data: JSON.stringify(event) ?? "null"
          })}`.withoutTransform
        }
        return { position: moved, changes: written }
      })
    )
    return { ...result, events: poll.items.length, unknownEvents: unknown.length, rereads: toRead.length }
  })
