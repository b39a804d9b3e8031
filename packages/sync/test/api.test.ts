// The generated API through the blocking client, from the built package.
import { spawnSync } from "node:child_process"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Layer, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOfscSync, OfscInvalidInput, OfscNotFound } from "../dist/index.js"
import { type ServerProcess, startServer, syncOptions } from "./support/server.js"

let server: ServerProcess
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.stop())

const listRequests = (ofs: ReturnType<typeof createOfscSync>) =>
  (ofs.core.raw("GET", "/__listRequests") as { count: number }).count

describe("the generated API, blocking", () => {
  it("metadata.shifts.get answers what the Effect client answers", async () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      const blocking = ofs.metadata.shifts.get("shift-7")
      const viaEffect = await Effect.runPromise(
        Effect.flatMap(OfscMetadata, (m) => m.shifts.get("shift-7")).pipe(
          Effect.provide(
            OfscMetadata.layer.pipe(
              Layer.provide(
                OfscClient.layer({
                  baseUrl: server.origin,
                  instance: "test",
                  credentials: { _tag: "Basic", clientId: "sync-test", clientSecret: Redacted.make("s3cret") }
                })
              ),
              Layer.provide(OfscHttpClient.layerUndici)
            )
          )
        )
      )
      expect(blocking).toEqual(viaEffect)
      expect(blocking).toMatchObject({ label: "shift-7", type: "on-call", decoration: "blue", active: true })
      expect(() => ofs.metadata.shifts.get("nope")).toThrow(OfscNotFound)
    } finally {
      ofs.close()
    }
  })

  it("bad input throws OfscInvalidInput and sends nothing", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      const before = listRequests(ofs)
      // a script outside TypeScript's reach: limit must be an integer
      expect(() => ofs.metadata.shifts.list({ limit: "ten" as unknown as number })).toThrow(OfscInvalidInput)
      expect(listRequests(ofs)).toBe(before)
    } finally {
      ofs.close()
    }
  })

  it("streams are iterables that pull page by page; breaking out stops fetching", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      const labels: Array<string> = []
      for (const shift of ofs.metadata.shifts.stream()) labels.push(shift.label as string)
      expect(labels).toEqual(Array.from({ length: 250 }, (_, i) => `shift-${i}`))
      const before = listRequests(ofs)
      let seen = 0
      for (const _ of ofs.metadata.shifts.stream({ limit: 100 })) {
        if (++seen === 150) break
      }
      // 150 items are two pages; the third was never asked for
      expect(listRequests(ofs) - before).toBe(2)
    } finally {
      ofs.close()
    }
  })

  it("memory stays flat while iterating 100,000 items", () => {
    const script = `
      import { createOfscSync } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)}
      const ofs = createOfscSync(${JSON.stringify(syncOptions(server.origin))})
      let n = 0, at10k = 0
      for (const a of ofs.core.activities.stream({ limit: 1000 })) {
        if (++n === 10000) { globalThis.gc(); at10k = process.memoryUsage().heapUsed }
      }
      globalThis.gc()
      const growth = process.memoryUsage().heapUsed - at10k
      ofs.close()
      console.log(JSON.stringify({ n, growthMB: growth / 1e6 }))
    `
    const out = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 120_000
    })
    expect(out.stderr).toBe("")
    const result = JSON.parse(out.stdout.trim()) as { n: number; growthMB: number }
    expect(result.n).toBe(100_000)
    // 100,000 activities held at once would be tens of MB; a page at a time stays within a few
    expect(result.growthMB).toBeLessThan(8)
  })

  it("bytes come back as a Buffer", () => {
    const ofs = createOfscSync(syncOptions(server.origin))
    try {
      const bytes = ofs.core.dailyExtract.download("2026-11-25", "x.zip")
      expect(Buffer.isBuffer(bytes)).toBe(true)
    } finally {
      ofs.close()
    }
  })
})
