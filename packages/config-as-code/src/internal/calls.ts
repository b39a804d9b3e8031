/**
 * Calls of table operations with path values given in template order, so the resource code need
 * not know each operation's parameter names (`{label}`, `{profileLabel}`, `{apiLabel}`).
 */
import { type AnyOperation, type OfscError, OfscTransport, Paging } from "@ofsc/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/** The `{name}` parameters of a path template, in order. */
const paramsOf = (op: AnyOperation): ReadonlyArray<string> => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "")

/** The call input for `op`: its path parameters filled with `values` in order, and a body if given. */
export const inputFor = (op: AnyOperation, values: ReadonlyArray<string>, body?: unknown): Record<string, unknown> => {
  const input: Record<string, unknown> = {}
  const params = paramsOf(op)
  if (params.length > 0) input.path = Object.fromEntries(params.map((name, i) => [name, values[i] ?? ""]))
  if (body !== undefined) input.body = body
  return input
}

/** Calls `op` through the transport (input checked against its schemas before anything is sent). */
export const callOperation = (
  op: AnyOperation,
  values: ReadonlyArray<string>,
  body?: unknown
): Effect.Effect<unknown, OfscError, OfscTransport> =>
  Effect.flatMap(OfscTransport, (transport) => transport.call(op, inputFor(op, values, body) as never))

/** Every item a list answers: all pages of a paged list, else the `items` of its one answer. */
export const listItems = (
  op: AnyOperation,
  values: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<unknown>, OfscError, OfscTransport> =>
  op.paging === "offset-limit"
    ? Effect.map(Stream.runCollect(Paging.stream(op, inputFor(op, values) as never)), Chunk.toReadonlyArray)
    : Effect.map(callOperation(op, values), (answer) => {
        const items = (answer as { readonly items?: unknown } | undefined)?.items
        return Array.isArray(items) ? items : []
      })
