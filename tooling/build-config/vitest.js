// Shared vitest preset: console + JSON reports, so CI can count passed and failed tests per package.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// @ofsc/core's build-time version (src/internal/version.ts; tsup writes the same in): every package's
// tests may run core's sources, so every package's tests define it
const coreVersion = JSON.parse(
  readFileSync(new URL("../../packages/core/package.json", import.meta.url), "utf8")
).version

/** Test options for an @ofsc package; the JSON report lands in .vitest/results.json. */
export const packageTests = (overrides = {}) =>
  defineConfig({
    define: { __OFSC_CORE_VERSION__: JSON.stringify(coreVersion) },
    test: {
      include: ["test/**/*.test.ts"],
      reporters: ["default", "json"],
      outputFile: { json: ".vitest/results.json" },
      testTimeout: 20_000,
      hookTimeout: 20_000,
      // FC_SEED / FC_PATH replay a failed property test from the seed it printed
      setupFiles: [fileURLToPath(new URL("./vitest.setup.js", import.meta.url))],
      ...overrides
    }
  })
