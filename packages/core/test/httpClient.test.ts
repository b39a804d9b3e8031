import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Exit, Fiber, type Layer, Schema, Stream } from "effect"
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
      yield* Effect.acquireRelease(
        Effect.promise(async () => {
          server.listen(0, "127.0.0.1")
          await once(server, "listening")
        }),
        () => Effect.sync(() => server.closeAllConnections()).pipe(Effect.andThen(() => server.close()))
      )
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
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
