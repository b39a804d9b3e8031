/**
 * The shift server of `shiftServer.ts`, the same answers, on @effect/platform's HTTP stack:
 * `HttpRouter` over `NodeHttpServer`. `edge.bench.ts` times the two side by side to see what the
 * platform's server costs per request next to node:http (issue 21: the simulator's HTTP edge).
 */
import { createServer } from "node:http"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { shiftBody } from "./shiftBody.js"

const unauthorized = HttpServerResponse.unsafeJson(
  { type: "about:blank", title: "Unauthorized", status: "401", detail: "Basic credentials required" },
  { status: 401 }
)

const router = HttpRouter.empty.pipe(
  HttpRouter.get(
    "/rest/ofscMetadata/v1/shifts/:label",
    Effect.gen(function* () {
      const request = yield* HttpServerRequest.HttpServerRequest
      const authorization = request.headers.authorization ?? ""
      if (
        !authorization.startsWith("Basic ") ||
        !Buffer.from(authorization.slice(6), "base64").toString().includes(":")
      )
        return unauthorized
      const { label } = yield* HttpRouter.params
      return HttpServerResponse.unsafeJson(shiftBody(`http://${request.headers.host ?? "127.0.0.1"}`, label ?? ""))
    })
  ),
  Effect.catchTag("RouteNotFound", () =>
    Effect.succeed(
      HttpServerResponse.unsafeJson(
        { type: "about:blank", title: "Not Found", status: "404", detail: "no such resource" },
        { status: 404 }
      )
    )
  )
)

const server = createServer()
// long enough that a client pausing between rounds finds its pooled connections still open
server.keepAliveTimeout = 60_000

const app = Layer.mergeAll(
  HttpServer.serve(router),
  // tells the parent the port once the server listens
  Layer.effectDiscard(
    HttpServer.addressWith((address) =>
      Effect.sync(() => process.send?.({ port: address._tag === "TcpAddress" ? address.port : 0 }))
    )
  )
).pipe(Layer.provide(NodeHttpServer.layer(() => server, { port: 0, host: "127.0.0.1" })))

Effect.runFork(Layer.launch(app))

// the parent going away (normally or not) ends the server too
process.on("disconnect", () => {
  server.closeAllConnections()
  process.exit(0)
})
