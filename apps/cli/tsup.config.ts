import { readFileSync } from "node:fs"
import { packageBuild } from "@ofsc/tooling/tsup"
import { defineConfig } from "tsup"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

/**
 * What the bin leaves to node_modules: native addons and the database drivers that load them (or
 * optional native parts) at run time. Everything else is bundled, so a command loads a few files
 * instead of the hundreds Node's ESM loader would resolve one by one (docs in bench/README.md).
 */
const nativeOrOptional = ["better-sqlite3", "pg", "pg-cursor", "pg-native", "msgpackr-extract"]

// the library entry ships ESM + CJS with types, its dependencies imported. The bin is one bundled
// ESM file plus lazy chunks (the simulator, the mirror, configuration as code, each module's table
// are imported only by the commands that use them), with the version written in at build time.
export default defineConfig([
  packageBuild({ index: "src/index.ts" }),
  {
    ...packageBuild({ bin: "src/bin.ts" }, { dts: false }),
    format: ["esm"],
    splitting: true,
    clean: false,
    // tsup's noExternal wins over external: bundle every import but these
    noExternal: [new RegExp(`^(?!(${nativeOrOptional.join("|")})(/|$))`)],
    metafile: process.env.OFSC_METAFILE === "1",
    minify: process.env.OFSC_MINIFY === "1",
    external: nativeOrOptional,
    define: { __OFSC_CLI_VERSION__: JSON.stringify(version) },
    // bundled CommonJS (undici, yaml) requires Node's built-ins: give the ESM chunks a `require`
    banner: {
      js: `import { createRequire as __ofscCreateRequire } from "node:module"; const require = __ofscCreateRequire(import.meta.url);`
    },
    esbuildOptions: (options) => {
      // source maps name the files, without a copy of every bundled dependency's source
      options.sourcesContent = false
      // the packages' split builds import their own chunks bare; with "sideEffects": false that is noise
      options.logOverride = { "ignored-bare-import": "silent" }
    }
  }
])
