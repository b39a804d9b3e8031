/** Routes by method and path template (`/rest/ofscMetadata/v1/shifts/{label}`), most specific first. */
import type { Handler } from "../engine/protocol.js"

export type { Handler, SimRequest } from "../engine/protocol.js"

interface Route {
  readonly method: string
  readonly template: string
  readonly pattern: RegExp
  readonly names: ReadonlyArray<string>
  /** Literal segments count: more literal segments win over parameters. */
  readonly literals: number
  readonly handler: Handler
}

/** A mutable route table. */
export class Router {
  private readonly routes: Array<Route> = []

  /** Adds (or replaces) the handler of a method and path template. */
  on(method: string, template: string, handler: Handler): this {
    const names: Array<string> = []
    const segments = template.split("/")
    const pattern = new RegExp(
      `^${segments
        .map((s) => {
          const m = /^\{(.+)\}$/.exec(s)
          if (m) {
            names.push(m[1] as string)
            return "([^/]+)"
          }
          return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        })
        .join("/")}$`
    )
    const existing = this.routes.findIndex((r) => r.method === method && r.template === template)
    const route = {
      method,
      template,
      pattern,
      names,
      literals: segments.filter((s) => !s.startsWith("{")).length,
      handler
    }
    if (existing >= 0) this.routes[existing] = route
    else this.routes.push(route)
    this.routes.sort((a, b) => b.literals - a.literals)
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
    let pathMatched = false
    for (const route of this.routes) {
      const m = route.pattern.exec(path)
      if (!m) continue
      pathMatched = true
      if (route.method !== method) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] as string)
      })
      return { template: route.template, handler: route.handler, params }
    }
    return pathMatched ? "method-not-allowed" : "not-found"
  }

  /** Every route, as `METHOD template`. */
  list(): ReadonlyArray<string> {
    return this.routes.map((r) => `${r.method} ${r.template}`)
  }
}
