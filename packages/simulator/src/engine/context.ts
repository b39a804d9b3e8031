/** What the engine and the OFS areas are built from: the store, the seed it was loaded from, the instance. */
import type { SeedData } from "../data/seed.js"
import type { Store } from "../state/store.js"

/** The parts of a simulator that the engine and the areas' behaviours work with. */
export interface SimulatorContext {
  readonly store: Store
  /** The seeded data the store was loaded from. */
  readonly data: SeedData
  readonly instance: string
  /** Seeded random source (deterministic per simulator seed). */
  readonly random: () => number
}
