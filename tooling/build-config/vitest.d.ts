import type { UserConfig } from "vitest/config"
/** Test options for an @ofsc package; the JSON report lands in .vitest/results.json. */
export declare const packageTests: (overrides?: NonNullable<UserConfig["test"]>) => UserConfig
