/**
 * OFS-specific behaviour of an operation, beyond what the engine reads off its descriptor, keyed by
 * operation id. Each OFS area (`../areas`) builds a table of its own; the engine installs one route
 * per operation and applies the behaviour the tables give it. There is no other way in.
 */
import type { PlanHandler } from "./collections.js"
import type { Handler } from "./protocol.js"

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
  return { answer: a.answer ?? b.answer, route: a.route ?? b.route }
}

/**
 * The behaviours of several areas as one table. An operation may get an answer from one area and a
 * route from another (an activity's create is checked by the activities area, its event published
 * by the events area); two answers or two routes for one operation are refused.
 */
export const mergeBehaviours = (tables: ReadonlyArray<Behaviours>): Behaviours => {
  const merged: Record<string, Behaviour> = {}
  for (const table of tables)
    for (const [operationId, behaviour] of Object.entries(table))
      merged[operationId] = mergeOne(operationId, merged[operationId], behaviour)
  return merged
}
