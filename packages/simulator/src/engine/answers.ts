/** OFS-shaped answers: the error body (type, title, status, detail) and the paging envelope. */
import { type LinkSource, pageLinks } from "./links.js"
import type { SimResponse } from "./protocol.js"

export type { SimResponse } from "./protocol.js"

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable"
}

/** An error answer with the body OFS sends: `type`, `title`, `status` (a string) and `detail`. */
export const ofsError = (status: number, detail: string, headers?: Record<string, string>): SimResponse => ({
  status,
  ...(headers && { headers }),
  json: {
    type: `http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.${Math.floor(status / 100)}.${(status % 100) + 1}`,
    title: titles[status] ?? "Error",
    status: String(status),
    detail
  }
})

/** A JSON answer. */
export const ok = (json: unknown, status = 200): SimResponse => ({ status, json })

/** 204 No Content. */
export const noContent: SimResponse = { status: 204 }

/** Paging as the query asks: offset from 0, limit capped at `max` (0 or absent means `max`). */
export const pageOf = <A>(
  items: ReadonlyArray<A>,
  query: URLSearchParams,
  max: number
): { readonly items: ReadonlyArray<A>; readonly offset: number; readonly limit: number; readonly hasMore: boolean } => {
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0)
  const asked = Number(query.get("limit") ?? 0) || 0
  const limit = asked <= 0 || asked > max ? max : asked
  const page = items.slice(offset, offset + limit)
  return { items: page, offset, limit, hasMore: offset + page.length < items.length }
}

/** The envelope OFS lists answer with: items, hasMore, totalResults, offset, limit and links. */
export const listEnvelope = <A>(items: ReadonlyArray<A>, req: LinkSource, max: number) => {
  const page = pageOf(items, req.query, max)
  return {
    hasMore: page.hasMore,
    totalResults: items.length,
    limit: page.limit,
    offset: page.offset,
    items: page.items,
    links: pageLinks(req, { ...page, count: page.items.length })
  }
}
