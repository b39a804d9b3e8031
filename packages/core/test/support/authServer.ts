/**
 * An OFS token service and API behind one test server: the token endpoint issues numbered, unique
 * access tokens, and each test decides how the token endpoint and the API answer.
 */
import { randomUUID } from "node:crypto"
import { Effect, Schema } from "effect"
import { Operation, tokenPath } from "../../src/index.js"
import { type Answer, type SeenRequest, testServer } from "./testServer.js"

/** How the server behaves; every part has a default that lets a well-behaved client succeed. */
export interface AuthScript {
  /** `expires_in` of issued tokens, in seconds (default 3600). */
  readonly expiresIn?: number
  /** Wait this long before answering a token request, so concurrent callers pile up behind it. */
  readonly tokenDelayMs?: number
  /** The token endpoint's answer to its n-th request (from 1); undefined issues a token. */
  readonly tokenAnswer?: (n: number, request: SeenRequest) => Answer | undefined
  /** The API's answer, given the Authorization header it received (default: 200 for any issued token). */
  readonly apiAnswer?: (authorization: string | undefined, server: AuthServer) => Answer
}

/** The running server and what it saw. */
export interface AuthServer {
  readonly url: string
  /** Every request to the token endpoint, in arrival order. */
  readonly tokenRequests: () => ReadonlyArray<SeenRequest>
  /** Every other request, in arrival order. */
  readonly apiRequests: () => ReadonlyArray<SeenRequest>
  /** The access tokens handed out, in order. */
  readonly issued: ReadonlyArray<string>
}

/** An OFS-shaped 401 body, as the API sends for an unknown or expired token. */
export const unauthorized: Answer = {
  status: 401,
  json: {
    type: "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2",
    title: "Unauthorized",
    status: "401"
  }
}

/** A tiny API answer the operation below decodes. */
export const resourceAnswer: Answer = { json: { resourceId: "33001", name: "Tech One" } }

/** The form fields a token request carried (none when there was no request). */
export const formOf = (request: SeenRequest | undefined): URLSearchParams =>
  new URLSearchParams(request?.body.toString("utf8") ?? "")

/** A GET that stands for any API call in these tests. */
export const getResource = Operation.make({
  id: "core.resources.get",
  method: "GET",
  path: "/rest/ofscCore/v1/resources/{resourceId}",
  pathParams: Schema.Struct({ resourceId: Schema.String }),
  success: { kind: "json", schema: Schema.Struct({ resourceId: Schema.String, name: Schema.String }) }
})

/** Starts the server for the scope of a test. */
export const authServer = (script: AuthScript = {}) =>
  Effect.gen(function* () {
    const issued: Array<string> = []
    const server = yield* testServer()
    const api: AuthServer = {
      url: server.url,
      tokenRequests: () => server.requests.filter((r) => r.path === tokenPath),
      apiRequests: () => server.requests.filter((r) => r.path !== tokenPath),
      issued
    }
    let tokenCount = 0
    server.handle((request) => {
      if (request.path !== tokenPath) {
        const authorization = request.headers.authorization
        return script.apiAnswer
          ? script.apiAnswer(authorization, api)
          : issued.some((t) => authorization === `Bearer ${t}`)
            ? resourceAnswer
            : unauthorized
      }
      tokenCount++
      const scripted = script.tokenAnswer?.(tokenCount, request)
      if (scripted !== undefined) return scripted
      const token = `at-${tokenCount}-${randomUUID()}`
      issued.push(token)
      return {
        json: { access_token: token, token_type: "bearer", expires_in: script.expiresIn ?? 3600 },
        delayMs: script.tokenDelayMs ?? 0
      }
    })
    return api
  })
