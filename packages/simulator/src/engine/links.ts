/**
 * The `links` OFS adds to its answers: absolute URLs on the host the request reached, `canonical`
 * (with the query as OFS normalizes it), `next` while a list has more, and `describedby` pointing at
 * the module's metadata catalog of the collection.
 */
import type { SimRequest } from "./protocol.js"

/** One entry of `links`. */
export interface Link {
  readonly rel: string
  readonly href: string
}

/** What links are built from: the request's host header, path and query. */
export type LinkSource = Pick<SimRequest, "headers" | "path" | "query">

/** The absolute URL of a path on this simulator, as OFS writes its links. */
export const absolute = (req: Pick<SimRequest, "headers">, path: string): string => {
  const host = req.headers.host
  return `http://${typeof host === "string" ? host : "localhost"}${path}`
}

/** The catalog that describes a path's collection: `/rest/ofscMetadata/v1/shifts/x` → `.../v1/metadata-catalog/shifts`. */
export const catalogOf = (path: string): string => {
  const [, rest, api = "", version = "", collection = ""] = path.split("/")
  return `/${rest}/${api}/${version}/metadata-catalog/${collection}`
}

/** The `canonical` and `describedby` links of a single object. */
export const objectLinks = (req: Pick<SimRequest, "headers">, self: string, catalog: string): ReadonlyArray<Link> => [
  { rel: "canonical", href: absolute(req, self) },
  { rel: "describedby", href: absolute(req, catalog) }
]

/** The request's path with its query, `limit` and `offset` set to the page's (last, as OFS writes them). */
const pageHref = (req: LinkSource, limit: number, offset: number): string => {
  const query = new URLSearchParams()
  for (const [name, value] of req.query) if (name !== "limit" && name !== "offset") query.append(name, value)
  query.set("limit", String(limit))
  query.set("offset", String(offset))
  return absolute(req, `${req.path}?${query}`)
}

/** The links of one page of a list: canonical, next while there is more, describedby. */
export const pageLinks = (
  req: LinkSource,
  page: { readonly offset: number; readonly limit: number; readonly hasMore: boolean; readonly count: number }
): ReadonlyArray<Link> => [
  { rel: "canonical", href: pageHref(req, page.limit, page.offset) },
  ...(page.hasMore ? [{ rel: "next", href: pageHref(req, page.limit, page.offset + page.count) }] : []),
  { rel: "describedby", href: absolute(req, catalogOf(req.path)) }
]
