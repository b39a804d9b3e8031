/**
 * How long a simulator takes to build its seed data and to start, per data size: the first start
 * of the process (which also plans every operation once), then the median of three seed builds and
 * three starts per size. Run with `pnpm bench:sim-start` after building the simulator.
 */
import { type DataSize, startSimulator } from "@ofsc/simulator"
// the seed builder is internal to the simulator; read from its source (tsx runs it)
import { seedData } from "../../../packages/simulator/src/data/seed.js"

const sizes: ReadonlyArray<DataSize> = ["small", "medium", "large"]
const rounds = 3

const median = (values: ReadonlyArray<number>): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0

/** Milliseconds a promise takes to settle. */
const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const startAndStop = async (size: DataSize): Promise<{ readonly startMs: number; readonly seedMs: number }> => {
  const seedMs = await timed(async () => seedData(7, size))
  const startMs = await timed(async () => {
    const sim = await startSimulator({ size, seed: 7 })
    await sim.stop()
  })
  return { startMs, seedMs }
}

const first = await startAndStop("small")
console.log(`first start in this process (small, plans every operation): ${first.startMs.toFixed(0)} ms`)
console.log("size    seed build (median)  start (median)   starts")
for (const size of sizes) {
  const runs: Array<{ readonly startMs: number; readonly seedMs: number }> = []
  for (let i = 0; i < rounds; i++) runs.push(await startAndStop(size))
  const seed = median(runs.map((r) => r.seedMs))
  const start = median(runs.map((r) => r.startMs))
  const all = runs.map((r) => r.startMs.toFixed(0)).join(" / ")
  console.log(`${size.padEnd(7)} ${`${seed.toFixed(0)} ms`.padEnd(20)} ${`${start.toFixed(0)} ms`.padEnd(16)} ${all}`)
}
