/**
 * `pnpm bench:paging`: pages 5,000 work zones (100 per page) through the Effect client
 * (`metadata.workZones.stream`, generated operation, compiled decoder) and through raw
 * `undici.request` + `body.json()`, each page by page and with 4 pages in flight, against
 * src/workZoneServer.ts in a child process. Rounds rotate the order; medians are printed with the
 * ratios to raw undici: of the medians, and the median of each round's own ratio (the variant
 * against its raw baseline in the same round, which cancels the machine's drift between rounds).
 * BENCH_ROUNDS and BENCH_WARMUP change the rounds and warm-up runs (15, 15: V8 needs a few hundred
 * pages before the code paths are optimised, and a long paging job runs in that steady state).
 */
import { Paging } from "@ofsc/core"
import { MetadataOperations, OfscMetadata } from "@ofsc/metadata"
import { Layer, ManagedRuntime, Stream } from "effect"
import { request } from "undici"
import { basicAuthorization, clientLayer, startServer } from "./harness.js"

/** Sequential paging through the client may take at most this many times raw undici's time. */
const targetSequential = 1.6
const pageSize = 100
const expectedItems = 5000

interface Page {
  readonly items: ReadonlyArray<{ readonly workZoneLabel: string }>
  readonly totalResults: number
  readonly hasMore: boolean
}

const read = (value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback)
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a whole number, got ${value}`)
  return n
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const { workZonesList } = MetadataOperations
const schemaOnly: typeof workZonesList = {
  ...workZonesList,
  success: { ...workZonesList.success, decoder: undefined } as typeof workZonesList.success
}

const main = async () => {
  const rounds = read(process.env.BENCH_ROUNDS, 15)
  const warmup = read(process.env.BENCH_WARMUP, 15)
  const server = await startServer("./workZoneServer.ts")
  const runtime = ManagedRuntime.make(OfscMetadata.layer.pipe(Layer.provideMerge(clientLayer(server.origin))))
  const headers = { authorization: basicAuthorization, accept: "application/json" }
  const rawPage = async (offset: number): Promise<Page> => {
    const res = await request(`${server.origin}/rest/ofscMetadata/v1/workZones?offset=${offset}&limit=${pageSize}`, {
      headers
    })
    if (res.statusCode !== 200) throw new Error(`raw page ${offset}: ${res.statusCode}`)
    return (await res.body.json()) as Page
  }
  try {
    const metadata = await runtime.runPromise(OfscMetadata)
    const viaClient = (concurrency: number) => () =>
      runtime.runPromise(
        Stream.runFold(metadata.workZones.stream({ limit: pageSize }, { concurrency }), 0, (n) => n + 1)
      )
    const variants: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<number> }> = [
      {
        name: "raw undici, sequential",
        run: async () => {
          let count = 0
          for (let offset = 0, more = true; more; offset += pageSize) {
            const page = await rawPage(offset)
            count += page.items.length
            more = page.hasMore
          }
          return count
        }
      },
      { name: "Effect client, sequential", run: viaClient(1) },
      {
        name: "raw undici, 4 in flight",
        run: async () => {
          // the first page says how many there are, then 4 at a time, in order, as Paging.stream does
          const first = await rawPage(0)
          const offsets: Array<number> = []
          for (let o = pageSize; o < first.totalResults; o += pageSize) offsets.push(o)
          let count = first.items.length
          let next = 0
          const worker = async () => {
            while (next < offsets.length) {
              const page = await rawPage(offsets[next++] as number)
              count += page.items.length
            }
          }
          await Promise.all([worker(), worker(), worker(), worker()])
          return count
        }
      },
      { name: "Effect client, 4 in flight", run: viaClient(4) },
      {
        // the same operation without its compiled decoder: JSON.parse with a reviver and Schema decode
        name: "Effect client, sequential, Schema decode",
        run: () =>
          runtime.runPromise(Stream.runFold(Paging.stream(schemaOnly, { query: { limit: pageSize } }), 0, (n) => n + 1))
      }
    ]
    const times = variants.map(() => [] as Array<number>)
    const cpu = variants.map(() => 0)
    for (const v of variants) for (let i = 0; i < warmup; i++) await v.run()
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const at = (i + round) % variants.length
        const variant = variants[at]!
        const used = process.cpuUsage()
        const started = performance.now()
        const count = await variant.run()
        times[at]!.push(performance.now() - started)
        const spent = process.cpuUsage(used)
        cpu[at]! += (spent.user + spent.system) / 1000
        if (count !== expectedItems) throw new Error(`${variant.name} streamed ${count} work zones`)
      }
    }
    const medians = times.map(median)
    const baselineOf = (i: number) => (i === 4 ? 0 : i % 2 === 0 ? i : i - 1)
    // each round's ratio to the raw run of the same round
    const pairedRatio = (i: number) => median(times[i]!.map((t, round) => t / times[baselineOf(i)]![round]!))
    console.table(
      variants.map((v, i) => ({
        variant: v.name,
        "median ms": medians[i]!.toFixed(1),
        "CPU ms/run": (cpu[i]! / rounds).toFixed(1),
        "× raw": (medians[i]! / medians[baselineOf(i)]!).toFixed(2),
        "× raw, per round": pairedRatio(i).toFixed(2),
        "rounds ms": times[i]!.map((t) => t.toFixed(1)).join(" ")
      }))
    )
    const sequential = medians[1]! / medians[0]!
    const parallel = medians[3]! / medians[2]!
    const verdict = (ratio: number) => (ratio <= targetSequential ? "PASS" : "MISS")
    console.log(
      `paging 5,000 work zones, sequential: ${sequential.toFixed(2)}x raw undici (median per round ${pairedRatio(1).toFixed(2)}x; target ≤ ${targetSequential}): ${verdict(sequential)} (per round: ${verdict(pairedRatio(1))})`
    )
    console.log(
      `paging 5,000 work zones, 4 in flight: ${parallel.toFixed(2)}x raw undici (median per round ${pairedRatio(3).toFixed(2)}x)`
    )
    console.log(
      `paging 5,000 work zones, sequential with Schema decode: ${(medians[4]! / medians[0]!).toFixed(2)}x raw undici`
    )
  } finally {
    await runtime.dispose()
    server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
