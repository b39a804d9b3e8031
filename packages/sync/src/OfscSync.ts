/**
 * The blocking client: the same API groups and method names as the Effect services, answered with
 * plain values (or thrown errors) on the calling thread while a worker thread does the I/O.
 */
import type { OfscCapacityApi } from "@ofsc/capacity"
import type { OfscCollaborationApi } from "@ofsc/collaboration"
import type { OfscCoreApi } from "@ofsc/core"
import type { OfscMetadataApi } from "@ofsc/metadata"
import type { OfscPartsCatalogApi } from "@ofsc/parts-catalog"
import type { OfscStatisticsApi } from "@ofsc/statistics"
import type * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import { decodeValue } from "./internal/codec.js"
import { Connection } from "./internal/connection.js"
import type { SyncOptions } from "./internal/options.js"
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

/** The Effect API the sync client mirrors: every group and method of the six services. */
export interface OfscApi {
  readonly core: OfscCoreApi
  readonly metadata: OfscMetadataApi
  readonly capacity: OfscCapacityApi
  readonly statistics: OfscStatisticsApi
  readonly partsCatalog: OfscPartsCatalogApi
  readonly collaboration: OfscCollaborationApi
}

/** Per-call settings. */
export interface CallOptions {
  /** How long a call may block in all, retries included (ms). */
  readonly timeoutMs?: number | undefined
}

/** The blocking client. */
export type OfscSync = BlockingApi<OfscApi> & {
  /** A view of the same client whose calls use other settings (a longer deadline, say). */
  readonly withOptions: (options: CallOptions) => OfscSync
  /** One round trip to the worker that does nothing: the floor cost of a blocking call. */
  readonly ping: () => void
  /** Ends the worker thread. Later calls throw. A script that never calls it still exits. */
  readonly close: () => void
}

const defaultTimeoutMs = 60_000

const toPlain = (value: unknown): unknown => {
  const decoded = decodeValue(value)
  return decoded instanceof Uint8Array && !Buffer.isBuffer(decoded)
    ? Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength)
    : decoded
}

const syncStream = (connection: Connection, method: string, args: ReadonlyArray<unknown>, timeoutMs: number) => {
  const opened = connection.request(method, (seq) => ({ kind: "open", seq, method, args }), timeoutMs)
  const id = (opened as { readonly stream: number }).stream
  let buffer: Array<unknown> = []
  let index = 0
  let done = false
  const close = () => {
    if (done) return
    done = true
    buffer = []
    connection.request(method, (seq) => ({ kind: "close", seq, stream: id }), timeoutMs)
  }
  const iterator: SyncStream<unknown> = {
    next() {
      while (index >= buffer.length) {
        if (done) return { done: true, value: undefined }
        const page = connection.request(method, (seq) => ({ kind: "pull", seq, stream: id }), timeoutMs) as {
          readonly items: ReadonlyArray<unknown>
          readonly done: boolean
        }
        if (page.done) {
          done = true
          return { done: true, value: undefined }
        }
        buffer = page.items.map(toPlain)
        index = 0
      }
      return { done: false, value: buffer[index++] }
    },
    return() {
      close()
      return { done: true, value: undefined }
    },
    [Symbol.iterator]() {
      return iterator
    }
  }
  return iterator
}

/** The method path named by a chain of property reads: `ofs.metadata.shifts.get` → "metadata.shifts.get". */
const methodProxy = (connection: Connection, path: ReadonlyArray<string>, timeoutMs: number): unknown =>
  new Proxy(() => undefined, {
    get: (_, key) => (typeof key === "string" ? methodProxy(connection, [...path, key], timeoutMs) : undefined),
    apply: (_, __, args: Array<unknown>) => {
      const method = path.join(".")
      // `stream`, `streamSearch`, ...: the generated names of every Stream-returning method
      if (/^stream/.test(path[path.length - 1] ?? "")) return syncStream(connection, method, args, timeoutMs)
      const reply = connection.request(method, (seq) => ({ kind: "call", seq, method, args }), timeoutMs)
      return toPlain((reply as { readonly value: unknown }).value)
    }
  })

const view = (connection: Connection, timeoutMs: number): OfscSync => {
  const control = {
    withOptions: (options: CallOptions) => view(connection, options.timeoutMs ?? timeoutMs),
    ping: () => {
      connection.request("ping", (seq) => ({ kind: "ping", seq }), timeoutMs)
    },
    close: () => connection.close()
  }
  return new Proxy(control, {
    get: (target, key) =>
      typeof key === "string" && !(key in target) ? methodProxy(connection, [key], timeoutMs) : Reflect.get(target, key)
  }) as unknown as OfscSync
}

/** Creates a blocking client; its worker starts at the first call. */
export const createOfscSync = (options: SyncOptions): OfscSync =>
  view(new Connection({ url: workerUrl() }, options), options.timeoutMs ?? defaultTimeoutMs)
