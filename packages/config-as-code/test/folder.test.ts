import * as fs from "node:fs"
import * as path from "node:path"
import type { FileSystem, Path } from "@effect/platform"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readFolder, toYaml, writeFolder } from "../src/index.js"
import { platform, tempDir } from "./support/instances.js"

const run = <A, E>(effect: Effect.Effect<A, E, FileSystem.FileSystem | Path.Path>) =>
  Effect.runPromise(Effect.either(effect).pipe(Effect.provide(platform)))

describe("export folders", () => {
  it("any text in an item file reads as an item or fails with ConfigFileError naming the file", async () => {
    const dir = tempDir("hostile")
    fs.mkdirSync(path.join(dir, "shifts"))
    fs.writeFileSync(path.join(dir, "config.yaml"), toYaml({ resources: ["shifts"] }))
    const file = path.join(dir, "shifts", "x.yaml")
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => toYaml(v)),
          fc.constantFrom("a: [", "- 1\n- 2", "!!binary x", ":")
        ),
        async (text) => {
          fs.writeFileSync(file, text)
          const result = await run(readFolder(dir))
          if (Either.isLeft(result)) {
            expect(result.left._tag).toBe("ConfigFileError")
            expect(result.left.path).toBe(file)
          } else expect(Object.keys(result.right.shifts ?? {})).toHaveLength(1)
        }
      ),
      { numRuns: 60 }
    )
  })

  it("a manifest that is not a list of resource names is refused", async () => {
    const dir = tempDir("manifest")
    for (const text of ["resources: nope", "resources: [shifts, bogus]", "- shifts", ""]) {
      fs.writeFileSync(path.join(dir, "config.yaml"), text)
      const result = await run(readFolder(dir))
      expect(Either.isLeft(result) && result.left._tag).toBe("ConfigFileError")
    }
    const missing = await run(readFolder(tempDir("empty")))
    expect(Either.isLeft(missing) && missing.left._tag).toBe("ConfigFileError")
  })

  it("a second file for the same key is refused rather than one silently winning", async () => {
    const dir = tempDir("twice")
    const day = {
      active: true,
      label: "day",
      name: "Day",
      type: "regular",
      workTimeEnd: "17:00:00",
      workTimeStart: "08:00:00"
    }
    await run(writeFolder(dir, { shifts: { day } }))
    fs.writeFileSync(path.join(dir, "shifts", "copy.yaml"), toYaml(day))
    const result = await run(readFolder(dir))
    expect(Either.isLeft(result) && result.left.message).toContain('a second item keyed "day"')
  })
})
