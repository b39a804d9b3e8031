/**
 * The engine's state and the helpers every handler shares: where a plan's records live, item keys,
 * fresh ids, and answers shaped by the operation's success schema and status.
 */
import type * as AST from "effect/SchemaAST"
import type { SimRecord } from "../state/record.js"
import type { Collection, Store } from "../state/store.js"
import type { ActivityIndex } from "./activityIndex.js"
import { ofsError, type SimResponse } from "./answers.js"
import type { Conformer } from "./conform.js"
import { fillSegments, templateOf } from "./paths.js"
import type { OpPlan } from "./plan.js"
import type { SimRequest } from "./protocol.js"
import { recordKey } from "./recordKey.js"
import type { Sampler } from "./sampleValue.js"
import { successStatus } from "./statuses.js"
import { initialContents, type View, views } from "./views.js"

/** One checked request, as handlers see it. */
export interface Call {
  readonly request: SimRequest
  readonly params: Readonly<Record<string, string>>
  /** The query, decoded with the operation's query schema. */
  readonly query: Readonly<Record<string, unknown>>
  /** The body: the JSON as sent, raw bytes, or decoded form/multipart fields. */
  readonly body: unknown
}

/** The collection that holds a document per path (`resources/TECH_00001/assignedLocations`). */
export const documentsCollection = "documents"

const sampleBytes = new TextEncoder().encode("OFS simulator sample content\n")

/** Engine state shared by the handlers of one simulator. */
export class Engine {
  private readonly idFloors = new Map<string, number>()
  /** The item schema of each entity collection (`activities` → the activity GET's success schema). */
  readonly entitySchemas = new Map<string, AST.AST>()
  /** Paths of the actions that start a job another GET reports on (`.../populateLayers`). */
  readonly jobStarts = new Set<string>()

  constructor(
    readonly store: Store,
    readonly sampler: Sampler,
    readonly conformer: Conformer,
    readonly activities: ActivityIndex
  ) {}

  /** The concrete name of the plan's collection (`resources/TECH_00001/workSkills`). */
  collectionName(plan: OpPlan, params: Readonly<Record<string, string>>): string {
    return fillSegments(plan.collection, params)
  }

  /** The derived view behind the plan's collection, if it is one. */
  viewOf(plan: OpPlan): View | undefined {
    return views[templateOf(plan.collection)]
  }

  /** The stored collection a plan writes to (a view's base collection for views). */
  collectionOf(plan: OpPlan, params: Readonly<Record<string, string>>): Collection {
    const base = this.viewOf(plan)?.base
    return base === undefined ? this.ownCollection(plan, params) : this.store.collection(base)
  }

  /** The records a plan lists: a view's, or its collection's. */
  records(plan: OpPlan, params: Readonly<Record<string, string>>): ReadonlyArray<SimRecord> {
    const view = this.viewOf(plan)
    return view === undefined ? this.ownCollection(plan, params).list() : view.items(this, params)
  }

  /** The plan's own collection, given its initial contents the first time it is used. */
  private ownCollection(plan: OpPlan, params: Readonly<Record<string, string>>): Collection {
    const name = this.collectionName(plan, params)
    const initial = initialContents[templateOf(plan.collection)]
    if (initial === undefined || this.store.names().includes(name)) return this.store.collection(name)
    const collection = this.store.collection(name)
    for (const record of initial(this.store, params)) collection.put(recordKey(plan, params, record), record)
    return collection
  }

  /** The key of the item a plan addresses. */
  keyOf(plan: OpPlan, params: Readonly<Record<string, string>>): string {
    return plan.keyParams.map((p) => params[p] ?? "").join("/")
  }

  /** A fresh numeric id for a collection, above every id it already holds. */
  nextId(kind: string, collection: Collection, idField: string): number {
    let floor = this.idFloors.get(kind)
    if (floor === undefined) {
      floor = 0
      for (const r of collection.list()) {
        const n = Number(r[idField])
        if (Number.isFinite(n) && n > floor) floor = n
      }
      this.idFloors.set(kind, floor)
    }
    return this.store.nextId(kind, floor)
  }

  /** The success answer: the value shaped by the success schema, bytes, or just the status. */
  answer(plan: OpPlan, value: unknown, createdNow = false): SimResponse {
    const status = successStatus(plan.op, createdNow)
    const success = plan.op.success
    if (success.kind === "empty" || status === 204) return { status }
    if (success.kind === "bytes") return this.bytes(value instanceof Uint8Array ? value : sampleBytes)
    if (success.kind === "untyped") return value === undefined ? { status } : { status, json: value }
    return { status, json: this.conformer.conform(success.schema.ast, value) }
  }

  /** The success answer generated from the schema alone. */
  sampleAnswer(plan: OpPlan): SimResponse {
    const success = plan.op.success
    return this.answer(plan, success.kind === "json" ? this.sampler.sample(success.schema.ast) : undefined)
  }

  /** Bytes with their media type. */
  bytes(data: Uint8Array, contentType = "application/octet-stream", status = 200): SimResponse {
    return { status, bytes: data, headers: { "content-type": contentType } }
  }

  /** The 404 OFS answers for a missing item. */
  notFound(what: string, id: string): SimResponse {
    return ofsError(404, `${what} '${id}' not found`)
  }
}
