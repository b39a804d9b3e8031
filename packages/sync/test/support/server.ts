/** Starts the sync tests' server in a child process and answers its origin. */
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The running server. */
export interface ServerProcess {
  readonly origin: string
  readonly stop: () => void
}

/** Starts test/support/server.mjs and waits for the origin it prints. */
export const startServer = (): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [fileURLToPath(new URL("./server.mjs", import.meta.url))], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    child.once("error", reject)
    child.stdout?.once("data", (chunk: Buffer) =>
      resolve({ origin: chunk.toString().trim(), stop: () => child.kill() })
    )
  })

/** The options every test client uses against that server. */
export const syncOptions = (origin: string) => ({
  baseUrl: origin,
  instance: "test",
  clientId: "sync-test",
  clientSecret: "s3cret",
  maxRetries: 0
})
