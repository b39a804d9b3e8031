/**
 * Offset/limit paging as a `Stream` of items. Pages are fetched lazily, one after another, or
 * several at a time while items still come out in order.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { orderedRuns } from "./internal/orderedRuns.js"
import { withResumeFrom } from "./internal/streamPosition.js"
import type { OfscError, OfscStreamPosition } from "./OfscError.js"
import { OfscTransport, type OfscTransportShape } from "./OfscTransport.js"
import type { Operation, OperationArgs } from "./Operation.js"

/** The fields of an OFS list answer that paging reads. Every one is optional somewhere in OFS. */
export interface OffsetPage<I> {
  readonly items?: ReadonlyArray<I> | null | undefined
  readonly hasMore?: boolean | null | undefined
  readonly totalResults?: number | null | undefined
  readonly limit?: number | null | undefined
}

/** The query fields paging sets. */
export interface OffsetQuery {
  readonly offset?: number | undefined
  readonly limit?: number | undefined
}

/** An operation that pages by offset and limit. */
export type OffsetPagedOperation<P, Q extends OffsetQuery, B, I> = Operation<P, Q, B, OffsetPage<I>>

/** The item type of a paged operation. */
export type ItemOf<A> = A extends OffsetPage<infer I> ? I : never

/** How to walk the pages. */
export interface StreamOptions {
  /** The `limit` asked for each page; OFS may answer fewer (its own maximum). */
  readonly pageSize?: number | undefined
  /**
   * How many pages may be in flight at once. 1 (the default) walks the pages one by one. With
   * `totalResults` known, exactly the remaining pages are fetched; without it (lists that answer
   * only `hasMore`), pages are read ahead and the few past the end are cancelled. The client's own
   * concurrency bound still applies, and so does the operation's own OFS limit (GET activities: 3).
   */
  readonly concurrency?: number | undefined
  /**
   * The list offset to start at; wins over the query's `offset`. Pass the `resumeFrom` of the error
   * an earlier run of the same stream failed with to continue exactly where it stopped.
   */
  readonly from?: number | undefined
}

/** One page as paging sees it, with where the next one starts, if there is one. */
interface PageResult<I> {
  readonly items: ReadonlyArray<I>
  readonly total: number | undefined
  readonly next: Option.Option<number>
}

/**
 * Whether there is more after a page: `hasMore` when OFS says it, else `totalResults`, else a full
 * page. An empty page always ends the walk, so a server that keeps saying `hasMore` cannot loop us.
 */
const nextOffset = <I>(page: OffsetPage<I>, offset: number, requested: number | undefined): Option.Option<number> => {
  const count = page.items?.length ?? 0
  const after = offset + count
  if (count === 0) return Option.none()
  if (typeof page.hasMore === "boolean") return page.hasMore ? Option.some(after) : Option.none()
  if (typeof page.totalResults === "number") return after < page.totalResults ? Option.some(after) : Option.none()
  // the limit OFS says it applied beats the one we asked for: it may cap ours (often at 100)
  const full = page.limit ?? requested
  return full !== undefined && count >= full ? Option.some(after) : Option.none()
}

const withPaging = (input: unknown, offset: number, limit: number | undefined): unknown => {
  const base = (input ?? {}) as { readonly query?: Record<string, unknown> }
  const query: Record<string, unknown> = { ...base.query, offset }
  if (limit !== undefined) query.limit = limit
  return { ...base, query }
}

/** Fetches the single page at `offset` (with the caller's own `limit`, if any). */
export const page = <P, Q extends OffsetQuery, B, A extends OffsetPage<unknown>>(
  op: Operation<P, Q, B, A>,
  ...args: OperationArgs<Operation<P, Q, B, A>>
): Effect.Effect<A, OfscError, OfscTransport> => Effect.flatMap(OfscTransport, (t) => t.call(op, ...args))

/**
 * Streams every item of a paged operation, in order, fetching pages as the stream is pulled. When it
 * fails (after the transport's own retries), its error's `resumeFrom` says where to continue.
 */
export const stream = <P, Q extends OffsetQuery, B, A extends OffsetPage<unknown>>(
  op: Operation<P, Q, B, A>,
  input: OperationArgs<Operation<P, Q, B, A>>[0],
  options: StreamOptions = {}
): Stream.Stream<ItemOf<A>, OfscError, OfscTransport> =>
  Stream.unwrap(Effect.map(OfscTransport, (transport) => streamWith(transport, op, input, options)))

/**
 * `stream` over a transport in hand, as the API services page: nothing is asked of the context.
 * (Providing the transport to the stream instead re-provides it on every pull, which measured
 * ~120 µs per page; tooling/bench/README.md, "Paging".)
 */
export const streamWith = <P, Q extends OffsetQuery, B, A extends OffsetPage<unknown>>(
  transport: OfscTransportShape,
  op: Operation<P, Q, B, A>,
  input: OperationArgs<Operation<P, Q, B, A>>[0],
  options: StreamOptions = {}
): Stream.Stream<ItemOf<A>, OfscError> =>
  Stream.suspend(() => {
    type I = ItemOf<A>
    const userQuery = (input as { readonly query?: OffsetQuery } | undefined)?.query
    const start = options.from ?? userQuery?.offset ?? 0
    const limit = options.pageSize ?? userQuery?.limit
    const concurrency = Math.max(1, options.concurrency ?? 1)

    const fetch = (offset: number, pageLimit: number | undefined): Effect.Effect<PageResult<I>, OfscError> =>
      Effect.map(
        transport.call(
          op as unknown as Operation<P, Q, B, OffsetPage<I>>,
          ...([withPaging(input, offset, pageLimit)] as never)
        ),
        (answer) => ({
          items: answer.items ?? [],
          total: answer.totalResults ?? undefined,
          next: nextOffset(answer, offset, pageLimit)
        })
      )

    /**
     * One page after another from `offset`, each fetched when the previous one has been pulled.
     * A failure is marked with the offset it happened at: every item before it was handed on.
     */
    const sequentialFrom = (offset: Option.Option<number>): Stream.Stream<I, OfscError> =>
      Stream.suspend(() => {
        let next = offset
        return Stream.repeatEffectChunkOption(
          Effect.suspend(() => {
            if (Option.isNone(next)) return Effect.fail(Option.none())
            const at = next.value
            return Effect.matchEffect(fetch(at, limit), {
              onFailure: (error) => Effect.fail(Option.some(withResumeFrom(error, at))),
              onSuccess: (p) => {
                next = p.next
                return Effect.succeed(Chunk.unsafeFromArray(p.items as Array<I>))
              }
            })
          })
        )
      })

    if (concurrency === 1) return sequentialFrom(Option.some(start))

    /**
     * Fetches [from, from + size), following short pages so no item is skipped. A failure is marked
     * with `from`: none of the segment's items has been handed on yet.
     */
    const segment = (size: number) => (from: number) =>
      Effect.gen(function* () {
        const items: Array<I> = []
        let at = from
        let next: Option.Option<number> = Option.some(from)
        while (Option.isSome(next) && at < from + size) {
          const p = yield* fetch(at, Math.min(size, from + size - at))
          for (const item of p.items) items.push(item)
          at += p.items.length
          next = p.next
        }
        return { items, next }
      }).pipe(Effect.mapError((error) => withResumeFrom(error, from)))

    return Stream.unwrap(
      Effect.gen(function* () {
        const first = yield* Effect.mapError(fetch(start, limit), (error) => withResumeFrom(error, start))
        const head = Stream.fromChunk(Chunk.unsafeFromArray(first.items as Array<I>))
        if (Option.isNone(first.next)) return head
        // the first page shows the size OFS really serves (it may cap our limit)
        const size = first.items.length

        if (first.total === undefined) {
          // no total (GET activities answers only hasMore): read ahead `concurrency` pages at a
          // time and stop at the first one that says there is no more; the rest are interrupted
          const from = first.next.value
          const endless = (function* () {
            for (let at = from; ; at += size) yield at
          })()
          const ahead = orderedRuns(endless, concurrency, segment(size), (s) => Option.isNone(s.next))
          return Stream.concat(
            head,
            Stream.mapConcat(ahead, (s) => s.items)
          )
        }

        const total = first.total
        const offsets: Array<number> = []
        for (let at = first.next.value; at < total; at += size) offsets.push(at)
        // recorded in stream order, not completion order: the tail must start after the last segment
        let last: Option.Option<number> = first.next
        const middle = orderedRuns(offsets.values(), concurrency, segment(size), () => false).pipe(
          Stream.mapConcat((s) => {
            last = s.next
            return s.items
          })
        )
        // whatever was added while we streamed: continue one page at a time past the planned end
        const tail = Stream.suspend(() => sequentialFrom(last))
        return head.pipe(Stream.concat(offsets.length === 0 ? Stream.empty : middle), Stream.concat(tail))
      })
    )
  })

/**
 * Runs `streamFrom(undefined)` and, each time it fails with an error that says where it stopped
 * (`resumeFrom`), waits as `schedule` says and continues with `streamFrom(error.resumeFrom)`, so
 * the items come out once each, in order, across failures. When the schedule is done (or an error
 * has no position) the stream fails with the last error.
 *
 * @example
 * Paging.resumable(
 *   (from) => core.activities.stream(query, { concurrency: 3, from }),
 *   Schedule.spaced("5 seconds").pipe(Schedule.intersect(Schedule.recurs(10)))
 * )
 */
export const resumable = <I, E extends OfscStreamPosition, R, X>(
  streamFrom: (from: number | undefined) => Stream.Stream<I, E, R>,
  schedule: Schedule.Schedule<X, E>
): Stream.Stream<I, E, R> =>
  Stream.unwrap(
    Effect.map(Schedule.driver(schedule), (driver) => {
      const runFrom = (from: number | undefined): Stream.Stream<I, E, R> =>
        Stream.catchAll(streamFrom(from), (error) =>
          error.resumeFrom === undefined
            ? Stream.fail(error)
            : Stream.unwrap(
                Effect.match(driver.next(error), {
                  onFailure: () => Stream.fail(error),
                  onSuccess: () => runFrom(error.resumeFrom)
                })
              )
        )
      return runFrom(undefined)
    })
  )
