/** What the generic engine and the specific rules are given to install their routes. */
import type { SeedData } from "./data/seed.js"
import type { Router } from "./server/router.js"
import type { Store } from "./state/store.js"

/** The parts of a simulator that route installers work with. */
export interface SimulatorContext {
  readonly router: Router
  readonly store: Store
  /** The seeded data the store was loaded from. */
  readonly data: SeedData
  readonly instance: string
  /** Seeded random source (deterministic per simulator seed). */
  readonly random: () => number
}
