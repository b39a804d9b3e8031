/**
 * The HTTP front of the simulator: injected faults first (drops, 5xx, rate limit), then the token
 * service or authentication, the simulator's own admin calls (its clock), then the route, under its
 * operation's concurrency limit; the added latency is spent inside the operation's slot. A request
 * picked by `appliedDropRate` runs and keeps its effect, then loses its connection before the
 * answer. Every error is an OFS error body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { ofsError, type SimResponse } from "../engine/answers.js"
import type { SimClock } from "../state/clock.js"
import { clockCall, clockPath } from "./admin.js"
import type { Auth } from "./auth.js"
import { parseBody } from "./body.js"
import { operationKey } from "./concurrencyLimits.js"
import type { Faults } from "./faults.js"
import { operationStats, type RequestListeners, type ServerStats } from "./requestStats.js"
import type { Handler, Router, SimRequest } from "./router.js"
import type { Slots } from "./slots.js"

const tokenPaths: Record<string, 1 | 2> = {
  "/rest/oauthTokenService/v1/token": 1,
  "/rest/oauthTokenService/v2/token": 2
}

const write = (res: ServerResponse, answer: SimResponse) => {
  const headers: Record<string, string> = { ...answer.headers }
  if (answer.json !== undefined) {
    const text = JSON.stringify(answer.json)
    headers["content-type"] ??= "application/json"
    res.writeHead(answer.status, headers)
    res.end(text)
  } else if (answer.bytes !== undefined) {
    headers["content-type"] ??= "application/octet-stream"
    res.writeHead(answer.status, headers)
    res.end(answer.bytes)
  } else {
    res.writeHead(answer.status, headers)
    res.end()
  }
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve())

/** The parts the server is made of. */
export interface SimServerParts {
  readonly router: Router
  readonly auth: Auth
  readonly faults: Faults
  readonly slots: Slots
  readonly stats: ServerStats
  readonly listeners: RequestListeners
  /** The clock the admin call reads and moves. */
  readonly clock: SimClock
}

/** A routed request, or the answer it gets before any route (token service, 401, 400, 404, 405). */
const route = (
  { router, auth, clock }: SimServerParts,
  req: IncomingMessage,
  raw: Buffer
): SimResponse | { readonly request: SimRequest; readonly key: string; readonly handler: Handler } => {
  const url = new URL(req.url ?? "/", "http://simulator")
  const method = req.method ?? "GET"
  const parsed = parseBody(req.headers["content-type"], raw)
  const tokenVersion = tokenPaths[url.pathname]
  if (tokenVersion !== undefined) {
    if (method !== "POST") return ofsError(405, `${method} is not allowed here`)
    const form = "body" in parsed && parsed.body !== null && typeof parsed.body === "object" ? parsed.body : {}
    return auth.tokenService(tokenVersion, req.headers.authorization, form as Record<string, string>)
  }
  const who = auth.authenticate(req.headers.authorization)
  if (typeof who !== "string") return who
  if ("error" in parsed) return ofsError(400, parsed.error)
  if (url.pathname === clockPath) return clockCall(clock, method, parsed.body)
  const matched = router.match(method, url.pathname)
  if (matched === "not-found") return ofsError(404, `No resource at ${url.pathname}`)
  if (matched === "method-not-allowed") return ofsError(405, `${method} is not allowed on ${url.pathname}`)
  const request: SimRequest = {
    method,
    path: url.pathname,
    params: matched.params,
    query: url.searchParams,
    headers: req.headers,
    body: parsed.body,
    rawBody: raw,
    clientId: who
  }
  return { request, key: operationKey({ method, path: matched.template }), handler: matched.handler }
}

/** OFS refused the request without running it: the client may send it again after a second. */
const refused = (key: string, why: "queue-full" | "queue-timeout") =>
  ofsError(
    429,
    why === "queue-full"
      ? `Too many concurrent ${key} requests: the limit and its queue are full`
      : `The ${key} request waited too long in the queue for a free slot`,
    { "retry-after": "1" }
  )

/** Creates the node server (not yet listening). */
export const createSimServer = (parts: SimServerParts): Server =>
  createServer(async (req, res) => {
    const { faults, slots, stats, listeners } = parts
    const started = performance.now()
    let operation: string | undefined
    stats.requests++
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    const gone = new AbortController()
    res.on("close", () => {
      stats.inFlight--
      gone.abort()
      if (!listeners.active) return
      listeners.emit({
        method: req.method ?? "GET",
        path: (req.url ?? "/").split("?")[0] ?? "/",
        headers: req.headers,
        operation,
        status: res.headersSent ? res.statusCode : undefined,
        durationMs: performance.now() - started
      })
    })
    try {
      const raw = await readBody(req)
      const fate = faults.next(Date.now())
      if (fate.kind !== "none") {
        await sleep(fate.delayMs)
        if (fate.kind === "drop") {
          req.socket.destroy()
          return
        }
        if (fate.kind === "error") return write(res, ofsError(fate.status, "Injected fault"))
        return write(res, ofsError(429, "Too many requests", { "retry-after": String(fate.retryAfterSeconds) }))
      }
      const routed = route(parts, req, raw)
      if ("status" in routed) {
        await sleep(fate.delayMs)
        return write(res, routed)
      }
      operation = routed.key
      const op = operationStats(stats, routed.key)
      op.received++
      const scripted = faults.scripted(routed.request.method, routed.key)
      if (scripted?.fate === "drop") {
        req.socket.destroy()
        return
      }
      if (scripted?.fate === "error") return write(res, ofsError(scripted.status ?? 503, "Injected fault"))
      const entry = await slots.enter(routed.key, routed.request.query, op, gone.signal)
      if (entry.kind === "gone") return
      if (entry.kind !== "run") return write(res, refused(routed.key, entry.kind))
      // the added latency is spent holding the slot, so a slow simulator shows OFS's queueing
      op.running++
      op.maxRunning = Math.max(op.maxRunning, op.running)
      try {
        await sleep(fate.delayMs)
        const answer = await routed.handler(routed.request)
        if (scripted?.fate === "appliedDrop" || faults.dropAfterApply(routed.request.method, routed.key)) {
          // the request ran and its effect stays; only the answer is lost
          op.appliedThenDropped++
          stats.appliedThenDropped++
          req.socket.destroy()
          return
        }
        write(res, answer)
      } finally {
        op.running--
        entry.release()
      }
    } catch (error) {
      write(res, ofsError(500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`))
    }
  })
