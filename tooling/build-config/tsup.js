// Shared tsup preset: every publishable package ships ESM + CJS with .d.ts, built from src/.
import { defineConfig } from "tsup"

const base = {
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: false,
  treeshake: true
}

/** Build options for an @ofsc package; `entry` maps output names to source files. */
export const packageBuild = (entry, overrides = {}) =>
  defineConfig({
    entry,
    format: ["esm", "cjs"],
    ...base,
    ...overrides
  })

/**
 * Like `packageBuild`, but the ESM build keeps one output file per source file (every file is an
 * entry, shared code is imported, not copied). With `"sideEffects": false` a bundler then drops
 * whole files a program does not reach (the operation tables and models of an API it never calls),
 * which it cannot do inside one bundled file. The CJS build stays one file per entry.
 */
export const modularPackageBuild = (entry, overrides = {}) => [
  defineConfig({
    ...base,
    entry: ["src/**/*.ts"],
    format: ["esm"],
    splitting: true,
    dts: { entry },
    ...overrides
  }),
  defineConfig({
    ...base,
    entry,
    format: ["cjs"],
    // several entries share code through chunks, as before
    splitting: Object.keys(entry).length > 1,
    // the ESM build cleans dist/ first; both write into it
    clean: false,
    ...overrides
  })
]
