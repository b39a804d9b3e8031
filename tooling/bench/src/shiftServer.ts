/**
 * The benchmark's OFS stand-in, run in a child process so its work is not timed with the client's.
 * It answers GET /rest/ofscMetadata/v1/shifts/{label} with a shift, to any Basic credentials, and
 * tells its parent the port over the IPC channel once it listens.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { shiftJson } from "./shiftBody.js"

const shiftPath = /^\/rest\/ofscMetadata\/v1\/shifts\/([^/?]+)$/

const send = (res: import("node:http").ServerResponse, status: number, body: string) => {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
  res.end(body)
}

const server = createServer((req, res) => {
  // drain the request before answering so keep-alive connections stay reusable
  req.resume()
  req.on("end", () => {
    const authorization = req.headers.authorization ?? ""
    if (
      !authorization.startsWith("Basic ") ||
      !Buffer.from(authorization.slice(6), "base64").toString().includes(":")
    ) {
      send(
        res,
        401,
        JSON.stringify({
          type: "about:blank",
          title: "Unauthorized",
          status: "401",
          detail: "Basic credentials required"
        })
      )
      return
    }
    const match = req.method === "GET" ? shiftPath.exec(req.url ?? "") : null
    if (match === null) {
      send(
        res,
        404,
        JSON.stringify({ type: "about:blank", title: "Not Found", status: "404", detail: "no such resource" })
      )
      return
    }
    send(res, 200, shiftJson(`http://${req.headers.host ?? "127.0.0.1"}`, decodeURIComponent(match[1] ?? "")))
  })
})

// long enough that a client pausing between rounds finds its pooled connections still open
server.keepAliveTimeout = 60_000

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo
  process.send?.({ port })
})

// the parent going away (normally or not) ends the server too
process.on("disconnect", () => {
  server.close()
  server.closeAllConnections()
  process.exit(0)
})
