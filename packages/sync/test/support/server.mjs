// An OFS-like server for the sync tests, in its own process: a blocked caller's thread cannot serve.
// Prints its origin on stdout, then answers until killed.
import { createServer } from "node:http"

const expected = `Basic ${Buffer.from("sync-test@test:s3cret").toString("base64")}`
const shifts = Array.from({ length: 250 }, (_, i) => ({
  label: `shift-${i}`,
  name: `Shift ${i}`,
  active: true,
  type: i % 2 ? "on-call" : "regular",
  ...(i % 2 ? { decoration: "blue" } : { points: 10 }),
  workTimeStart: "08:00:00",
  workTimeEnd: "17:00:00"
}))

let listRequests = 0
const seenOnce = new Map()
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1")
  const json = (status, body, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers })
    res.end(JSON.stringify(body))
  }
  if (req.headers.authorization !== expected) return json(401, { title: "Unauthorized", status: "401" })
  if (url.pathname === "/slow") return setTimeout(() => json(200, { slow: true }), 2_000)
  // slow the first time a key is asked for, quick after that; /__seen/<key> says how often it was
  const once = /^\/slow-once\/([^/]+)$/.exec(url.pathname)
  if (once) {
    const count = (seenOnce.get(once[1]) ?? 0) + 1
    seenOnce.set(once[1], count)
    return setTimeout(() => json(200, { attempt: count }), count === 1 ? 2_000 : 0)
  }
  const seen = /^\/__seen\/([^/]+)$/.exec(url.pathname)
  if (seen) return json(200, { count: seenOnce.get(seen[1]) ?? 0 })
  if (url.pathname === "/bytes" || url.pathname.startsWith("/rest/ofscCore/v1/folders/dailyExtract/folders/")) {
    res.writeHead(200, { "content-type": "application/octet-stream" })
    return res.end(Buffer.from([1, 2, 3, 254, 255]))
  }
  if (url.pathname === "/__listRequests") return json(200, { count: listRequests })
  if (url.pathname === "/rest/ofscCore/v1/activities") {
    // 100,000 activities made on the fly: the list exists only one page at a time
    listRequests++
    const total = 100_000
    const offset = Number(url.searchParams.get("offset") ?? 0)
    const limit = Math.min(1000, Number(url.searchParams.get("limit") ?? 100))
    const items = []
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      items.push({
        activityId: i,
        resourceId: "FLUSA",
        date: "2026-11-25",
        status: "pending",
        activityType: "install",
        XA_NOTE: `note ${i}`
      })
    }
    return json(200, { items, hasMore: offset + items.length < total, offset, limit })
  }
  if (url.pathname === "/rest/ofscMetadata/v1/shifts") {
    listRequests++
    const offset = Number(url.searchParams.get("offset") ?? 0)
    const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 100))
    const items = shifts.slice(offset, offset + limit)
    return json(200, {
      items,
      totalResults: shifts.length,
      hasMore: offset + items.length < shifts.length,
      offset,
      limit
    })
  }
  const shift = /^\/rest\/ofscMetadata\/v1\/shifts\/([^/]+)$/.exec(url.pathname)
  if (shift) {
    const found = shifts.find((s) => s.label === decodeURIComponent(shift[1]))
    return found
      ? json(200, found)
      : json(404, { type: "about:blank", title: "Not Found", status: "404", detail: "no such shift" })
  }
  if (url.pathname === "/busy") return json(503, { title: "Busy" }, { "retry-after": "0" })
  json(200, { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams) })
})
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`))
