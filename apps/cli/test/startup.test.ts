/**
 * What a command loads: `--help` no operation table or model, a command only its own module. The bin
 * is bundled, so a loaded chunk is read as the sources its source map names.
 */
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { binPath, cleanEnv, tempDir } from "./support/cli.js"

const recorder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "support/recordLoads.mjs")

/** The files a loaded module was built from: a chunk of the bundled bin, as its source map names them. */
const sourcesOf = (url: string): ReadonlyArray<string> => {
  if (!url.startsWith("file:")) return [url]
  const file = fileURLToPath(url)
  const map = `${file}.map`
  if (!fs.existsSync(map)) return [file]
  const { sources } = JSON.parse(fs.readFileSync(map, "utf8")) as { readonly sources: ReadonlyArray<string> }
  return sources.map((source) => path.resolve(path.dirname(file), source))
}

/** The module URLs `ofsc args...` loaded (the sources of each chunk of the bin). */
const loadedBy = (args: ReadonlyArray<string>): Promise<ReadonlyArray<string>> => {
  const log = path.join(tempDir("loads"), "loads.txt")
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", recorder, binPath, ...args], {
      env: cleanEnv({ OFSC_LOAD_LOG: log }) as NodeJS.ProcessEnv,
      stdio: "ignore"
    })
    child.once("error", reject)
    child.once("close", () =>
      resolve(fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").flatMap(sourcesOf) : [])
    )
  })
}

const ofscPackage = (urls: ReadonlyArray<string>, name: string) =>
  urls.filter((u) => u.includes(`/packages/${name}/`) || u.includes(`/@ofsc/${name}/`))

describe("startup", () => {
  it("--version loads only the bin", async () => {
    const urls = await loadedBy(["--version"])
    expect(urls.filter((u) => u.includes("node_modules") || u.includes("/packages/"))).toEqual([])
  })

  it("--help loads no operation table and no model", async () => {
    const urls = await loadedBy(["--help"])
    expect(urls.some((u) => u.includes("@effect/cli"))).toBe(true)
    for (const name of [
      "core",
      "models",
      "metadata",
      "capacity",
      "statistics",
      "parts-catalog",
      "collaboration",
      "simulator",
      "mirror",
      "config"
    ]) {
      expect(ofscPackage(urls, name), name).toEqual([])
    }
  })

  it("a module's help loads that module's table (and @ofsc/core, it is built on it), not the other modules", async () => {
    const urls = await loadedBy(["metadata", "shifts", "--help"])
    expect(ofscPackage(urls, "metadata").length).toBeGreaterThan(0)
    for (const name of ["capacity", "statistics", "parts-catalog", "collaboration", "simulator", "mirror", "config"]) {
      expect(ofscPackage(urls, name), name).toEqual([])
    }
  })
})
