// What a user gets from the registry: every publishable package packed with pnpm (as `changeset
// publish` does), installed with plain npm into a project outside the workspace, then typechecked
// (strict; nodenext and bundler resolution) and run (ESM, CommonJS, @ofsc/sync) against the
// simulator started from its own tarball's bin.
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url))
const examples = join(root, "apps/examples/readme")

/** The workspace packages that publish: not private, under packages/ or apps/. */
const publishable = ["packages", "apps"].flatMap((dir) =>
  readdirSync(join(root, dir))
    .map((name) => join(root, dir, name))
    .filter((path) => {
      try {
        return JSON.parse(readFileSync(join(path, "package.json"), "utf8")).private !== true
      } catch {
        return false
      }
    })
)

/** Runs a command to its end without blocking the test worker; rejects on a non-zero exit, with its output. */
const run = async (command: string, args: ReadonlyArray<string>, cwd: string, env: Record<string, string> = {}) => {
  try {
    const { stdout } = await promisify(execFile)(command, [...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000
    })
    return stdout
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string }
    throw new Error(`${basename(command)} ${args.join(" ")} failed:\n${stdout}${stderr}`)
  }
}

/** pnpm as the workspace runs it: the pnpm that started this test, or the pinned one through npx. */
const pnpm = (args: ReadonlyArray<string>, cwd: string) => {
  const execPath = process.env.npm_execpath
  return execPath && /pnpm/.test(execPath)
    ? run(process.execPath, [execPath, ...args], cwd)
    : run("npx", ["-y", "pnpm@10.34.9", ...args], cwd)
}

const scratch = mkdtempSync(join(tmpdir(), "ofsc-tarballs-"))
const packs = join(scratch, "tarballs")
const project = join(scratch, "project")
const tarballs = new Map<string, string>()
const tsc = join(project, "node_modules/typescript/bin/tsc")
let simulator: ChildProcess | undefined
let simulatorEnv: Record<string, string> = {}

beforeAll(async () => {
  for (const dir of publishable) {
    const out = await pnpm(["pack", "--pack-destination", packs], dir)
    const file = out.trim().split("\n").pop()!.trim()
    tarballs.set(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name, file)
  }
  mkdirSync(project, { recursive: true })
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, version: "0.0.0" }))
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...tarballs.values(),
      "effect@^3",
      "@effect/platform@^0.97.2",
      "typescript@5.9.3",
      "@types/node@^20.19.0"
    ],
    project
  )
  const bin = join(project, "node_modules/.bin/ofsc-simulator")
  simulator = spawn(bin, ["--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "inherit"] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    simulator!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(out)
      if (found) resolve(found[1]!)
    })
    simulator!.once("exit", (status) => reject(new Error(`ofsc-simulator exited with ${status}`)))
  })
  simulatorEnv = {
    OFSC_BASE_URL: url,
    OFSC_INSTANCE: "sim",
    OFSC_CLIENT_ID: "ofsc-sim",
    OFSC_CLIENT_SECRET: "sim-secret"
  }
})

afterAll(() => {
  simulator?.kill()
  if (!process.env.KEEP_TARBALL_SCRATCH) rmSync(scratch, { recursive: true, force: true })
})

const manifestOf = (tarball: string) => run("tar", ["-xzOf", tarball, "package/package.json"], scratch)
const filesOf = async (tarball: string) => (await run("tar", ["-tzf", tarball], scratch)).split("\n")

describe("packed tarballs", () => {
  it("every publishable package was packed", () => {
    expect(tarballs.size).toBe(publishable.length)
    expect([...tarballs.keys()]).toEqual(expect.arrayContaining(["@ofsc/core", "@ofsc/sync", "@ofsc/simulator"]))
  })
  for (const dir of publishable) {
    const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name as string
    it(`${name}: no workspace: or catalog: specifier is left in the manifest`, async () => {
      const manifest = await manifestOf(tarballs.get(name)!)
      expect(manifest).not.toMatch(/"(workspace|catalog):/)
      expect(JSON.parse(manifest).name).toBe(name)
    })
    it(`${name}: the tarball holds LICENSE, README.md and the built entry points`, async () => {
      const files = await filesOf(tarballs.get(name)!)
      expect(files).toEqual(
        expect.arrayContaining([
          "package/LICENSE",
          "package/README.md",
          "package/dist/index.js",
          "package/dist/index.cjs"
        ])
      )
    })
  }
})

/** The README examples and the CommonJS fixture, copied into the scratch project as .mts/.cts. */
const programs = () => {
  const names: Array<string> = []
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".ts"))) {
    const target = `${basename(file, ".ts")}.mts`
    copyFileSync(join(examples, file), join(project, target))
    names.push(target)
  }
  copyFileSync(join(fixtures, "program.cts"), join(project, "program.cts"))
  return [...names, "program.cts"]
}

const tsconfig = (compilerOptions: Record<string, unknown>, files: ReadonlyArray<string>) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: "ES2022",
      // DOM: @effect/platform's own declarations name Storage and Transferable (skipLibCheck is off)
      lib: ["ES2022", "DOM"],
      types: ["node"],
      skipLibCheck: false,
      ...compilerOptions
    },
    files
  })

describe("installed with npm outside the workspace", () => {
  it("typechecks strictly with moduleResolution nodenext, and compiles", async () => {
    writeFileSync(
      join(project, "tsconfig.nodenext.json"),
      tsconfig({ module: "nodenext", moduleResolution: "nodenext", outDir: "out" }, programs())
    )
    await run(process.execPath, [tsc, "-p", "tsconfig.nodenext.json"], project)
    expect(readdirSync(join(project, "out"))).toContain("program.cjs")
  })

  it("typechecks strictly with moduleResolution bundler", async () => {
    const files = programs().filter((f) => f.endsWith(".mts"))
    writeFileSync(
      join(project, "tsconfig.bundler.json"),
      // the declaration files were checked in full above; here only what resolves differently
      tsconfig({ module: "preserve", moduleResolution: "bundler", noEmit: true, skipLibCheck: true }, files)
    )
    await expect(run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], project)).resolves.toBe("")
  })

  it("runs the README's ESM examples against the simulator", async () => {
    const outputs = await Promise.all(
      readdirSync(join(project, "out"))
        .filter((f) => f.endsWith(".mjs"))
        .map((f) => run(process.execPath, [join("out", f)], project, simulatorEnv))
    )
    expect(outputs.length).toBe(readdirSync(examples).filter((f) => f.endsWith(".ts")).length)
    expect(outputs.join("")).toMatch(/either: OfscNotFound/)
  })

  it("runs a CommonJS program through require", async () => {
    const out = await run(process.execPath, ["out/program.cjs"], project, simulatorEnv)
    expect(out).toMatch(/^cjs: \d+ shifts, 2 users$/m)
  })

  it("@ofsc/core/errors and @ofsc/core/config export the index's own classes and functions, through import and require", async () => {
    // every name of a subpath is the very value the index exports (one class, whichever entry loaded it)
    const same = (load: string) =>
      `const index = ${load}("@ofsc/core"), errors = ${load}("@ofsc/core/errors"), config = ${load}("@ofsc/core/config");` +
      "const names = [...Object.keys(errors), ...Object.keys(config)].filter((k) => k !== 'default');" +
      "const differ = names.filter((k) => (k in errors ? errors : config)[k] !== index[k]);" +
      "console.log(names.length, differ.length, new errors.OfscNotFound({ operation: 'raw', method: 'GET', path: '/', status: 404 }) instanceof index.OfscNotFound)"
    const viaRequire = await run(process.execPath, ["-e", same("require")], project)
    const viaImport = await run(process.execPath, ["--input-type=module", "-e", same("await import")], project)
    for (const out of [viaRequire, viaImport]) {
      const [names, differ, instance] = out.trim().split(" ")
      expect(Number(names)).toBeGreaterThan(15)
      expect([differ, instance]).toEqual(["0", "true"])
    }
  })

  it("runs the README's @ofsc/sync script, a plain .cjs file", async () => {
    copyFileSync(join(examples, "sync-script.cjs"), join(project, "sync-script.cjs"))
    const out = await run(process.execPath, ["sync-script.cjs"], project, simulatorEnv)
    expect(out).toMatch(/activities today/)
  })

  it("runs the ofsc command from the @ofsc/cli tarball", async () => {
    const out = await run(join(project, "node_modules/.bin/ofsc"), ["--version"], project)
    expect(out.trim()).toMatch(/\d+\.\d+\.\d+/)
  })
})
