/**
 * Routes by method and path template (`/rest/ofscMetadata/v1/shifts/{label}`) on find-my-way-ts,
 * the radix-tree router of @effect/platform's HttpRouter: literal segments win over parameters,
 * `%2F` in a parameter stays in the parameter. A route's handler can be replaced at any time.
 *
 * Building the tree of every OFS operation costs about 4 ms, so the tree of a set of routes is built
 * once per process and shared by the routers made over it (`Router.over`); each router keeps its own
 * handlers, and a tree of its own for the routes added later.
 */
import * as FindMyWay from "find-my-way-ts"
import type { Handler, RouteEntry } from "../engine/protocol.js"

export type { Handler, RouteEntry, SimRequest } from "../engine/protocol.js"

/** A route of a tree: its key (`METHOD template`), its template and how many literal segments it has. */
interface Slot {
  readonly key: string
  readonly template: string
  readonly literals: number
}

type Tree = FindMyWay.Router<Slot>

// an OFS id may be long (a file property label, a resource id): no cap of find-my-way's own
const newTree = (): Tree => FindMyWay.make<Slot>({ maxParamLength: 65_536 })

/** `{name}` segments as find-my-way's `:name`. */
const toFindMyWay = (template: string): `/${string}` =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name}`) as `/${string}`

const add = (tree: Tree, method: string, template: string): void => {
  const slot = {
    key: `${method} ${template}`,
    template,
    literals: template.split("/").filter((s) => !s.startsWith("{")).length
  }
  tree.on(method, toFindMyWay(template), slot)
}

/** The shared trees, by the routes they hold. */
const sharedTrees = new Map<string, Tree>()

/** A mutable route table. */
export class Router {
  private readonly handlers = new Map<string, Handler>()
  private readonly methods = new Set<string>()
  private base: Tree | undefined
  private own: Tree | undefined

  /** A router holding `routes`, matched by a tree built once per process for the same routes. */
  static over(routes: ReadonlyArray<RouteEntry>): Router {
    const router = new Router()
    const signature = routes.map((r) => `${r.method} ${r.path}`).join("\n")
    let tree = sharedTrees.get(signature)
    if (tree === undefined) {
      tree = newTree()
      for (const route of routes) add(tree, route.method, route.path)
      sharedTrees.set(signature, tree)
    }
    router.base = tree
    for (const route of routes) {
      router.handlers.set(`${route.method} ${route.path}`, route.handler)
      router.methods.add(route.method)
    }
    return router
  }

  /** Adds (or replaces) the handler of a method and path template. */
  on(method: string, template: string, handler: Handler): this {
    const key = `${method} ${template}`
    if (!this.handlers.has(key)) {
      this.own ??= newTree()
      add(this.own, method, template)
      this.methods.add(method)
    }
    this.handlers.set(key, handler)
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
    const found = this.find(method, path)
    if (found !== undefined) {
      const params: Record<string, string> = {}
      for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value
      return { template: found.handler.template, handler: this.handlers.get(found.handler.key) as Handler, params }
    }
    for (const other of this.methods)
      if (other !== method && this.find(other, path) !== undefined) return "method-not-allowed"
    return "not-found"
  }

  /** Every route, as `METHOD template`. */
  list(): ReadonlyArray<string> {
    return [...this.handlers.keys()]
  }

  /** The best match of the shared tree and this router's own: the one with more literal segments. */
  private find(method: string, path: string): FindMyWay.FindResult<Slot> | undefined {
    const shared = this.base?.find(method, path)
    const own = this.own?.find(method, path)
    if (own === undefined) return shared
    if (shared === undefined) return own
    return own.handler.literals >= shared.handler.literals ? own : shared
  }
}
