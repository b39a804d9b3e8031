/**
 * The blocking client: the same API groups and method names as the Effect services, answered with
 * plain values (or thrown errors) on the calling thread while a worker thread does the I/O.
 */
import type { SafeWrites } from "@ofsc/core"
import { OfscConfigError } from "@ofsc/core/errors"
import { apiModules, type OfscApis } from "@ofsc/modules"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Stream from "effect/Stream"
import { OfscWorkerDied } from "./errors.js"
import { decodeValue } from "./internal/codec.js"
import { Connection } from "./internal/connection.js"
import { callTimeoutOf, resolveSettings, type SyncOptions, settingsFor } from "./internal/options.js"
import type { Request } from "./internal/protocol.js"
import { workerUrl } from "./workerLocation.js"

/** An Effect method seen from a script: the value it succeeds with, bytes as a Buffer. */
type Blocking<F> = F extends (...args: infer A) => Effect.Effect<infer R, infer _E, infer _R>
  ? (...args: A) => Plain<R>
  : F extends (...args: infer A) => Stream.Stream<infer I, infer _E, infer _R>
    ? (...args: A) => SyncStream<Plain<I>>
    : F extends object
      ? BlockingApi<F>
      : never

/** Bytes come back as a Buffer; everything else as it is. */
type Plain<A> = A extends Uint8Array ? Buffer : A

/** A group of Effect methods, made blocking. */
export type BlockingApi<T> = { readonly [K in keyof T]: Blocking<T[K]> }

/** A stream seen from a script: a synchronous iterator that pulls one page at a time. */
export interface SyncStream<A> extends IterableIterator<A> {
  /** Stops fetching (what `break` in a for-of loop does). */
  return(): IteratorResult<A>
}

/** The Effect API the sync client mirrors: every group and method of the services of the module registry. */
export interface OfscApi extends OfscApis {
  /** Writes that are safe to send again after a lost answer (`SafeWrites` of @ofsc/core, bound to core). */
  readonly safeWrites: SafeWrites.SafeWritesApi
}

/** Per-call settings. */
export interface CallOptions {
  /** How long a call may block in all, attempts and retries included (ms). */
  readonly callTimeoutMs?: number | undefined
  /** @deprecated Use `callTimeoutMs` (the same setting under a name that says what it bounds). */
  readonly timeoutMs?: number | undefined
}

/** What the worker holds, for finding streams a script forgot to finish or `return()`. */
export interface SyncDiagnostics {
  /** Streams open in the worker: opened, not read to the end, not returned, not yet released. */
  readonly openStreams: number
  /** The worker thread's V8 heap in use (bytes). */
  readonly heapUsedBytes: number
}

/** The blocking client. */
export type OfscSync = BlockingApi<OfscApi> & {
  /** A view of the same client whose calls use other settings (a longer deadline, say). */
  readonly withOptions: (options: CallOptions) => OfscSync
  /** One round trip to the worker that does nothing: the floor cost of a blocking call. */
  readonly ping: () => void
  /**
   * Asks the worker what it holds (starting it if it is not running).
   *
   * @example
   * if (ofs.diagnostics().openStreams > 10) console.warn("streams left open: return() them")
   */
  readonly diagnostics: () => SyncDiagnostics
  /** Ends the worker thread. Later calls throw. A script that never calls it still exits. */
  readonly close: () => void
}

const defaultCallTimeoutMs = 60_000

const toPlain = (value: unknown): unknown => {
  const decoded = decodeValue(value)
  return decoded instanceof Uint8Array && !Buffer.isBuffer(decoded)
    ? Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength)
    : decoded
}

/** What the registry needs to release a stream once its iterator is gone: no path back to the iterator. */
interface StreamTicket {
  readonly connection: Connection
  readonly generation: number
  readonly stream: number
}

// An iterator dropped without return() would keep its stream (and the page it holds) open in the
// worker; when it is collected, the stream is released. Finalizers run between event-loop turns only.
const abandoned = new FinalizationRegistry<StreamTicket>((t) => t.connection.release(t.generation, t.stream))

/**
 * A Stream method as an iterator. Like the Effect stream it mirrors, nothing happens until the first
 * `next()`: only then does the worker open the stream, so iterators made ahead of use cost nothing there.
 */
const syncStream = (connection: Connection, method: string, args: ReadonlyArray<unknown>, callTimeoutMs: number) => {
  // everything that can still read the stream (the iterator, a detached `next`) holds this object,
  // so it is what the registry watches: it is collected only once nothing can pull any more
  const state = { buffer: [] as Array<unknown>, index: 0, done: false }
  let opened: { readonly id: number; readonly generation: number } | undefined
  const finish = () => {
    state.done = true
    state.buffer = []
    abandoned.unregister(state)
  }
  const request = <R>(make: (seq: number) => Request): R => {
    try {
      return connection.request(method, make, callTimeoutMs) as R
    } catch (error) {
      // a failed open or pull ended the stream in the worker (or the worker is gone)
      finish()
      throw error
    }
  }
  const open = (): number => {
    if (opened !== undefined) {
      if (connection.generation === opened.generation) return opened.id
      finish()
      throw new OfscWorkerDied({ method, reason: "the worker that held this stream is gone; open the stream again" })
    }
    const id = connection.nextStreamId()
    request((seq) => ({ kind: "open", seq, stream: id, method, args }))
    opened = { id, generation: connection.generation as number }
    abandoned.register(state, { connection, generation: opened.generation, stream: id }, state)
    return id
  }
  const iterator: SyncStream<unknown> = {
    next() {
      while (state.index >= state.buffer.length) {
        if (state.done) return { done: true, value: undefined }
        const stream = open()
        const page = request<{ readonly items: ReadonlyArray<unknown>; readonly done: boolean }>((seq) => ({
          kind: "pull",
          seq,
          stream
        }))
        if (page.done) {
          finish()
          return { done: true, value: undefined }
        }
        state.buffer = page.items.map(toPlain)
        state.index = 0
      }
      return { done: false, value: state.buffer[state.index++] }
    },
    return() {
      if (!state.done) {
        finish()
        // never opened, or opened in a worker that is gone since: nothing to close
        if (opened !== undefined && connection.generation === opened.generation) {
          const stream = opened.id
          connection.request(method, (seq) => ({ kind: "close", seq, stream }), callTimeoutMs)
        }
      }
      return { done: true, value: undefined }
    },
    [Symbol.iterator]() {
      return iterator
    }
  }
  return iterator
}

/** Every method that answers a Stream, as the generated registry lists them (`metadata.shifts.stream`, `core.events.polls`). */
const streamMethods: ReadonlySet<string> = new Set(apiModules.flatMap((module) => module.streamMethods))

/** The method path named by a chain of property reads: `ofs.metadata.shifts.get` → "metadata.shifts.get". */
const methodProxy = (connection: Connection, path: ReadonlyArray<string>, callTimeoutMs: number): unknown =>
  new Proxy(() => undefined, {
    get: (_, key) => (typeof key === "string" ? methodProxy(connection, [...path, key], callTimeoutMs) : undefined),
    apply: (_, __, args: Array<unknown>) => {
      const method = path.join(".")
      if (streamMethods.has(method)) return syncStream(connection, method, args, callTimeoutMs)
      const reply = connection.request(method, (seq) => ({ kind: "call", seq, method, args }), callTimeoutMs)
      return toPlain((reply as { readonly value: unknown }).value)
    }
  })

const view = (connection: Connection, callTimeoutMs: number): OfscSync => {
  const control = {
    withOptions: (options: CallOptions) => view(connection, checkedCallTimeout(options, callTimeoutMs)),
    ping: () => {
      connection.request("ping", (seq) => ({ kind: "ping", seq }), callTimeoutMs)
    },
    diagnostics: () =>
      (
        connection.request("diagnostics", (seq) => ({ kind: "diagnostics", seq }), callTimeoutMs) as {
          value: SyncDiagnostics
        }
      ).value,
    close: () => connection.close()
  }
  return new Proxy(control, {
    get: (target, key) =>
      typeof key === "string" && !(key in target)
        ? methodProxy(connection, [key], callTimeoutMs)
        : Reflect.get(target, key)
  }) as unknown as OfscSync
}

/** The whole-call deadline `options` set, or `fallback`; a deadline that is not a positive number is a configuration error. */
const checkedCallTimeout = (options: CallOptions, fallback: number): number => {
  const ms = callTimeoutOf(options) ?? fallback
  if (!(ms > 0)) {
    const key = options.callTimeoutMs === undefined ? "timeoutMs" : "callTimeoutMs"
    throw new OfscConfigError({ key, reason: "must be a positive number of milliseconds" })
  }
  return ms
}

/**
 * Creates a blocking client; its worker starts at the first call. Without connection settings
 * (`instance`, `baseUrl`, credentials) it reads the `OFSC_*` environment variables, as
 * `OfscClient.layerFromEnv` does. The configuration is checked here, before anything is sent: a
 * missing or malformed setting throws `OfscConfigError` naming the option or variable to fix.
 *
 * @example
 * const ofs = createOfscSync() // OFSC_INSTANCE, OFSC_CLIENT_ID, OFSC_CLIENT_SECRET, ...
 * const shift = ofs.metadata.shifts.get("blue")
 */
export const createOfscSync = (options: SyncOptions = {}): OfscSync => {
  const callTimeout = checkedCallTimeout(options, defaultCallTimeoutMs)
  const settings = settingsFor(options)
  // resolved on this thread too, so a bad setting is thrown now rather than at the first call
  const config = Effect.runSync(Effect.either(resolveSettings(settings)))
  if (Either.isLeft(config)) throw config.left
  return view(new Connection({ url: workerUrl() }, settings, config.right.baseUrl), callTimeout)
}
