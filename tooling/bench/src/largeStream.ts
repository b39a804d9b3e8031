/**
 * What the benches over the simulator's `large` data set share: the simulator in its own process,
 * the windows that cover its 100,000 activities, and a client process that streams them all.
 */
import { fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import { defaultApplication } from "@ofsc/simulator"

/** How many activities the `large` data set holds. */
export const largeActivities = 100_000

/**
 * The windows that cover the large data set: 60 days from 2026-11-01, plus some activities on the
 * days around their zones' clock changes in October; OFS answers at most 31 days per query.
 */
export const largeWindows = [
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-10-01", dateTo: "2026-10-31" },
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-11-01", dateTo: "2026-11-30" },
  { resources: ["ROOT"], includeChildren: "all" as const, dateFrom: "2026-12-01", dateTo: "2026-12-30" }
]

/** A simulator running in a child process. */
export interface SimulatorProcess {
  readonly url: string
  readonly instance: string
  readonly stop: () => void
}

/** Starts the large simulator (seed 1) with `faults` in a child process, so this one measures only the client. */
export const startLargeSimulator = (faults: Record<string, number>) =>
  new Promise<SimulatorProcess>((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL("./simulatorProcess.ts", import.meta.url)),
      [JSON.stringify({ size: "large", seed: 1, faults })],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] }
    )
    const stop = () => child.connected && child.disconnect()
    process.once("exit", () => child.kill())
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`the simulator exited (code ${code})`)))
    child.once("message", (m) => resolve({ ...(m as { url: string; instance: string }), stop }))
  })

/**
 * What a client process reports: items streamed, time, peak RSS and how Node split it then (bytes),
 * and the tag of the error the stream failed with, if it did.
 */
export interface ClientRun {
  readonly count: number
  readonly seconds: number
  readonly peakRss: number
  readonly atPeak: { readonly heapTotal: number; readonly external: number; readonly arrayBuffers: number }
  readonly failure?: string | undefined
}

/** How the client streams: page size, pages in flight, and the retry policy (the client's default when absent). */
export interface StreamParams {
  readonly pageSize: number
  readonly concurrency: number
  readonly retry?: Record<string, unknown> | undefined
}

/** Streams every activity in a fresh plain-node client process and answers what it reports. */
export const runStreamClient = (
  sim: { url: string; instance: string },
  params: StreamParams,
  nodeFlags: ReadonlyArray<string> = []
) =>
  new Promise<ClientRun>((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL("./streamClient.mjs", import.meta.url)),
      [
        JSON.stringify({
          url: sim.url,
          instance: sim.instance,
          clientId: defaultApplication.clientId,
          clientSecret: defaultApplication.clientSecret,
          windows: largeWindows,
          ...params
        })
      ],
      // plain node: the TypeScript loader this process runs under would inflate the client's RSS
      { execArgv: [...nodeFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] }
    )
    child.once("message", (m) => resolve(m as ClientRun))
    child.once("error", reject)
    child.once("exit", (code) => code !== 0 && reject(new Error(`the client exited with ${code}`)))
  })
