// Shared tsup preset: every publishable package ships ESM + CJS with .d.ts, built from src/.
import { defineConfig } from "tsup"

/** Build options for an @ofsc package; `entry` maps output names to source files. */
export const packageBuild = (entry, overrides = {}) =>
  defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: false,
    treeshake: true,
    ...overrides
  })
