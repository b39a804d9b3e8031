/**
 * The "encode" stage: a caller's input, checked against the operation's schemas (internal/requestInput.ts),
 * becomes the HTTP request to send. Nothing is sent when the input is wrong.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Either from "effect/Either"
import { toWireRequest, type WireBody } from "../internal/requestInput.js"
import type { OfscConfigShape } from "../OfscConfig.js"
import type { OfscInvalidInput, OfscRequestInfo } from "../OfscError.js"
import type { AnyOperation } from "../Operation.js"

/** A call's request, ready to send, with what its errors and spans name. */
export interface EncodedCall {
  readonly request: HttpClientRequest.HttpClientRequest
  readonly info: OfscRequestInfo
}

/** Adds the body to a request as its kind says. */
const withBody = (
  request: HttpClientRequest.HttpClientRequest,
  body: WireBody
): HttpClientRequest.HttpClientRequest => {
  switch (body.kind) {
    case "none":
      return request
    case "json":
      return HttpClientRequest.bodyText(request, body.text, "application/json")
    case "form":
      return HttpClientRequest.bodyUrlParams(request, body.fields)
    case "bytes": {
      const withBytes = HttpClientRequest.bodyUint8Array(request, body.data, body.contentType)
      return body.disposition === undefined
        ? withBytes
        : HttpClientRequest.setHeader(withBytes, "content-disposition", body.disposition)
    }
  }
}

/** The encoder of one client: the headers every request carries are set once here, not once per call. */
export const makeEncode = (config: OfscConfigShape) => {
  const base = HttpClientRequest.get("").pipe(HttpClientRequest.setHeader("user-agent", config.userAgent))
  const json = HttpClientRequest.acceptJson(base)
  const bytes = HttpClientRequest.accept(base, "application/octet-stream")
  return (op: AnyOperation, input: unknown): Either.Either<EncodedCall, OfscInvalidInput> =>
    Either.map(toWireRequest(op, input), (wire) => ({
      request: withBody(
        HttpClientRequest.modify(op.success.kind === "bytes" ? bytes : json, {
          method: op.method,
          url: config.baseUrl + wire.path,
          urlParams: wire.query
        }),
        wire.body
      ),
      info: { operation: op.id, method: op.method, path: wire.path }
    }))
}
