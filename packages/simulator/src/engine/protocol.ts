/**
 * What the engine and the OFS areas are given and answer: a request already routed and
 * authenticated, and the answer the HTTP edge writes. Types only; the edge makes and writes them.
 */

/** One multipart part: a text field, or a file. */
export interface MultipartPart {
  readonly name: string
  readonly filename?: string | undefined
  readonly contentType?: string | undefined
  readonly data: Buffer
}

/** A parsed request as handlers see it. */
export interface SimRequest {
  readonly method: string
  readonly path: string
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  /** The body as JSON (objects and arrays), form fields, raw bytes, or multipart parts. */
  readonly body: unknown
  readonly rawBody: Buffer
  /** The client id the request authenticated as. */
  readonly clientId: string
}

/** What a handler answers; the server writes it. */
export interface SimResponse {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** JSON body (written with content-type application/json). */
  readonly json?: unknown
  /** Raw body. */
  readonly bytes?: Uint8Array
}

/** A handler answers synchronously or with a promise. */
export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>

/** A route: an operation's method and path template, and the handler that answers it. */
export interface RouteEntry {
  readonly method: string
  readonly path: string
  readonly handler: Handler
}
