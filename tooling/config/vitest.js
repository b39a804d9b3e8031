// Shared vitest preset: console + JSON reports, so CI can count passed and failed tests per package.
import { defineConfig } from "vitest/config"

/** Test options for an @ofsc package; the JSON report lands in .vitest/results.json. */
export const packageTests = (overrides = {}) =>
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      reporters: ["default", "json"],
      outputFile: { json: ".vitest/results.json" },
      testTimeout: 20_000,
      hookTimeout: 20_000,
      ...overrides
    }
  })
