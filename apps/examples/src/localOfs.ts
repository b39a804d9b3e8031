/**
 * A stand-in for an OFS instance, for the demo when no OFSC_* credentials are set: resources and
 * today's activities, paged like OFS, behind Basic auth. (The full simulator is @ofsc/simulator.)
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Layer, Redacted } from "effect"

/** The credentials the stand-in accepts. */
export const demoCredentials = { instance: "demo", clientId: "demo-app", clientSecret: "demo-secret" }

/** The client layer for the stand-in at `url` (a different secret, to see authentication fail). */
export const demoClient = (url: string, clientSecret: string = demoCredentials.clientSecret) =>
  OfscClient.layer({
    baseUrl: url,
    instance: demoCredentials.instance,
    credentials: { _tag: "Basic", clientId: demoCredentials.clientId, clientSecret: Redacted.make(clientSecret) }
  }).pipe(Layer.provide(OfscHttpClient.layerUndici))

const statuses = ["pending", "started", "completed", "pending", "cancelled"] as const

/** Deterministic data: 12 technicians with 3 to 14 activities each on `date`. */
export const demoData = (date: string) => {
  const resources = Array.from({ length: 12 }, (_, i) => ({
    resourceId: `TECH_${String(i + 1).padStart(3, "0")}`,
    name: `Technician ${i + 1}`,
    status: "active",
    resourceType: "PR"
  }))
  let next = 4000
  const activities = resources.flatMap((r, i) =>
    Array.from({ length: 3 + ((i * 7) % 12) }, (_, j) => ({
      activityId: next++,
      resourceId: r.resourceId,
      date,
      status: statuses[(i + j) % statuses.length],
      activityType: j % 3 === 0 ? "install" : "repair",
      timeSlot: j < 4 ? "08-12" : "12-17",
      customerNumber: `C${10_000 + i * 100 + j}`,
      XA_PRIORITY: (i + j) % 3 === 0 ? "high" : "normal"
    }))
  )
  return { resources, activities }
}

const page = <T>(items: ReadonlyArray<T>, url: URL, cap: number) => {
  const offset = Number(url.searchParams.get("offset") ?? 0)
  const limit = Math.min(cap, Number(url.searchParams.get("limit") ?? cap) || cap)
  return { items: items.slice(offset, offset + limit), offset, limit, total: items.length }
}

/** Starts the stand-in on 127.0.0.1 and a free port. */
export const startLocalOfs = (date: string): Promise<{ readonly url: string; readonly server: Server }> => {
  const data = demoData(date)
  const expected = `Basic ${Buffer.from(
    `${demoCredentials.clientId}@${demoCredentials.instance}:${demoCredentials.clientSecret}`
  ).toString("base64")}`
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (req.headers.authorization !== expected) {
      return reply(401, { type: "about:blank", title: "Unauthorized", status: "401", detail: "Wrong credentials" })
    }
    if (url.pathname === "/rest/ofscCore/v1/resources") {
      const p = page(data.resources, url, 100)
      return reply(200, { items: p.items, totalResults: p.total, offset: p.offset, limit: p.limit })
    }
    if (url.pathname === "/rest/ofscCore/v1/activities") {
      const wanted = new Set((url.searchParams.get("resources") ?? "").split(",").filter(Boolean))
      const matching = data.activities.filter(
        (a) =>
          wanted.has(a.resourceId) &&
          a.date >= (url.searchParams.get("dateFrom") ?? "") &&
          a.date <= (url.searchParams.get("dateTo") ?? "")
      )
      const p = page(matching, url, 5)
      return reply(200, {
        items: p.items,
        hasMore: p.offset + p.items.length < p.total,
        offset: p.offset,
        limit: p.limit
      })
    }
    reply(404, { type: "about:blank", title: "Not Found", status: "404", detail: `No route ${url.pathname}` })
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })
    )
  )
}
