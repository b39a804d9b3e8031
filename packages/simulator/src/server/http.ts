/**
 * The HTTP front of the simulator: faults first (latency, drops, 5xx, rate limit), then the token
 * service or authentication, then the route. Every error is an OFS error body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { Auth } from "./auth.js"
import { parseBody } from "./body.js"
import type { Faults } from "./faults.js"
import { ofsError, type SimResponse } from "./responses.js"
import type { Router, SimRequest } from "./router.js"

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

/** Counters the tests and the bench read. */
export interface ServerStats {
  requests: number
  inFlight: number
  maxInFlight: number
}

/** Creates the node server (not yet listening). */
export const createSimServer = (router: Router, auth: Auth, faults: Faults, stats: ServerStats): Server =>
  createServer(async (req, res) => {
    stats.requests++
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    res.on("close", () => stats.inFlight--)
    try {
      const raw = await readBody(req)
      const fate = faults.next(Date.now())
      await sleep(fate.delayMs)
      if (fate.kind === "drop") {
        req.socket.destroy()
        return
      }
      if (fate.kind === "error") return write(res, ofsError(fate.status, "Injected fault"))
      if (fate.kind === "rate-limited") {
        return write(res, ofsError(429, "Too many requests", { "retry-after": String(fate.retryAfterSeconds) }))
      }
      const url = new URL(req.url ?? "/", "http://simulator")
      const method = req.method ?? "GET"
      const parsed = parseBody(req.headers["content-type"], raw)
      const tokenVersion = tokenPaths[url.pathname]
      if (tokenVersion !== undefined) {
        if (method !== "POST") return write(res, ofsError(405, `${method} is not allowed here`))
        const form = "body" in parsed && parsed.body !== null && typeof parsed.body === "object" ? parsed.body : {}
        return write(res, auth.tokenService(tokenVersion, req.headers.authorization, form as Record<string, string>))
      }
      const who = auth.authenticate(req.headers.authorization)
      if (typeof who !== "string") return write(res, who)
      if ("error" in parsed) return write(res, ofsError(400, parsed.error))
      const matched = router.match(method, url.pathname)
      if (matched === "not-found") return write(res, ofsError(404, `No resource at ${url.pathname}`))
      if (matched === "method-not-allowed")
        return write(res, ofsError(405, `${method} is not allowed on ${url.pathname}`))
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
      write(res, await matched.handler(request))
    } catch (error) {
      write(res, ofsError(500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`))
    }
  })
