/**
 * The calling thread's side: one worker per client, requests answered while this thread blocks in
 * Atomics.wait. A worker that dies is noticed through the shared signal it sets on exit, and the
 * next call starts a fresh one.
 */
import { createServer } from "node:net"
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, type WorkerOptions } from "node:worker_threads"
import { OfscSyncDeadlock, OfscSyncTimeout, OfscWorkerDied } from "../errors.js"
import { decodeError, type EncodedError } from "./codec.js"
import type { SyncSettings } from "./options.js"
import { type Reply, type Request, Signal } from "./protocol.js"

/** Where the worker module is, and how the bootstrap should load it. */
export interface WorkerEntry {
  /** A file URL of the built CommonJS worker module (worker.cjs). */
  readonly url: string
}

// A tiny CommonJS bootstrap: it registers the exit signal before anything can fail, then requires
// the worker module, so even a worker that cannot load wakes its caller at once.
const bootstrap = `
const { workerData } = require("node:worker_threads")
const signal = new Int32Array(workerData.signal)
const dead = () => { Atomics.store(signal, 0, ${Signal.dead}); Atomics.notify(signal, 0) }
process.on("exit", dead)
process.on("uncaughtException", (error) => {
  try { workerData.port.postMessage({ seq: -1, ok: false, error: { tag: "Error", fields: {}, message: String(error && error.stack || error) } }) } catch {}
  process.exit(1)
})
new Promise((resolve) => resolve(require(require("node:url").fileURLToPath(workerData.entry)))).then(
  (m) => m.start(workerData),
  (error) => {
    workerData.port.postMessage({ seq: 0, ok: false, error: { tag: "Error", fields: {}, message: "the worker failed to load: " + (error && error.message) } })
    process.exit(1)
  }
)
`

/**
 * Starts the worker with this process's Node flags (loaders, conditions), leaving out the ones a
 * worker refuses: --input-type always, and any other per-process flag (--expose-gc, heap sizes)
 * by retrying without flags when Node says so.
 */
const startWorker = (options: WorkerOptions): Worker => {
  const inherited = process.execArgv.filter((arg) => !arg.startsWith("--input-type"))
  try {
    return new Worker(bootstrap, { ...options, execArgv: inherited })
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error
    return new Worker(bootstrap, { ...options, execArgv: [] })
  }
}

interface Live {
  readonly worker: Worker
  readonly port: MessagePort
  readonly signal: Int32Array
  /** Which worker of this connection this is (1, 2, ... as dead ones are replaced). */
  readonly generation: number
}

/** How long a new worker may take to load and build its layers. */
const defaultBootTimeoutMs = 30_000

const loopback = new Set(["127.0.0.1", "localhost", "::1", "[::1]"])

/** True when a server listening on `port` lives on this thread: a blocking call to it cannot be answered. */
const servedByThisThread = (port: number): boolean => {
  // Node keeps no public list of servers; the active handles are the only place to look
  const handles =
    (process as unknown as { _getActiveHandles?: () => ReadonlyArray<unknown> })._getActiveHandles?.() ?? []
  const ServerClass = createServer().constructor
  return handles.some((h) => {
    if (!(h instanceof ServerClass)) return false
    const address = (h as { address: () => unknown }).address()
    return address !== null && typeof address === "object" && (address as { port?: number }).port === port
  })
}

/** One client's connection to its worker. */
export class Connection {
  private live: Live | undefined
  private seq = 0
  private generations = 0
  private streamIds = 0
  private releasing: Array<{ readonly generation: number; readonly stream: number }> = []
  private closed = false
  private readonly localPort: number | undefined

  /** `baseUrl` is where the settings resolved to: the options' or the environment's. */
  constructor(
    private readonly entry: WorkerEntry,
    private readonly settings: SyncSettings,
    private readonly baseUrl: string
  ) {
    const url = new URL(baseUrl)
    this.localPort = loopback.has(url.hostname) ? Number(url.port || (url.protocol === "https:" ? 443 : 80)) : undefined
  }

  /** Sends a request and blocks until its reply, the deadline, or the worker's death. */
  request(method: string, make: (seq: number) => Request, timeoutMs: number): Reply & { readonly ok: true } {
    if (this.closed) throw new OfscWorkerDied({ method, reason: "the client is closed" })
    if (this.localPort !== undefined && servedByThisThread(this.localPort)) {
      throw new OfscSyncDeadlock({ method, baseUrl: this.baseUrl })
    }
    const live = this.ensureLive(method)
    // the call's deadline starts once the worker is up: booting has a budget of its own
    const deadline = performance.now() + timeoutMs
    const request = make(++this.seq)
    Atomics.store(live.signal, 0, Signal.idle)
    live.port.postMessage(request)
    return this.awaitReply(live, method, request.seq, deadline, timeoutMs)
  }

  /** The generation of the worker now running, if one is. */
  get generation(): number | undefined {
    return this.live?.generation
  }

  /** A stream id never handed out before by this connection, whichever worker holds the stream. */
  nextStreamId(): number {
    return ++this.streamIds
  }

  /**
   * Asks the worker of `generation` to close a stream nobody can read any more, without waiting
   * (a finalizer calls this). Ids released in one turn go out as one message after it; a stream of
   * a worker that has since been replaced died with it, so its id is dropped, never sent to the new one.
   */
  release(generation: number, stream: number): void {
    if (this.releasing.push({ generation, stream }) > 1) return
    queueMicrotask(() => {
      const batch = this.releasing
      this.releasing = []
      const live = this.live
      const streams = batch.filter((r) => r.generation === live?.generation).map((r) => r.stream)
      if (live === undefined || streams.length === 0) return
      try {
        live.port.postMessage({ kind: "release", streams })
      } catch {
        // the port closed meanwhile: the worker and its streams are gone already
      }
    })
  }

  /** Ends the worker; later calls throw. */
  close(): void {
    this.closed = true
    this.discard()
  }

  private ensureLive(method: string): Live {
    if (this.live !== undefined) return this.live
    const { port1, port2 } = new MessageChannel()
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const worker = startWorker({
      eval: true,
      workerData: { signal: signal.buffer, port: port2, options: this.settings, entry: this.entry.url },
      transferList: [port2]
    })
    // a script that forgets close() must still be able to exit
    worker.unref()
    port1.unref()
    this.live = { worker, port: port1, signal, generation: ++this.generations }
    // the worker answers seq 0 once its layers are built (or with the configuration error)
    const bootMs = this.settings.options.bootTimeoutMs ?? defaultBootTimeoutMs
    this.awaitReply(this.live, method, 0, performance.now() + bootMs, bootMs)
    return this.live
  }

  private awaitReply(live: Live, method: string, seq: number, deadline: number, timeoutMs: number) {
    for (;;) {
      const remaining = deadline - performance.now()
      if (remaining <= 0) {
        this.discard()
        throw new OfscSyncTimeout({ method, timeoutMs })
      }
      Atomics.wait(live.signal, 0, Signal.idle, remaining)
      const state = Atomics.load(live.signal, 0)
      if (state === Signal.idle) continue
      // the port may hold the reply even when the worker has died since: read it first
      const received = receiveMessageOnPort(live.port)
      if (state === Signal.ready) Atomics.store(live.signal, 0, Signal.idle)
      if (received !== undefined) {
        const reply = received.message as Reply
        if (reply.seq === -1) {
          // the worker crashed (an uncaught error) and said why before exiting
          this.discard()
          throw new OfscWorkerDied({ method, reason: (reply as { error: EncodedError }).error.message })
        }
        if (reply.seq === seq) {
          if (reply.ok) return reply
          if (seq === 0) this.discard()
          throw decodeError(reply.error as EncodedError)
        }
        continue
      }
      if (state === Signal.dead) {
        this.discard()
        throw new OfscWorkerDied({ method, reason: "the worker exited" })
      }
    }
  }

  private discard(): void {
    const live = this.live
    this.live = undefined
    if (live !== undefined) {
      live.port.close()
      void live.worker.terminate()
    }
  }
}
