import { it } from "@effect/vitest"
import { Chunk, Effect, Layer, Option, Schedule, Schema, Stream } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { Operation, Paging } from "../src/index.js"
import { clientLayer, testOptions } from "./support/client.js"
import { type Answer, type SeenRequest, testServer } from "./support/testServer.js"

const Item = Schema.Struct({ id: Schema.Int, name: Schema.String })

const ItemPage = Schema.Struct({
  items: Schema.Array(Item),
  hasMore: Schema.optional(Schema.Boolean),
  totalResults: Schema.optional(Schema.Int),
  offset: Schema.optional(Schema.Int),
  limit: Schema.optional(Schema.Int)
})

const listItems = Operation.make({
  id: "test.items.list",
  method: "GET",
  path: "/rest/test/v1/items",
  query: Schema.Struct({
    offset: Schema.optional(Schema.Int),
    limit: Schema.optional(Schema.Int),
    fields: Schema.optional(Schema.String)
  }),
  success: { kind: "json", schema: ItemPage },
  paging: "offset-limit"
})

/** Which paging fields the server puts in its answers, as different OFS lists do. */
type Envelope = "hasMore" | "totalResults" | "items" | "itemsWithLimit"

interface ListOptions {
  readonly envelope: Envelope
  /** The largest page the server gives, whatever the client asks. */
  readonly cap?: number
  /** Milliseconds to wait before answering a page at this offset. */
  readonly delay?: (offset: number) => number
  /** Called before answering, with how many list requests have arrived (this one included). */
  readonly beforeAnswer?: (requestNo: number) => void
  /** Say `hasMore: true` even on an empty page. */
  readonly liar?: boolean
}

/** A list of `size` items with ids 0..size-1 that the test may grow or shrink while streaming. */
const makeList = (size: number) => ({ size })

/** A handler serving `list` with offset/limit, a server-side cap and the given envelope. */
const serveList =
  (list: { size: number }, options: ListOptions) =>
  (req: SeenRequest, requestNo: number): Answer => {
    options.beforeAnswer?.(requestNo)
    const cap = options.cap ?? 100
    const offset = Number(req.query.get("offset") ?? 0)
    const limit = Math.min(Number(req.query.get("limit") ?? 25), cap)
    const end = Math.min(offset + limit, list.size)
    const items = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({
      id: offset + i,
      name: `item-${offset + i}`
    }))
    const json: Record<string, unknown> = { items }
    switch (options.envelope) {
      case "hasMore":
        json.hasMore = options.liar ? true : end < list.size
        json.offset = offset
        json.limit = limit
        break
      case "totalResults":
        json.totalResults = list.size
        json.offset = offset
        json.limit = limit
        break
      case "itemsWithLimit":
        json.limit = limit
        break
      case "items":
        break
    }
    return { json, delayMs: options.delay?.(offset) ?? 0 }
  }

/** Starts a server for `list`; answers count their own arrival order. */
const listServer = (list: { size: number }, options: ListOptions) =>
  Effect.map(testServer(), (server) => {
    const handler = serveList(list, options)
    let seen = 0
    server.handle((req) => handler(req, ++seen))
    return server
  })

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i)

const collectIds = <E, R>(stream: Stream.Stream<{ readonly id: number }, E, R>) =>
  Effect.map(Stream.runCollect(stream), (chunk) => Chunk.toReadonlyArray(chunk).map((item) => item.id))

const offsetsAsked = (requests: ReadonlyArray<SeenRequest>) => requests.map((r) => Number(r.query.get("offset")))

describe("Paging.stream, one page at a time", () => {
  it.scopedLive("hasMore envelope: every item in order, one request per page", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1234), { envelope: "hasMore" })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1234))
      expect(server.requests).toHaveLength(13)
      expect(offsetsAsked(server.requests)).toEqual(ids(13).map((i) => i * 100))
      expect(server.requests.every((r) => r.query.get("limit") === "100")).toBe(true)
      expect(server.maxInFlight()).toBe(1)
    })
  )

  it.scopedLive("totalResults envelope: stops once offset + count reaches totalResults", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1200), { envelope: "totalResults" })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1200))
      // an exact multiple needs no empty page: totalResults says where the list ends
      expect(server.requests).toHaveLength(12)
    })
  )

  it.scopedLive("items-only envelope: a short page ends the walk", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(257), { envelope: "items" })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 50 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(257))
      expect(offsetsAsked(server.requests)).toEqual([0, 50, 100, 150, 200, 250])
    })
  )

  it.scopedLive("items-only envelope: an exact multiple ends with one empty page", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(300), { envelope: "items" })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(300))
      expect(offsetsAsked(server.requests)).toEqual([0, 100, 200, 300])
    })
  )

  it.scopedLive("keeps the caller's other query fields and starting offset", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(130), { envelope: "hasMore" })
      const got = yield* collectIds(
        Paging.stream(listItems, { query: { offset: 20, fields: "id,name" } }, { pageSize: 50 })
      ).pipe(Effect.provide(clientLayer(testOptions(server.url))))
      expect(got).toEqual(ids(110, 20))
      expect(offsetsAsked(server.requests)).toEqual([20, 70, 120])
      expect(server.requests.every((r) => r.query.get("fields") === "id,name")).toBe(true)
    })
  )

  it.scopedLive("a server that says hasMore with an empty page does not keep us asking", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(250), { envelope: "hasMore", liar: true })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(250))
      expect(offsetsAsked(server.requests)).toEqual([0, 100, 200, 250])
    })
  )

  it.scopedLive("is lazy: taking 5 items of a 1000-item list makes exactly one request", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1000), { envelope: "totalResults" })
      const layer = clientLayer(testOptions(server.url))
      const one = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 }).pipe(Stream.take(5))).pipe(
        Effect.provide(layer)
      )
      expect(one).toEqual(ids(5))
      expect(server.requests).toHaveLength(1)
      // the parallel walk waits for the consumer too: the first page is enough for 5 items
      const parallel = yield* collectIds(
        Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 }).pipe(Stream.take(5))
      ).pipe(Effect.provide(layer))
      expect(parallel).toEqual(ids(5))
      expect(server.requests).toHaveLength(2)
      // building the stream sends nothing until it is run
      void Paging.stream(listItems, {}, { pageSize: 100 })
      expect(server.requests).toHaveLength(2)
    })
  )
})

describe("Paging.stream, when the server caps the page size", () => {
  for (const envelope of ["hasMore", "totalResults", "itemsWithLimit"] as const) {
    it.scopedLive(`asking 500 from a server that gives 100 still yields every item (${envelope})`, () =>
      Effect.gen(function* () {
        const server = yield* listServer(makeList(1050), { envelope, cap: 100 })
        const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 500 })).pipe(
          Effect.provide(clientLayer(testOptions(server.url)))
        )
        expect(got).toEqual(ids(1050))
        expect(offsetsAsked(server.requests)).toEqual(ids(11).map((i) => i * 100))
      })
    )
  }

  it.scopedLive("in parallel, the capped size of the first page sets the stride", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1050), { envelope: "totalResults", cap: 100 })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 500, concurrency: 4 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1050))
      expect(offsetsAsked(server.requests).sort((a, b) => a - b)).toEqual(ids(11).map((i) => i * 100))
    })
  )
})

describe("Paging.stream, in parallel once totalResults is known", () => {
  for (const concurrency of [4, 8]) {
    it.scopedLive(`concurrency ${concurrency}: every item in order, at most ${concurrency} pages in flight`, () =>
      Effect.gen(function* () {
        const server = yield* listServer(makeList(2345), { envelope: "totalResults", delay: () => 15 })
        const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency })).pipe(
          Effect.provide(clientLayer(testOptions(server.url, { concurrency: 16 })))
        )
        expect(got).toEqual(ids(2345))
        expect(server.requests).toHaveLength(24)
        expect(new Set(offsetsAsked(server.requests)).size).toBe(24)
        expect(server.maxInFlight()).toBeGreaterThan(1)
        expect(server.maxInFlight()).toBeLessThanOrEqual(concurrency)
      })
    )
  }

  it.scopedLive("the client's own concurrency bound wins when it is lower", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1000), { envelope: "totalResults", delay: () => 15 })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency: 8 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url, { concurrency: 2 })))
      )
      expect(got).toEqual(ids(1000))
      expect(server.requests).toHaveLength(10)
      expect(server.maxInFlight()).toBeLessThanOrEqual(2)
    })
  )

  it.scopedLive("pages that answer out of order still come out in order, with nothing fetched twice", () =>
    Effect.gen(function* () {
      // later pages answer sooner, so the planned last page finishes before the ones ahead of it
      const server = yield* listServer(makeList(1000), {
        envelope: "totalResults",
        delay: (offset) => (1000 - offset) / 10
      })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1000))
      expect(offsetsAsked(server.requests).sort((a, b) => a - b)).toEqual(ids(10).map((i) => i * 100))
    })
  )

  it.scopedLive("a list that grows while streaming is delivered whole, in order, without duplicates", () =>
    Effect.gen(function* () {
      const list = makeList(1234)
      const server = yield* listServer(list, {
        envelope: "totalResults",
        delay: () => 5,
        // items are appended once the second page has been asked for
        beforeAnswer: (n) => {
          if (n === 2) list.size = 1517
        }
      })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1517))
      expect(new Set(offsetsAsked(server.requests)).size).toBe(server.requests.length)
    })
  )

  it.scopedLive("a list that grows while streaming one page at a time is delivered whole", () =>
    Effect.gen(function* () {
      const list = makeList(1234)
      const server = yield* listServer(list, {
        envelope: "totalResults",
        beforeAnswer: (n) => {
          if (n === 2) list.size = 1517
        }
      })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1517))
      expect(server.requests).toHaveLength(16)
    })
  )

  it.scopedLive("a list that shrinks while streaming ends cleanly, without duplicates", () =>
    Effect.gen(function* () {
      const list = makeList(1234)
      const server = yield* listServer(list, {
        envelope: "totalResults",
        delay: () => 5,
        beforeAnswer: (n) => {
          if (n === 2) list.size = 777
        }
      })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      // the items that are left, in order, each once
      expect(got).toEqual(ids(777))
      expect(new Set(offsetsAsked(server.requests)).size).toBe(server.requests.length)
    })
  )

  // live clock: the test waits for real while the stream reads ahead
  it.scopedLive("buffers a few pages ahead of a slow consumer, not the whole list", () =>
    Effect.gen(function* () {
      const concurrency = 4
      const server = yield* listServer(makeList(2000), { envelope: "totalResults" })
      // the client lives as long as the test, so the stream can be pulled by hand
      const client = yield* Layer.build(clientLayer(testOptions(server.url)))
      const pull = Effect.provide(
        yield* Stream.toPull(Paging.stream(listItems, {}, { pageSize: 20, concurrency }).pipe(Stream.rechunk(20))).pipe(
          Effect.provide(client)
        ),
        client
      )
      const first = yield* pull
      expect(Chunk.toReadonlyArray(first).map((i) => i.id)).toEqual(ids(20))
      const second = yield* pull
      expect(Chunk.toReadonlyArray(second).map((i) => i.id)).toEqual(ids(20, 20))
      // give the read-ahead every chance to run, then count what the server was asked for
      yield* Effect.sleep("200 millis")
      const asked = server.requests.length
      // the first page, the pages in flight or waiting in the ordered buffer, and one held by the producer
      expect(asked).toBeLessThanOrEqual(1 + 2 * concurrency + 2)
      expect(asked).toBeLessThan(100)
      // the rest still arrives, in order
      const rest: Array<number> = []
      for (;;) {
        const next = yield* Effect.option(pull)
        if (Option.isNone(next)) break
        rest.push(...Chunk.toReadonlyArray(next.value).map((i) => i.id))
      }
      expect(rest).toEqual(ids(1960, 40))
      expect(server.requests).toHaveLength(100)
    })
  )
})

describe("Paging.page", () => {
  it.scopedLive("fetches one page with the caller's own offset and limit", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1000), { envelope: "totalResults" })
      const page = yield* Paging.page(listItems, { query: { offset: 40, limit: 7 } }).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(page.items.map((i) => i.id)).toEqual(ids(7, 40))
      expect(page.totalResults).toBe(1000)
      expect(page.offset).toBe(40)
      expect(page.limit).toBe(7)
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.query.get("offset")).toBe("40")
      expect(server.requests[0]?.query.get("limit")).toBe("7")
    })
  )
})

describe("Paging.stream in parallel when only hasMore tells the end", () => {
  for (const concurrency of [4, 8]) {
    it.scopedLive(
      `concurrency ${concurrency}: every item in order; at most ${concurrency - 1} pages asked past the end`,
      () =>
        Effect.gen(function* () {
          const server = yield* listServer(makeList(2345), { envelope: "hasMore", delay: () => 5 })
          const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency })).pipe(
            Effect.provide(clientLayer(testOptions(server.url, { concurrency: 16 })))
          )
          expect(got).toEqual(ids(2345))
          // 24 pages hold the list; read-ahead may ask a few past the end before the last one answers
          expect(server.requests.length).toBeGreaterThanOrEqual(24)
          expect(server.requests.length).toBeLessThanOrEqual(24 + concurrency - 1)
          expect(server.maxInFlight()).toBeGreaterThan(1)
          expect(server.maxInFlight()).toBeLessThanOrEqual(concurrency)
        })
    )
  }

  it.scopedLive("a short page that still says hasMore (OFS's size cap) loses no items", () =>
    Effect.gen(function* () {
      const list = makeList(1000)
      const server = yield* testServer()
      server.handle((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        const limit = Number(req.query.get("limit") ?? 100)
        // every page at an offset ending in 300 is cut short at 40 items, as OFS does near 20 MB
        const count = Math.min(offset % 1000 === 300 ? 40 : limit, list.size - offset)
        const items = Array.from({ length: Math.max(0, count) }, (_, i) => ({
          id: offset + i,
          name: `item-${offset + i}`
        }))
        return { json: { items, hasMore: offset + items.length < list.size, offset, limit } }
      })
      const got = yield* collectIds(Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 })).pipe(
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(got).toEqual(ids(1000))
    })
  )

  it.scopedLive("taking a few items reads only the first page", () =>
    Effect.gen(function* () {
      const server = yield* listServer(makeList(1000), { envelope: "hasMore" })
      const got = yield* Paging.stream(listItems, {}, { pageSize: 100, concurrency: 4 }).pipe(
        Stream.take(5),
        Stream.runCollect,
        Effect.provide(clientLayer(testOptions(server.url)))
      )
      expect(Chunk.toArray(got).map((i) => i.id)).toEqual([0, 1, 2, 3, 4])
      expect(server.requests).toHaveLength(1)
    })
  )
})

describe("Paging.stream, failing and resuming", () => {
  /** A list server whose pages at `failing` offsets answer 400 (never retried) until `healed`. */
  const flakyList = (size: number, envelope: Envelope, failing: ReadonlySet<number>) =>
    Effect.map(testServer(), (server) => {
      const handler = serveList(makeList(size), { envelope })
      let seen = 0
      const state = { healed: false }
      server.handle((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        if (!state.healed && failing.has(offset)) return { status: 400, json: { title: "Bad", status: "400" } }
        return handler(req, ++seen)
      })
      return { server, state }
    })

  for (const concurrency of [1, 4]) {
    for (const envelope of ["hasMore", "totalResults"] as const) {
      it.scopedLive(
        `a failed page says where to resume, and from: continues there (${envelope}, ${concurrency} in flight)`,
        () =>
          Effect.gen(function* () {
            const { server, state } = yield* flakyList(1000, envelope, new Set([600]))
            const layer = clientLayer(testOptions(server.url))
            const emitted: Array<number> = []
            const error = yield* Paging.stream(listItems, {}, { pageSize: 100, concurrency }).pipe(
              Stream.runForEach((item) => Effect.sync(() => emitted.push(item.id))),
              Effect.flip,
              Effect.provide(layer)
            )
            expect(error).toMatchObject({ _tag: "OfscBadRequest", status: 400, resumeFrom: 600 })
            expect(emitted).toEqual(ids(600))
            state.healed = true
            const rest = yield* collectIds(
              Paging.stream(listItems, {}, { pageSize: 100, concurrency, from: error.resumeFrom })
            ).pipe(Effect.provide(layer))
            expect([...emitted, ...rest]).toEqual(ids(1000))
          })
      )
    }
  }

  it.scopedLive("Paging.resumable continues after each failure: every item once, in order", () =>
    Effect.gen(function* () {
      const server = yield* testServer()
      const handler = serveList(makeList(1000), { envelope: "hasMore" })
      const failures = new Map([
        [300, 2],
        [700, 1]
      ])
      server.handle((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        const left = failures.get(offset) ?? 0
        if (left > 0) {
          failures.set(offset, left - 1)
          return { status: 400, json: { title: "Bad", status: "400" } }
        }
        return handler(req, 0)
      })
      const got = yield* collectIds(
        Paging.resumable((from) => Paging.stream(listItems, {}, { pageSize: 100, from }), Schedule.recurs(5))
      ).pipe(Effect.provide(clientLayer(testOptions(server.url))))
      expect(got).toEqual(ids(1000))
      expect(offsetsAsked(server.requests)).toEqual([0, 100, 200, 300, 300, 300, 400, 500, 600, 700, 700, 800, 900])
    })
  )

  it.scopedLive("Paging.resumable gives up when its schedule is done, with the last error", () =>
    Effect.gen(function* () {
      const { server } = yield* flakyList(1000, "hasMore", new Set([200]))
      const error = yield* collectIds(
        Paging.resumable((from) => Paging.stream(listItems, {}, { pageSize: 100, from }), Schedule.recurs(2))
      ).pipe(Effect.flip, Effect.provide(clientLayer(testOptions(server.url))))
      expect(error).toMatchObject({ _tag: "OfscBadRequest", resumeFrom: 200 })
      expect(offsetsAsked(server.requests)).toEqual([0, 100, 200, 200, 200])
    })
  )

  it.scopedLive("resumeFrom counts from the query's own offset, and from: wins over it", () =>
    Effect.gen(function* () {
      const { server } = yield* flakyList(1000, "hasMore", new Set([450]))
      const layer = clientLayer(testOptions(server.url))
      const error = yield* collectIds(Paging.stream(listItems, { query: { offset: 250 } }, { pageSize: 100 })).pipe(
        Effect.flip,
        Effect.provide(layer)
      )
      expect(error.resumeFrom).toBe(450)
      const first = yield* Paging.stream(listItems, { query: { offset: 250 } }, { pageSize: 100, from: 900 }).pipe(
        Stream.runHead,
        Effect.provide(layer)
      )
      expect(Option.map(first, (i) => i.id)).toEqual(Option.some(900))
    })
  )
})

/** A generated list, the way a client walks it, and the faults its server injects. */
const pagingCase = fc.record({
  size: fc.integer({ min: 0, max: 400 }),
  pageSize: fc.integer({ min: 10, max: 150 }),
  cap: fc.integer({ min: 20, max: 150 }),
  concurrency: fc.integer({ min: 1, max: 5 }),
  envelope: fc.constantFrom<Envelope>("hasMore", "totalResults", "items", "itemsWithLimit"),
  /** The page (by index) that answers 400 until healed, if any. */
  failingPage: fc.option(fc.nat(40), { nil: undefined }),
  /** Pages (by index) that answer 503 once: the transport retries them. */
  flakyPages: fc.uniqueArray(fc.nat(40), { maxLength: 5 }),
  /** Per-page answer delays in ms, so pages in flight complete out of order. */
  delays: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 41, maxLength: 41 })
})

/** One request of a walk as the server saw it: the page's offset, the status answered, how it ended. */
interface Ask {
  readonly offset: number
  readonly status: number
  readonly outcome: Promise<"answered" | "unanswered">
}

/**
 * The pages asked for more than the transport's retries explain. A page may be asked again only
 * after its earlier ask was answered 503 (retried by the transport) or never answered (the client
 * gave up on it: an attempt that timed out under load). A page asked again after it was answered
 * is a real double fetch: the items came back twice and OFS was charged twice.
 */
const doubleFetches = async (asks: ReadonlyArray<Ask>) => {
  const byOffset = new Map<number, Array<{ status: number; outcome: string }>>()
  for (const ask of asks) {
    const earlier = byOffset.get(ask.offset) ?? []
    earlier.push({ status: ask.status, outcome: await ask.outcome })
    byOffset.set(ask.offset, earlier)
  }
  return [...byOffset].filter(([, tries]) =>
    tries.slice(0, -1).some((t) => t.status !== 503 && t.outcome === "answered")
  )
}

describe("Paging.stream, for generated lists, page sizes and faults", () => {
  it.scopedLive("every item once, in order; a failed page says where to resume; nothing is fetched twice", () =>
    Effect.gen(function* () {
      const server = yield* testServer()
      const layer = yield* Layer.build(clientLayer(testOptions(server.url)))
      // Every walk tags its requests (in `fields`, which paging carries to every page). A walk that
      // ends interrupts the pages it read ahead; their requests may reach this shared server only
      // after the next walk has begun, under load, and must not count as that walk's.
      let walks = 0
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(pagingCase, async (c) => {
            // a list that says nothing but its items cannot say it capped the page: a short page ends it
            const cap = c.envelope === "items" ? Math.max(c.cap, c.pageSize) : c.cap
            const stride = Math.min(c.pageSize, cap)
            const pages = Math.ceil(c.size / stride)
            const failing = c.failingPage !== undefined && c.failingPage < pages ? c.failingPage * stride : undefined
            const flaky = new Set(c.flakyPages.map((page) => page * stride))
            const list = makeList(c.size)
            const handler = serveList(list, { envelope: c.envelope, cap, delay: (o) => c.delays[o / stride] ?? 0 })
            const state = { healed: false, walk: "", asks: [] as Array<Ask> }
            let seen = 0
            server.handle((req) => {
              if (req.query.get("fields") !== state.walk) return { status: 410, json: { title: "Gone", status: "410" } }
              const offset = Number(req.query.get("offset") ?? 0)
              const again = state.asks.some((ask) => ask.offset === offset)
              const answer: Answer =
                !state.healed && offset === failing
                  ? { status: 400, json: { title: "Bad", status: "400" } }
                  : flaky.has(offset) && !again
                    ? { status: 503, json: { title: "Busy", status: "503" } }
                    : handler(req, ++seen)
              state.asks.push({ offset, status: answer.status ?? 200, outcome: req.outcome })
              return answer
            })
            const run = (from?: number) => {
              const emitted: Array<number> = []
              state.walk = `walk-${++walks}`
              state.asks = []
              const input = { query: { fields: state.walk } }
              return Paging.stream(listItems, input, { pageSize: c.pageSize, concurrency: c.concurrency, from }).pipe(
                Stream.runForEach((item) => Effect.sync(() => emitted.push(item.id))),
                Effect.either,
                Effect.map((result) => ({ result, emitted, asks: state.asks })),
                Effect.provide(layer),
                Effect.runPromise
              )
            }
            const first = await run()
            expect(await doubleFetches(first.asks)).toEqual([])
            if (failing === undefined) {
              expect(first.result._tag).toBe("Right")
              expect(first.emitted).toEqual(ids(c.size))
              return
            }
            if (first.result._tag !== "Left") throw new Error("expected the failing page to fail the stream")
            expect(first.result.left).toMatchObject({ _tag: "OfscBadRequest", resumeFrom: failing })
            expect(first.emitted).toEqual(ids(failing))
            state.healed = true
            const rest = await run(first.result.left.resumeFrom)
            expect(rest.result._tag).toBe("Right")
            expect([...first.emitted, ...rest.emitted]).toEqual(ids(c.size))
            expect(await doubleFetches(rest.asks)).toEqual([])
            // the resumed run starts where the first stopped: nothing before it is asked for again
            for (const ask of rest.asks) expect(ask.offset).toBeGreaterThanOrEqual(failing)
          }),
          { numRuns: 40 }
        )
      )
    })
  )
})
