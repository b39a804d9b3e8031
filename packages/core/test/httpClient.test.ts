import { once } from "node:events"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { type Duration, Effect, Exit, Fiber, type Layer, Schema, Stream } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { OfscClient, OfscHttpClient, OfscTransport, Operation } from "../src/index.js"
import { testOptions } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const Item = Schema.Struct({ id: Schema.Int, name: Schema.String })
const getItem = Operation.make({
  id: "test.items.get",
  method: "GET",
  path: "/items/{id}",
  pathParams: Schema.Struct({ id: Schema.Int }),
  success: { kind: "json", schema: Item }
})
const createItem = Operation.make({
  id: "test.items.create",
  method: "POST",
  path: "/items",
  body: { kind: "json", schema: Item },
  success: { kind: "json", schema: Item }
})
const download = Operation.make({
  id: "test.items.download",
  method: "GET",
  path: "/items/{id}/file",
  pathParams: Schema.Struct({ id: Schema.Int }),
  success: { kind: "bytes" }
})

const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["OfscHttpClient.layerUndici", OfscHttpClient.layerUndici],
  ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
  ["FetchHttpClient.layer", FetchHttpClient.layer]
]

describe("the transport over any @effect/platform HttpClient", () => {
  for (const [name, httpClient] of clients) {
    it.scopedLive(`${name}: JSON in and out, bytes, and error mapping`, () =>
      Effect.gen(function* () {
        const bytes = new Uint8Array([0, 1, 2, 250, 251, 252])
        const server = yield* testServer((req) => {
          if (req.path === "/items/404") return { status: 404, json: { title: "Not Found" } }
          if (req.path.endsWith("/file")) return { bytes }
          if (req.method === "POST") return { status: 201, json: JSON.parse(req.body.toString()) }
          return { json: { id: 1, name: "one", XA_EXTRA: true } }
        })
        const results = yield* Effect.gen(function* () {
          const t = yield* OfscTransport
          return {
            got: yield* t.call(getItem, { path: { id: 1 } }),
            created: yield* t.call(createItem, { body: { id: 2, name: "two" } }),
            file: yield* t.call(download, { path: { id: 3 } }),
            missing: yield* Effect.flip(t.call(getItem, { path: { id: 404 } }))
          }
        }).pipe(Effect.provide(OfscClient.layer(testOptions(server.url))), Effect.provide(httpClient))
        expect(results.got).toEqual({ id: 1, name: "one", XA_EXTRA: true })
        expect(results.created).toEqual({ id: 2, name: "two" })
        expect(results.file).toEqual(bytes)
        expect(results.missing._tag).toBe("OfscNotFound")
      })
    )
  }
})

/** Starts `server` on a free loopback port for the test's scope; answers its URL. */
const listening = (server: Server) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      server.listen(0, "127.0.0.1")
      await once(server, "listening")
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    }),
    () => Effect.sync(() => server.closeAllConnections()).pipe(Effect.andThen(() => server.close()))
  )

describe("OfscHttpClient (undici)", () => {
  const withClient = <A, E>(f: (client: HttpClient.HttpClient) => Effect.Effect<A, E>) =>
    Effect.flatMap(HttpClient.HttpClient, f).pipe(Effect.provide(OfscHttpClient.layerUndici))

  it.scopedLive("sends streamed and FormData bodies, and streams a response body", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req) => ({
        json: { contentType: req.headers["content-type"], body: req.body.toString() }
      }))
      const streamed = yield* withClient((client) =>
        client
          .execute(
            HttpClientRequest.post(`${server.url}/stream`).pipe(
              HttpClientRequest.bodyStream(Stream.make(new TextEncoder().encode("ab"), new TextEncoder().encode("cd")))
            )
          )
          .pipe(Effect.flatMap((r) => r.json))
      )
      expect(streamed).toMatchObject({ body: "abcd" })

      const form = new FormData()
      form.append("field", "value")
      const posted = (yield* withClient((client) =>
        client
          .execute(HttpClientRequest.post(`${server.url}/form`).pipe(HttpClientRequest.bodyFormData(form)))
          .pipe(Effect.flatMap((r) => r.json))
      )) as { contentType: string; body: string }
      expect(posted.contentType).toMatch(/^multipart\/form-data; boundary=/)
      expect(posted.body).toContain('name="field"')

      const chunks = yield* withClient((client) =>
        client.get(`${server.url}/x`).pipe(
          Effect.flatMap((r) => Stream.runCollect(r.stream)),
          Effect.map((c) => Buffer.concat([...c]).toString())
        )
      )
      expect(JSON.parse(chunks)).toMatchObject({ body: "" })
    })
  )

  it.scopedLive("text, json and arrayBuffer may all be read from one response", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { a: 1 } }))
      const [text, json, buffer] = yield* withClient((client) =>
        Effect.flatMap(client.get(`${server.url}/x`), (r) => Effect.all([r.text, r.json, r.arrayBuffer]))
      )
      expect(text).toBe('{"a":1}')
      expect(json).toEqual({ a: 1 })
      expect(Buffer.from(buffer).toString()).toBe('{"a":1}')
    })
  )

  it.scopedLive("text is decoded across chunk boundaries: a character split between two writes arrives whole", () =>
    Effect.gen(function* () {
      // each request names the chunks to answer with: the body's bytes cut at the given offsets,
      // written one by one with a pause, so they reach the client as separate reads
      const bodies = new Map<string, ReadonlyArray<Buffer>>()
      const server = createServer((req, res) => {
        const chunks = bodies.get(req.url ?? "") ?? []
        res.writeHead(200, { "content-type": "application/json" })
        const next = (i: number) => {
          if (i === chunks.length) return res.end()
          res.write(chunks[i])
          setTimeout(() => next(i + 1), 1)
        }
        next(0)
      })
      const url = yield* listening(server)
      let n = 0
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(
            fc.string({ unit: "grapheme", maxLength: 40 }),
            fc.array(fc.nat(), { maxLength: 6 }),
            fc.boolean(),
            async (text, cuts, bytesFirst) => {
              const bytes = Buffer.from(JSON.stringify({ text }), "utf8")
              const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y)
              const chunks = [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length))
              const path = `/chunks/${++n}`
              bodies.set(path, chunks)
              const [first, second] = await Effect.runPromise(
                withClient((client) =>
                  Effect.flatMap(client.get(`${url}${path}`), (r) =>
                    bytesFirst
                      ? Effect.all([r.arrayBuffer, r.json])
                      : Effect.all([r.json, r.arrayBuffer]).pipe(Effect.map(([j, b]) => [b, j] as const))
                  )
                )
              )
              expect(second).toEqual({ text })
              expect(Buffer.from(first as ArrayBuffer).equals(bytes)).toBe(true)
            }
          ),
          { numRuns: 60 }
        )
      )
    })
  )

  it.scopedLive("an interrupted request is aborted: the server sees its connection close", () =>
    Effect.gen(function* () {
      const closed: Array<string> = []
      let arrived: () => void = () => {}
      const arrival = new Promise<void>((resolve) => {
        arrived = resolve
      })
      // answers nothing: only an abort from the client ends the request
      const server = createServer((req, res) => {
        res.on("close", () => closed.push(req.url ?? ""))
        arrived()
      })
      const url = yield* listening(server)
      const fiber = yield* Effect.fork(withClient((client) => client.get(`${url}/never`)))
      yield* Effect.promise(() => arrival)
      const exit = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(exit)).toBe(true)
      yield* Effect.promise(async () => {
        while (closed.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      })
      expect(closed).toEqual(["/never"])
    })
  )
})

/** A server that sends headers and the start of a body, then nothing; it records when each socket closes. */
const stallingServer = Effect.acquireRelease(
  Effect.async<{
    readonly url: string
    readonly seen: Array<string>
    readonly closedAt: Array<number>
    close: () => void
  }>((resume) => {
    const seen: Array<string> = []
    const closedAt: Array<number> = []
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      req.socket.once("close", () => closedAt.push(performance.now()))
      res.writeHead(200, { "content-type": "application/json", "content-length": "64" })
      res.write('{"id":')
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resume(
        Effect.succeed({
          url: `http://127.0.0.1:${port}`,
          seen,
          closedAt,
          close: () => {
            server.closeAllConnections()
            server.close()
          }
        })
      )
    })
  }),
  (server) => Effect.sync(server.close)
)

/** Timers alive in this process (a deadline left running would show here). */
const activeTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length

describe("the attempt deadline, over any HttpClient (OfscHttpClient keeps it itself, others get the generic one)", () => {
  for (const [name, httpClient] of clients) {
    const run = <A, E>(
      url: string,
      attemptTimeout: Duration.DurationInput,
      retry: boolean,
      f: (t: OfscTransport["Type"]) => Effect.Effect<A, E>
    ) =>
      Effect.flatMap(OfscTransport, f).pipe(
        Effect.provide(
          OfscClient.layer(
            testOptions(url, { attemptTimeout, retry: retry ? { maxRetries: 2, baseDelay: "1 millis" } : false })
          )
        ),
        Effect.provide(httpClient)
      )

    it.scopedLive(`${name}: answer headers that come too late fail with Timeout in about the deadline`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(() => ({ delayMs: 2_000, json: { id: 1, name: "late" } }))
        const started = performance.now()
        const error = yield* Effect.flip(
          run(server.url, "150 millis", false, (t) => t.call(getItem, { path: { id: 1 } }))
        )
        const took = performance.now() - started
        expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout", path: "/items/1" })
        expect(took).toBeGreaterThanOrEqual(140)
        expect(took).toBeLessThan(1_500)
      })
    )

    it.scopedLive(`${name}: a body that stops arriving fails with Timeout, and the connection is closed`, () =>
      Effect.gen(function* () {
        const server = yield* stallingServer
        const started = performance.now()
        const error = yield* Effect.flip(
          run(server.url, "200 millis", false, (t) => t.call(getItem, { path: { id: 7 } }))
        )
        expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout", path: "/items/7" })
        expect(performance.now() - started).toBeLessThan(1_500)
        // the abandoned request does not keep its socket
        yield* Effect.promise(async () => {
          for (let i = 0; i < 100 && server.closedAt.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
        })
        expect(server.closedAt).toHaveLength(1)
      })
    )

    it.scopedLive(`${name}: a timed-out GET is retried, a timed-out POST is never resent`, () =>
      Effect.gen(function* () {
        const server = yield* stallingServer
        yield* Effect.flip(run(server.url, "100 millis", true, (t) => t.call(getItem, { path: { id: 1 } })))
        expect(server.seen).toEqual(["GET /items/1", "GET /items/1", "GET /items/1"])
        server.seen.length = 0
        const error = yield* Effect.flip(
          run(server.url, "100 millis", true, (t) => t.call(createItem, { body: { id: 2, name: "two" } }))
        )
        expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout" })
        expect(server.seen).toEqual(["POST /items"])
      })
    )

    it.scopedLive(`${name}: an answer cut off mid-body: a GET is retried to the whole value, a POST is sent once`, () =>
      Effect.gen(function* () {
        const server = yield* testServer()
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
              fc.nat(),
              async (itemName, cut) => {
                const whole = Buffer.byteLength(JSON.stringify({ id: 1, name: itemName }))
                const cutBodyAt = cut % whole
                // the first answer of each request is cut at a generated byte; a GET's retry gets it whole
                let answered = 0
                server.handle((req) =>
                  answered++ === 0
                    ? { json: { id: 1, name: itemName }, cutBodyAt }
                    : req.method === "GET"
                      ? { json: { id: 1, name: itemName } }
                      : { status: 500 }
                )
                server.requests.length = 0
                const got = await Effect.runPromise(
                  run(server.url, "5 seconds", true, (t) => t.call(getItem, { path: { id: 1 } }))
                )
                expect(got).toEqual({ id: 1, name: itemName })
                expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET"])

                answered = 0
                server.requests.length = 0
                const error = await Effect.runPromise(
                  Effect.flip(
                    run(server.url, "5 seconds", true, (t) => t.call(createItem, { body: { id: 1, name: itemName } }))
                  )
                )
                // the write may have reached OFS: it is never resent, and the error says the network failed
                expect(error).toMatchObject({ _tag: "OfscTransportError", method: "POST" })
                expect(server.requests.map((r) => r.method)).toEqual(["POST"])
              }
            ),
            { numRuns: 15 }
          )
        )
      })
    )

    it.scopedLive(`${name}: calls that finish in time leave no deadline timer behind`, () =>
      Effect.gen(function* () {
        const server = yield* testServer(() => ({ json: { id: 1, name: "one" } }))
        const before = activeTimers()
        yield* run(server.url, "30 seconds", false, (t) =>
          Effect.forEach(
            Array.from({ length: 20 }, (_, i) => i),
            (id) => t.call(getItem, { path: { id } }),
            {
              concurrency: 4
            }
          )
        )
        expect(activeTimers()).toBeLessThanOrEqual(before)
      })
    )
  }
})
