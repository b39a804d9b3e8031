/**
 * Does an ESM bundle of a one-operation program start, and how big is it? Bundles
 * `start/defaultOneCall.mjs` (one `metadata.shifts.get` over the default `OfscHttpClient.layer`) the
 * ordinary way, `esbuild --bundle --platform=node --format=esm` with no externals and no banner,
 * runs it against the shift server in another process, and prints its size (minified and not) and
 * what is in it, with PASS/MISS against the target (starts and answers, ≤ 600 KB minified). An
 * extra line bundles the same program over `OfscHttpClient.layerUndici`, whose undici stays in
 * node_modules. Run `pnpm bench:bundle` after `pnpm build`.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type BuildOptions, build, type Metafile } from "esbuild"
import { startServer } from "./harness.js"

/** The size the issue asks for, in bytes. */
const targetBytes = 600 * 1024

const script = (name: string) => fileURLToPath(new URL(`./start/${name}`, import.meta.url))

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

interface Variant {
  readonly name: string
  readonly entry: string
  readonly options: BuildOptions
}

/** The ordinary bundle: what `esbuild --bundle --platform=node --format=esm [--minify]` does. */
const ordinary = { bundle: true, platform: "node", format: "esm" } as const

const main = async () => {
  const server = await startServer()
  // inside this package, so that the bundle that leaves undici external finds it in node_modules
  const dir = fileURLToPath(new URL("../node_modules/.cache/ofsc-bundle/", import.meta.url))
  mkdirSync(dir, { recursive: true })
  /** Builds a variant, runs it, prints a line; answers its size and whether it answered. */
  const measure = async (variant: Variant) => {
    const outfile = join(dir, `${variant.name.replace(/\W+/g, "-")}.mjs`)
    const { metafile } = await build({
      ...ordinary,
      entryPoints: [variant.entry],
      outfile,
      logLevel: "error",
      ...variant.options,
      metafile: true
    })
    const size = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0)
    const run = spawnSync(process.execPath, [outfile, server.origin, "blue"], { encoding: "utf8", timeout: 30_000 })
    const started = run.status === 0 && run.stdout.includes(`"label":"blue"`)
    console.log(
      `${variant.name}: ${kb(size)}, ${started ? "starts and answers the shift" : `does not start: ${(run.stderr || run.stdout).split("\n").find((l) => /Error/.test(l)) ?? run.status}`}`
    )
    console.log(
      `  ${byPackage(metafile)
        .slice(0, 8)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(", ")}`
    )
    return { size, started }
  }
  try {
    const fetchEntry = script("defaultOneCall.mjs")
    const undiciEntry = script("effectOneCall.mjs")
    console.log("the ordinary bundle (--bundle --platform=node --format=esm, nothing external, no banner):")
    const minified = await measure({
      name: "OfscHttpClient.layer, minified",
      entry: fetchEntry,
      options: { minify: true }
    })
    const plain = await measure({ name: "OfscHttpClient.layer, not minified", entry: fetchEntry, options: {} })
    const pass = minified.started && plain.started && minified.size <= targetBytes
    console.log(`  target: starts and answers, ≤ ${kb(targetBytes)} minified: ${pass ? "PASS" : "MISS"}`)
    // layerUndici imports undici by a name bundlers do not follow: it stays in node_modules (found
    // here, in this package), so the same ordinary bundle starts over it too, at the same size
    console.log("the same ordinary bundle over OfscHttpClient.layerUndici (undici loaded from node_modules):")
    await measure({ name: "layerUndici, minified", entry: undiciEntry, options: { minify: true } })
  } finally {
    rmSync(dir, { recursive: true, force: true })
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
