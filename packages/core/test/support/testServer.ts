/**
 * A small HTTP server on 127.0.0.1 for the transport's own tests: each test scripts its answers and
 * then reads what arrived (requests, bodies, timing, in-flight peaks).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"

/** A request as the server saw it. */
export interface SeenRequest {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingMessage["headers"]
  readonly body: Buffer
  /** performance.now() when the request arrived. */
  readonly at: number
  /**
   * How the exchange ended: "answered" once the whole answer was handed to the socket, "unanswered"
   * when the connection closed first (the client gave up, its fiber interrupted or its attempt timed
   * out, or the answer dropped the socket).
   */
  readonly outcome: Promise<"answered" | "unanswered">
}

/** What a handler answers. */
export interface Answer {
  readonly status?: number
  readonly headers?: Record<string, string>
  readonly json?: unknown
  readonly text?: string
  readonly bytes?: Uint8Array
  /** Wait this long before answering. */
  readonly delayMs?: number
  /** Close the socket without answering. */
  readonly drop?: boolean
  /** Send the status, the headers and the first bytes of the body, then nothing more. */
  readonly stallBody?: boolean
  /** Send the status, the headers (with the full length) and this many bytes of the body, then close the socket. */
  readonly cutBodyAt?: number
}

export type Handler = (req: SeenRequest) => Answer | Promise<Answer>

/** The running server: its URL, the requests it saw, and the highest number handled at once. */
export interface TestServer {
  readonly url: string
  readonly requests: Array<SeenRequest>
  readonly maxInFlight: () => number
  /** Replaces the handler. */
  readonly handle: (handler: Handler) => void
}

const send = (res: ServerResponse, answer: Answer) => {
  if (answer.drop) {
    res.socket?.destroy()
    return
  }
  const headers: Record<string, string> = { ...answer.headers }
  let body: Uint8Array | string = ""
  if (answer.json !== undefined) {
    headers["content-type"] ??= "application/json"
    body = JSON.stringify(answer.json)
  } else if (answer.text !== undefined) {
    body = answer.text
  } else if (answer.bytes !== undefined) {
    headers["content-type"] ??= "application/octet-stream"
    body = answer.bytes
  }
  if (answer.stallBody) {
    headers["content-length"] = String(Math.max(64, body.length * 2))
    res.writeHead(answer.status ?? 200, headers)
    res.write(typeof body === "string" ? body.slice(0, 6) : body.subarray(0, 6))
    return
  }
  if (answer.cutBodyAt !== undefined) {
    const bytes = Buffer.from(body)
    headers["content-length"] = String(bytes.length)
    res.writeHead(answer.status ?? 200, headers)
    res.write(bytes.subarray(0, answer.cutBodyAt), () => res.socket?.destroy())
    return
  }
  res.writeHead(answer.status ?? 200, headers)
  res.end(body)
}

/** Starts a server (on `port`, or a free one) for the scope of a test; it stops when the scope closes. */
export const testServer = (initial: Handler = () => ({ json: {} }), port = 0) =>
  Effect.acquireRelease(
    Effect.async<{ server: ReturnType<typeof createServer>; api: TestServer }>((resume) => {
      let handler = initial
      let inFlight = 0
      let peak = 0
      const requests: Array<SeenRequest> = []
      const server = createServer((req, res) => {
        const chunks: Array<Buffer> = []
        inFlight++
        peak = Math.max(peak, inFlight)
        const done = () => inFlight--
        res.on("close", done)
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", async () => {
          const url = new URL(req.url ?? "/", "http://127.0.0.1")
          const seen: SeenRequest = {
            method: req.method ?? "GET",
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body: Buffer.concat(chunks),
            at: performance.now(),
            outcome: new Promise((settle) =>
              res.on("close", () => settle(res.writableFinished ? "answered" : "unanswered"))
            )
          }
          requests.push(seen)
          try {
            const answer = await handler(seen)
            if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs))
            send(res, answer)
          } catch (error) {
            send(res, { status: 500, text: String(error) })
          }
        })
      })
      server.keepAliveTimeout = 5_000
      server.listen(port, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(
          Effect.succeed({
            server,
            api: {
              url: `http://127.0.0.1:${port}`,
              requests,
              maxInFlight: () => peak,
              handle: (h) => {
                handler = h
              }
            }
          })
        )
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ api }) => api))
