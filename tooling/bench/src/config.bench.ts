/**
 * `pnpm bench:config`: export and apply of a large configuration with @ofsc/config-as-code. Source A is a
 * simulator with the `large` catalog (500 work zones, its buckets as capacity areas) plus
 * BENCH_SHIFTS shifts and BENCH_SKILLS work skills created through the API (1,000 and 200 by
 * default); target B is a `small` simulator of another seed. Times each step once (printed, not
 * asserted) and counts the requests each step made, against the number of items. Both simulators
 * run in this process, so the times include their work, as a real instance's answers take time.
 */

import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import type { FileSystem, Path } from "@effect/platform"
import { NodeFileSystem, NodePath } from "@effect/platform-node"
import { applyPlan, planChanges, readFolder, readInstance, writeFolder } from "@ofsc/config-as-code"
import { type AnyOperation, OfscClient, OfscHttpClient, OfscTransport } from "@ofsc/core"
import { MetadataOperations } from "@ofsc/metadata"
import { type SimulatorHandle, simulatorClientOptions, startSimulator } from "@ofsc/simulator"
import { Effect, Layer } from "effect"

const read = (value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback)
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got ${value}`)
  return n
}

const platform = Layer.merge(NodeFileSystem.layer, NodePath.layer)
const clientOf = (sim: SimulatorHandle) =>
  OfscClient.layer(simulatorClientOptions(sim)).pipe(Layer.provide(OfscHttpClient.layerUndici))

/** Runs `effect` against `sim`, timing it and counting the requests (and the writes) `sim` received. */
const measure = async <A, E>(
  sim: SimulatorHandle,
  effect: Effect.Effect<A, E, OfscTransport | FileSystem.FileSystem | Path.Path>
) => {
  let requests = 0
  let writes = 0
  const stop = sim.onRequest((r) => {
    requests++
    if (r.method !== "GET") writes++
  })
  const start = performance.now()
  const value = await Effect.runPromise(effect.pipe(Effect.provide(clientOf(sim)), Effect.provide(platform)))
  const ms = performance.now() - start
  stop()
  return { value, ms, requests, writes }
}

const call = (op: AnyOperation, input: unknown) => Effect.flatMap(OfscTransport, (t) => t.call(op, input as never))

/** Adds shifts and work skills to A through its API (setup, not measured). */
const grow = (shifts: number, skills: number) =>
  Effect.all(
    [
      ...Array.from({ length: shifts }, (_, i) =>
        call(MetadataOperations.shiftsPut, {
          path: { label: `bench_shift_${i}` },
          body: {
            active: i % 7 !== 0,
            name: `Shift ${i}`,
            type: "regular",
            points: i % 20,
            workTimeStart: "08:00",
            workTimeEnd: "16:00"
          }
        })
      ),
      ...Array.from({ length: skills }, (_, i) =>
        call(MetadataOperations.workSkillsPut, {
          path: { label: `bench_skill_${i}` },
          body: { active: true, name: `Skill ${i}`, sharing: "maximal" }
        })
      )
    ],
    { concurrency: 8, discard: true }
  )

const itemCount = (snapshot: Readonly<Record<string, Readonly<Record<string, unknown>>>>) =>
  Object.values(snapshot).reduce((n, items) => n + Object.keys(items).length, 0)

const main = async () => {
  const shifts = read(process.env.BENCH_SHIFTS, 1000)
  const skills = read(process.env.BENCH_SKILLS, 200)
  const a = await startSimulator({ seed: 1, size: "large" })
  const b = await startSimulator({ seed: 2, size: "small" })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ofsc-bench-config-"))
  try {
    await Effect.runPromise(grow(shifts, skills).pipe(Effect.provide(clientOf(a))))
    const exported = await measure(a, readInstance())
    const items = itemCount(exported.value)
    const written = await measure(a, Effect.zipRight(writeFolder(dir, exported.value), readFolder(dir)))
    const planned = await measure(
      b,
      Effect.map(readInstance(), (target) => planChanges(written.value, target, { prune: true }))
    )
    const applied = await measure(b, applyPlan(planned.value))
    const again = await measure(
      b,
      Effect.flatMap(readInstance(), (target) => applyPlan(planChanges(written.value, target, { prune: true })))
    )
    const rows = [
      ["export A (read the instance)", exported, `${items} items`],
      ["write + read the folder", written, `${fs.readdirSync(dir).length - 1} folders`],
      ["diff against B (read B, plan)", planned, `${planned.value.entries.length} entries`],
      ["apply to B", applied, `${applied.value.applied} applied, ${applied.value.failed} failed`],
      ["apply again (plan + apply)", again, `${again.value.results.length} entries`]
    ] as const
    console.log(
      `@ofsc/config-as-code on the large catalog + ${shifts} shifts + ${skills} work skills (${items} items)\n`
    )
    console.log("step                           |       ms | requests | writes | result")
    console.log("------------------------------ | -------: | -------: | -----: | ------")
    for (const [name, m, result] of rows)
      console.log(
        `${name.padEnd(30)} | ${m.ms.toFixed(0).padStart(8)} | ${String(m.requests).padStart(8)} | ${String(m.writes).padStart(6)} | ${result}`
      )
    console.log(
      `\nexport: ${(exported.requests / items).toFixed(3)} requests per item; apply: ${(applied.requests / Math.max(1, planned.value.entries.length)).toFixed(2)} requests per entry`
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
    await Promise.all([a.stop(), b.stop()])
  }
}

await main()
