/**
 * The paging benchmark's OFS stand-in, run in a child process so its work is not timed with the
 * client's: GET /rest/ofscMetadata/v1/workZones?offset&limit answers 5,000 work zones (the count
 * from WORK_ZONES) in OFS's list envelope, each page's text built once. It tells its parent the
 * port over the IPC channel once it listens.
 */
import { createServer, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

const total = Number(process.env.WORK_ZONES ?? 5000)

/** A work zone as OFS answers it: keys, a status, and an organization only on some (null on others). */
const workZone = (i: number) => ({
  workZoneLabel: `WZ${String(i).padStart(5, "0")}`,
  workZoneName: `Work zone ${i}`,
  status: i % 10 === 0 ? "inactive" : "active",
  travelArea: `area-${i % 25}`,
  keys: [`${10000 + i}`, `${20000 + i}`],
  ...(i % 3 === 0 ? { organization: null } : { organization: `org-${i % 7}` })
})

const pages = new Map<string, string>()
const pageBody = (origin: string, offset: number, limit: number): string => {
  const key = `${offset}/${limit}`
  let body = pages.get(key)
  if (body === undefined) {
    const items = []
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(workZone(i))
    body = JSON.stringify({
      items,
      offset,
      limit,
      totalResults: total,
      hasMore: offset + items.length < total,
      links: [{ rel: "canonical", href: `${origin}/rest/ofscMetadata/v1/workZones?offset=${offset}&limit=${limit}` }]
    })
    pages.set(key, body)
  }
  return body
}

const send = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
  res.end(body)
}

const server = createServer((req, res) => {
  req.resume()
  req.on("end", () => {
    if (!(req.headers.authorization ?? "").startsWith("Basic ")) {
      send(res, 401, JSON.stringify({ type: "about:blank", title: "Unauthorized", status: "401" }))
      return
    }
    const url = new URL(req.url ?? "/", "http://x")
    if (req.method !== "GET" || url.pathname !== "/rest/ofscMetadata/v1/workZones") {
      send(res, 404, JSON.stringify({ type: "about:blank", title: "Not Found", status: "404" }))
      return
    }
    const offset = Number(url.searchParams.get("offset") ?? 0)
    const limit = Number(url.searchParams.get("limit") ?? 100)
    send(res, 200, pageBody(`http://${req.headers.host ?? "127.0.0.1"}`, offset, limit))
  })
})

server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port })
})
process.on("disconnect", () => {
  server.close()
  server.closeAllConnections()
  process.exit(0)
})
