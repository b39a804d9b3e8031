/**
 * The worker side: one Effect runtime with the configured transport, answering one request at a
 * time. Each reply goes on the port first, then the shared signal wakes the blocked caller.
 */
import type { MessagePort } from "node:worker_threads"
import { OfscCapacity } from "@ofsc/capacity"
import { OfscCollaboration } from "@ofsc/collaboration"
import { OfscClient, OfscCore, OfscHttpClient } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { OfscPartsCatalog } from "@ofsc/parts-catalog"
import { OfscStatistics } from "@ofsc/statistics"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { encodeError, encodeValue } from "./codec.js"
import { type SyncOptions, toConfigOptions } from "./options.js"
import { type Reply, type Request, Signal } from "./protocol.js"

interface OpenStream {
  readonly pull: Effect.Effect<Chunk.Chunk<unknown>, Option.Option<unknown>>
  readonly scope: Scope.CloseableScope
}

/** Builds the object of API groups whose methods the caller names (`core.raw`, `metadata.shifts.get`, ...). */
const makeApi = Effect.map(
  Effect.all({
    core: OfscCore,
    metadata: OfscMetadata,
    capacity: OfscCapacity,
    statistics: OfscStatistics,
    partsCatalog: OfscPartsCatalog,
    collaboration: OfscCollaboration
  }),
  (api) => ({
    ...api,
    // failure drills for this package's own tests: a worker that exits or crashes mid-call
    ...(process.env.OFSC_SYNC_TEST_HOOKS === "1" && {
      drill: {
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
export const start = (data: { signal: SharedArrayBuffer; port: MessagePort; options: SyncOptions }): void => {
  const signal = new Int32Array(data.signal)
  const { port } = data
  const reply = (message: Reply) => {
    port.postMessage(message)
    Atomics.store(signal, 0, Signal.ready)
    Atomics.notify(signal, 0)
  }
  const client = OfscClient.layer(toConfigOptions(data.options)).pipe(Layer.provide(OfscHttpClient.layerUndici))
  const services = Layer.mergeAll(
    OfscCore.layer,
    OfscMetadata.layer,
    OfscCapacity.layer,
    OfscStatistics.layer,
    OfscPartsCatalog.layer,
    OfscCollaboration.layer
  )
  const runtime = ManagedRuntime.make(services.pipe(Layer.provide(client)))
  // the services are built once, at boot; every call resolves its method on them
  const api = runtime.runPromiseExit(makeApi)
  const streams = new Map<number, OpenStream>()
  let nextStream = 1

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
        const id = nextStream++
        streams.set(id, { pull, scope })
        return { seq, ok: true, stream: id }
      }
      case "pull": {
        const open = streams.get(request.stream)
        if (open === undefined) return { seq, ok: true, items: [], done: true }
        const exit = await runtime.runPromiseExit(open.pull)
        if (Exit.isSuccess(exit))
          return { seq, ok: true, items: Chunk.toArray(exit.value).map(encodeValue), done: false }
        streams.delete(request.stream)
        await runtime.runPromise(Scope.close(open.scope, Exit.void))
        const failed = Cause.failureOption(exit.cause)
        if (Option.isNone(failed)) return { seq, ok: false, error: failure(exit.cause) }
        const error = failed.value
        // the pull fails with None at the stream's end and with Some(e) for a real failure
        if (!Option.isOption(error)) return { seq, ok: false, error: encodeError(error) }
        return Option.isNone(error)
          ? { seq, ok: true, items: [], done: true }
          : { seq, ok: false, error: encodeError(error.value) }
      }
      case "close": {
        const open = streams.get(request.stream)
        streams.delete(request.stream)
        if (open !== undefined) await runtime.runPromise(Scope.close(open.scope, Exit.void))
        return { seq, ok: true, value: undefined }
      }
    }
  }

  port.on("message", (request: Request) => {
    handle(request).then(reply, (error: unknown) => reply({ seq: request.seq, ok: false, error: encodeError(error) }))
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
