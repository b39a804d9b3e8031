/**
 * Routes by method and path template (`/rest/ofscMetadata/v1/shifts/{label}`) on find-my-way-ts,
 * the radix-tree router of @effect/platform's HttpRouter: literal segments win over parameters,
 * `%2F` in a parameter stays in the parameter. A route's handler can be replaced at any time.
 */
import * as FindMyWay from "find-my-way-ts"
import type { Handler } from "../engine/protocol.js"

export type { Handler, SimRequest } from "../engine/protocol.js"

/** One registered route: its template and the handler it runs now. */
interface Route {
  readonly template: string
  handler: Handler
}

/** `{name}` segments as find-my-way's `:name`. */
const toFindMyWay = (template: string): `/${string}` =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name}`) as `/${string}`

/** A mutable route table. */
export class Router {
  // an OFS id may be long (a file property label, a resource id): no cap of find-my-way's own
  private readonly tree = FindMyWay.make<Route>({ maxParamLength: 65_536 })
  private readonly routes = new Map<string, Route>()
  private readonly methods = new Set<string>()

  /** Adds (or replaces) the handler of a method and path template. */
  on(method: string, template: string, handler: Handler): this {
    const key = `${method} ${template}`
    const existing = this.routes.get(key)
    if (existing !== undefined) {
      existing.handler = handler
      return this
    }
    const route: Route = { template, handler }
    this.tree.on(method, toFindMyWay(template), route)
    this.routes.set(key, route)
    this.methods.add(method)
    return this
  }

  /** The route for a request (its template, handler and path parameters), or what went wrong (404 / 405). */
  match(
    method: string,
    path: string
  ):
    | { readonly template: string; readonly handler: Handler; readonly params: Record<string, string> }
    | "not-found"
    | "method-not-allowed" {
    const found = this.tree.find(method, path)
    if (found !== undefined) {
      const params: Record<string, string> = {}
      for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value
      return { template: found.handler.template, handler: found.handler.handler, params }
    }
    for (const other of this.methods)
      if (other !== method && this.tree.find(other, path) !== undefined) return "method-not-allowed"
    return "not-found"
  }

  /** Every route, as `METHOD template`. */
  list(): ReadonlyArray<string> {
    return [...this.routes.keys()]
  }
}
