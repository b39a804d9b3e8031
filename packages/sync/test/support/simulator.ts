/** Starts a simulator in a child process (a blocking client must never share a thread with its server). */
import { type ChildProcess, fork } from "node:child_process"
import { fileURLToPath } from "node:url"

/** A running simulator process. */
export interface SimProcess {
  readonly child: ChildProcess
  readonly url: string
  readonly instance: string
}

/** Starts test/support/simulatorProcess.mjs with this seed and size, and waits for its address. */
export const startSimulatorProcess = async (seed: number, size = "small"): Promise<SimProcess> => {
  const child = fork(fileURLToPath(new URL("./simulatorProcess.mjs", import.meta.url)), [String(seed), size], {
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  const { url, instance } = await new Promise<{ url: string; instance: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { url: string; instance: string }))
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)))
  })
  return { child, url, instance }
}

/** The blocking client's options for that simulator (its default application). */
export const simulatorSyncOptions = (sim: Pick<SimProcess, "url" | "instance">) => ({
  baseUrl: sim.url,
  instance: sim.instance,
  clientId: "ofsc-sim",
  clientSecret: "sim-secret",
  maxRetries: 0
})
