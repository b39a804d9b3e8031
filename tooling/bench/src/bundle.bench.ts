/**
 * Does an ESM bundle of a one-operation program start, and how big is it? Bundles
 * `start/effectOneCall.mjs` (the one-call script of bench:start: only `metadata.shifts.get`, over `OfscHttpClient.layerUndici`)
 * with esbuild as a Node application would (`--bundle --platform=node --format=esm --minify`),
 * runs it against the shift server in another process, and prints its size and what is in it.
 * Two builds: undici left to node_modules (`--external:undici`, what we recommend: undici is CJS and
 * cannot run inside an ESM bundle without a `require`), and undici inlined with a `createRequire`
 * banner. Run with `pnpm bench:bundle` after `pnpm build`.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build, type Metafile } from "esbuild"
import { startServer } from "./harness.js"

/** The size the issue asks for, in bytes. */
const targetBytes = 600 * 1024

const entry = fileURLToPath(new URL("./start/effectOneCall.mjs", import.meta.url))

/** Bytes of the output by package (effect, @effect/platform, undici, our packages). */
const byPackage = (metafile: Metafile): Array<[string, number]> => {
  const totals = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const ours = /packages\/([^/]+)\//.exec(path)
      const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)
      const key = ours ? `@ofsc/${ours[1]}` : dep ? (dep[1] as string) : "the program"
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput)
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1])
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

const main = async () => {
  const server = await startServer()
  // inside this package, so that the bundle that leaves undici external finds it in node_modules
  const dir = fileURLToPath(new URL("../node_modules/.cache/ofsc-bundle/", import.meta.url))
  mkdirSync(dir, { recursive: true })
  try {
    const variants = [
      { name: "undici external", options: { external: ["undici"] } },
      {
        name: "undici inlined, createRequire banner",
        options: {
          banner: {
            js: `import { createRequire as __ofscRequire } from "node:module"; const require = __ofscRequire(import.meta.url);`
          }
        }
      }
    ]
    let headline = true
    for (const variant of variants) {
      const outfile = join(dir, `${variant.name.replace(/\W+/g, "-")}.mjs`)
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        platform: "node",
        format: "esm",
        minify: true,
        metafile: true,
        outfile,
        logLevel: "error",
        ...variant.options
      })
      const size = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
      const run = spawnSync(process.execPath, [outfile, server.origin, "blue"], { encoding: "utf8", timeout: 30_000 })
      const started = run.status === 0 && run.stdout.includes(`"label":"blue"`)
      console.log(
        `${variant.name}: ${kb(size)} minified, ${started ? "starts and answers the shift" : `does not start: ${(run.stderr || run.stdout).split("\n").find((l) => /Error/.test(l)) ?? run.status}`}`
      )
      console.log(
        `  ${byPackage(result.metafile)
          .map(([name, bytes]) => `${name} ${kb(bytes)}`)
          .join(", ")}`
      )
      if (headline) {
        console.log(`  target: starts, ≤ ${kb(targetBytes)}: ${started && size <= targetBytes ? "PASS" : "MISS"}`)
        headline = false
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
