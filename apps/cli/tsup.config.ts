import { readFileSync } from "node:fs"
import { packageBuild } from "@ofsc/build-config/tsup"
import { defineConfig, type Options } from "tsup"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

/**
 * What the bin leaves to node_modules: native addons and the database drivers that load them (or
 * optional native parts) at run time. Everything else is bundled, so a command loads a few files
 * instead of the hundreds Node's ESM loader would resolve one by one (docs in bench/README.md).
 */
const nativeOrOptional = ["better-sqlite3", "pg", "pg-cursor", "pg-native", "msgpackr-extract"]

type Plugin = NonNullable<Options["esbuildPlugins"]>[number]

/**
 * @effect/cli imports yaml, toml and ini at the top of one module, for config files the `ofsc`
 * command never reads (Options.fileParse): 400 KB, a fifth of what `ofsc --help` loaded. This
 * rewrites that module so each parser is imported (a lazy chunk) when a file of its kind is parsed.
 * The build fails if the module no longer looks as expected (an @effect/cli update): look again then.
 */
const lazyConfigFileParsers: Plugin = {
  name: "lazy-config-file-parsers",
  setup(build) {
    build.onLoad({ filter: /@effect[\\/]cli[\\/]dist[\\/]esm[\\/]internal[\\/]files\.js$/ }, ({ path }) => {
      const source = readFileSync(path, "utf8")
      const eager =
        /import \* as Ini from "ini";\nimport \* as Toml from "toml";\nimport \* as Yaml from "yaml";\n[\s\S]*?\n};\n/
      const parse = /export const parse = [\s\S]*?\n};\n/
      if (!eager.test(source) || !parse.test(source))
        throw new Error(`${path}: not the module lazyConfigFileParsers rewrites`)
      const contents = source.replace(eager, "").replace(
        parse,
        `const parsers = {
  json: () => Promise.resolve(JSON.parse),
  yaml: () => import("yaml").then((m) => (m.default ?? m).parse),
  yml: () => import("yaml").then((m) => (m.default ?? m).parse),
  ini: () => import("ini").then((m) => (m.default ?? m).parse),
  toml: () => import("toml").then((m) => (m.default ?? m).parse),
  tml: () => import("toml").then((m) => (m.default ?? m).parse)
};
/** @internal */
export const parse = (path, content, format) => {
  const load = parsers[format ?? path.split(".").pop()];
  if (load === undefined) {
    return Effect.fail(\`Unsupported file format: \${format}\`);
  }
  return Effect.flatMap(Effect.promise(load), (parser) => Effect.try({
    try: () => parser(content),
    catch: e => \`Could not parse \${format} file (\${path}): \${e}\`
  }));
};
`
      )
      return { contents, loader: "js" }
    })
  }
}

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
    // minified: a fifth less to parse and compile at every start (bench/README.md)
    minify: process.env.OFSC_MINIFY !== "0",
    external: nativeOrOptional,
    define: { __OFSC_CLI_VERSION__: JSON.stringify(version) },
    // bundled CommonJS (undici, yaml) requires Node's built-ins: give the ESM chunks a `require`
    banner: {
      js: `import { createRequire as __ofscCreateRequire } from "node:module"; const require = /* @__PURE__ */ __ofscCreateRequire(import.meta.url);`
    },
    esbuildPlugins: [lazyConfigFileParsers],
    esbuildOptions: (options) => {
      // source maps name the files, without a copy of every bundled dependency's source
      options.sourcesContent = false
      // the packages' split builds import their own chunks bare; with "sideEffects": false that is noise
      options.logOverride = { "ignored-bare-import": "silent" }
    }
  }
])
