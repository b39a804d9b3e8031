/**
 * The worker side: one Effect runtime with the configured transport, answering one request at a
 * time. Each reply goes on the port first, then the shared signal wakes the blocked caller.
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import type { MessagePort } from "node:worker_threads"
import { OfscClient, OfscConfig, OfscCore, OfscHttpClient, SafeWrites } from "@ofsc/core"
import type { AnyApiModule } from "@ofsc/modules"
import { allModules } from "@ofsc/modules/all"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { OfscStreamReleased } from "../errors.js"
import { encodeError, encodeValue } from "./codec.js"
import { resolveSettings, type SyncSettings, streamLimits } from "./options.js"
import { type Message, type Reply, type Request, Signal } from "./protocol.js"

interface OpenStream {
  readonly method: string
  readonly pull: Effect.Effect<Chunk.Chunk<unknown>, Option.Option<unknown>>
  readonly scope: Scope.CloseableScope
  /** Releases the stream when it has not been pulled for `streamIdleMs`; cleared while a pull runs. */
  idle: ReturnType<typeof setTimeout> | undefined
}

/** What a pull of a stream the worker released by itself is told, until the caller lets the id go. */
type Tombstone = Pick<OfscStreamReleased, "method" | "reason" | "limit">

/** Tombstones kept at most: a script that never yields (so never finalizes) must not grow them for ever. */
const maxTombstones = 10_000

/** Node fires a timer longer than this at once: such an idle bound means no bound. */
const maxTimerMs = 2 ** 31 - 1

/** Every module of the registry, whatever its service. */
const modules: ReadonlyArray<AnyApiModule> = allModules

/** Builds the object of API groups whose methods the caller names (`core.raw`, `metadata.shifts.get`, ...). */
const makeApi = Effect.map(
  Effect.all({
    services: Effect.forEach(modules, (module) =>
      Effect.map(module.tag, (service: unknown) => [module.name, service] as const)
    ),
    core: OfscCore
  }),
  ({ services, core }) => ({
    ...Object.fromEntries(services),
    safeWrites: SafeWrites.bindTo(core),
    // drills for this package's own tests: a worker that exits or crashes mid-call, and a full
    // garbage collection (a worker refuses --expose-gc, so the flag is set at run time)
    ...(process.env.OFSC_SYNC_TEST_HOOKS === "1" && {
      drill: {
        gc: () =>
          Effect.sync(() => {
            setFlagsFromString("--expose-gc")
            ;(runInNewContext("gc") as () => void)()
          }),
        exit: () => Effect.sync(() => process.exit(3)),
        crash: () =>
          Effect.async<never>(() => {
            setTimeout(() => {
              throw new Error("drill: uncaught in the worker")
            }, 1)
          })
      }
    })
  })
)

const resolve = (api: unknown, method: string): ((...args: ReadonlyArray<unknown>) => unknown) | undefined => {
  let target: unknown = api
  for (const part of method.split(".")) {
    if (target === null || typeof target !== "object" || !Object.hasOwn(target, part)) return undefined
    target = (target as Record<string, unknown>)[part]
  }
  return typeof target === "function" ? (target as (...args: ReadonlyArray<unknown>) => unknown) : undefined
}

const failure = (cause: Cause.Cause<unknown>) =>
  encodeError(Option.getOrElse(Cause.failureOption(cause), () => Cause.squash(cause)))

/** Starts answering requests; called by the bootstrap once this module has loaded. */
export const start = (data: { signal: SharedArrayBuffer; port: MessagePort; options: SyncSettings }): void => {
  const signal = new Int32Array(data.signal)
  const { port } = data
  const reply = (message: Reply) => {
    port.postMessage(message)
    Atomics.store(signal, 0, Signal.ready)
    Atomics.notify(signal, 0)
  }
  // the same settings the calling thread checked, resolved the same way (the environment as it was then)
  const config = Layer.effect(OfscConfig, resolveSettings(data.options))
  const client = OfscClient.fromConfig(config).pipe(Layer.provide(OfscHttpClient.layerUndici))
  const services = modules.map((module) => module.layer).reduce((all, layer) => Layer.merge(all, layer))
  const runtime = ManagedRuntime.make(services.pipe(Layer.provide(client)))
  // the services are built once, at boot; every call resolves its method on them
  const api = runtime.runPromiseExit(makeApi)
  const limits = streamLimits(data.options.options)
  // in order of last use, least recent first: the one to release when too many are open
  const streams = new Map<number, OpenStream>()
  const released = new Map<number, Tombstone>()

  const closeStream = async (id: number): Promise<void> => {
    const open = streams.get(id)
    if (open === undefined) return
    streams.delete(id)
    clearTimeout(open.idle)
    // closing the scope interrupts any page being read ahead and frees what the stream held; a
    // finalizer that fails must not take the worker down, so the exit is dropped
    await runtime.runPromiseExit(Scope.close(open.scope, Exit.void))
  }
  /** The worker's own release (idle, or too many open): a later pull is told why. */
  const releaseStream = (id: number, reason: Tombstone["reason"]): Promise<void> => {
    const open = streams.get(id)
    if (open === undefined) return Promise.resolve()
    released.set(id, { method: open.method, reason, limit: reason === "idle" ? limits.idleMs : limits.maxOpen })
    if (released.size > maxTombstones) released.delete(released.keys().next().value as number)
    return closeStream(id)
  }
  /** Marks a stream as just used: last in line for the cap, idle timer restarted. */
  const touch = (id: number, open: OpenStream) => {
    streams.delete(id)
    streams.set(id, open)
    clearTimeout(open.idle)
    open.idle =
      limits.idleMs > maxTimerMs ? undefined : setTimeout(() => void releaseStream(id, "idle"), limits.idleMs).unref()
  }

  const handle = async (request: Request): Promise<Reply> => {
    const seq = request.seq
    switch (request.kind) {
      case "ping":
        return { seq, ok: true, value: undefined }
      case "call":
      case "open": {
        const built = await api
        if (Exit.isFailure(built)) return { seq, ok: false, error: failure(built.cause) }
        const fn = resolve(built.value, request.method)
        if (fn === undefined) {
          return { seq, ok: false, error: encodeError(new Error(`@ofsc/sync has no method ${request.method}`)) }
        }
        const result = fn(...request.args)
        if (request.kind === "call") {
          const exit = await runtime.runPromiseExit(result as Effect.Effect<unknown, unknown>)
          return Exit.isSuccess(exit)
            ? { seq, ok: true, value: encodeValue(exit.value) }
            : { seq, ok: false, error: failure(exit.cause) }
        }
        const scope = await runtime.runPromise(Scope.make())
        const pull = await runtime.runPromise(
          Scope.extend(Stream.toPull(result as Stream.Stream<unknown, unknown>), scope)
        )
        const id = request.stream
        touch(id, { method: request.method, pull, scope, idle: undefined })
        for (const [oldest] of streams) {
          if (streams.size <= limits.maxOpen) break
          await releaseStream(oldest, "tooManyOpen")
        }
        return { seq, ok: true, stream: id }
      }
      case "pull": {
        const id = request.stream
        const open = streams.get(id)
        if (open === undefined) {
          const tombstone = released.get(id)
          released.delete(id)
          return {
            seq,
            ok: false,
            error: encodeError(
              tombstone === undefined
                ? new Error(`@ofsc/sync: stream ${id} is not open`)
                : new OfscStreamReleased(tombstone)
            )
          }
        }
        clearTimeout(open.idle)
        const exit = await runtime.runPromiseExit(open.pull)
        if (Exit.isSuccess(exit)) {
          touch(id, open)
          return { seq, ok: true, items: Chunk.toArray(exit.value).map(encodeValue), done: false }
        }
        await closeStream(id)
        const failed = Cause.failureOption(exit.cause)
        if (Option.isNone(failed)) return { seq, ok: false, error: failure(exit.cause) }
        const error = failed.value
        // the pull fails with None at the stream's end and with Some(e) for a real failure
        if (!Option.isOption(error)) return { seq, ok: false, error: encodeError(error) }
        return Option.isNone(error)
          ? { seq, ok: true, items: [], done: true }
          : { seq, ok: false, error: encodeError(error.value) }
      }
      case "close":
        released.delete(request.stream)
        await closeStream(request.stream)
        return { seq, ok: true, value: undefined }
      case "diagnostics":
        return { seq, ok: true, value: { openStreams: streams.size, heapUsedBytes: process.memoryUsage().heapUsed } }
    }
  }

  port.on("message", (message: Message) => {
    if (message.kind === "release") {
      // the caller's iterators are gone: nobody can pull these ids again, not even to hear why
      for (const id of message.streams) {
        released.delete(id)
        void closeStream(id)
      }
      return
    }
    handle(message).then(reply, (error: unknown) => reply({ seq: message.seq, ok: false, error: encodeError(error) }))
  })
  // boot: building the layers here surfaces configuration errors at once, as the reply to seq 0
  runtime
    .runPromiseExit(makeApi)
    .then((exit) =>
      reply(
        Exit.isSuccess(exit)
          ? { seq: 0, ok: true, value: undefined }
          : { seq: 0, ok: false, error: failure(exit.cause) }
      )
    )
}
