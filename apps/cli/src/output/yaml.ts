/** YAML text of a value; the yaml package is imported on first use, so other formats never load it. */
import { Effect } from "effect"

type Yaml = typeof import("yaml")

/** `value` as a YAML document. */
export const toYaml = (value: unknown): Effect.Effect<string> =>
  Effect.promise(() => import("yaml")).pipe(
    // yaml is CommonJS: in the bundled bin its namespace holds the module as `default` only
    Effect.map((module) => ((module as { readonly default?: Yaml }).default ?? module).stringify(value))
  )
