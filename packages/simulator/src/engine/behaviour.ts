/**
 * OFS-specific behaviour of an operation, beyond what the engine reads off its descriptor, keyed by
 * operation id. Each OFS area (`../areas`) builds a table of its own; the engine installs one route
 * per operation and applies the behaviour the tables give it. There is no other way in.
 */
import type { StoreChange } from "../state/store.js"
import type { PlanHandler } from "./collections.js"
import type { Handler, SimRequest, SimResponse } from "./protocol.js"

/** Told of a successful (2xx) answer with the store changes its handler made (the events area publishes from it). */
export type AfterSuccess = (request: SimRequest, answer: SimResponse, changes: ReadonlyArray<StoreChange>) => void

/** What an area changes about one operation. */
export interface Behaviour {
  /**
   * Answers the call in place of the plan's generic handler, after the engine's own checks: the
   * request matched the operation's schemas and its parent entity exists.
   */
  readonly answer?: PlanHandler | undefined
  /**
   * Takes the request before the engine does. `engineRoute` is the engine's whole route (checks and
   * answer): call it and add to its answer, or answer alone (OFS's own wording for a bad request).
   */
  readonly route?: ((engineRoute: Handler) => Handler) | undefined
  /** Hears each successful answer, whichever handler gave it, with the changes it made to the store. */
  readonly after?: AfterSuccess | undefined
}

/** Behaviours by operation id (`metadata.shifts.put`). */
export type Behaviours = Readonly<Record<string, Behaviour>>

/**
 * Collects an area's behaviours; an operation given the same kind of behaviour twice is a mistake.
 * An id the engine does not route is refused when the engine is built (`buildEngine`).
 */
export class BehaviourTable {
  private readonly table: Record<string, Behaviour> = {}

  /** Answers the checked call of `operationId` with `handler` instead of the generic one. */
  answer(operationId: string, handler: PlanHandler): this {
    return this.add(operationId, { answer: handler })
  }

  /** Serves every request of `operationId` with `handler` alone (it does its own checks). */
  replace(operationId: string, handler: Handler): this {
    return this.add(operationId, { route: () => handler })
  }

  /** Wraps the engine's route of `operationId`: `around` gets it and answers the handler to use. */
  wrap(operationId: string, around: (engineRoute: Handler) => Handler): this {
    return this.add(operationId, { route: around })
  }

  /** Calls `observer` after each successful answer of `operationId`, with the store changes it made. */
  after(operationId: string, observer: AfterSuccess): this {
    return this.add(operationId, { after: observer })
  }

  /** The behaviours collected so far. */
  get behaviours(): Behaviours {
    return this.table
  }

  private add(operationId: string, behaviour: Behaviour): this {
    this.table[operationId] = mergeOne(operationId, this.table[operationId], behaviour)
    return this
  }
}

const mergeOne = (operationId: string, a: Behaviour | undefined, b: Behaviour): Behaviour => {
  if (a === undefined) return b
  if (a.answer !== undefined && b.answer !== undefined) throw new Error(`Two answers for '${operationId}'`)
  if (a.route !== undefined && b.route !== undefined) throw new Error(`Two routes for '${operationId}'`)
  if (a.after !== undefined && b.after !== undefined) throw new Error(`Two observers for '${operationId}'`)
  return { answer: a.answer ?? b.answer, route: a.route ?? b.route, after: a.after ?? b.after }
}

/**
 * The behaviours of several areas as one table. An operation may get an answer from one area and a
 * route or observer from another (an activity's create is answered by the activities area, its event
 * published by the events area); two of the same kind for one operation are refused.
 */
export const mergeBehaviours = (tables: ReadonlyArray<Behaviours>): Behaviours => {
  const merged: Record<string, Behaviour> = {}
  for (const table of tables)
    for (const [operationId, behaviour] of Object.entries(table))
      merged[operationId] = mergeOne(operationId, merged[operationId], behaviour)
  return merged
}
