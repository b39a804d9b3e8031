/**
 * The one place where HTTP happens. `call(op, input)` runs a call through named stages, each in its
 * own file under transport/: encode (check the input, build the request), trace (a span per call),
 * retry, limit (concurrency permits), authorise (credential, one refresh after a 401), attempt
 * (send within the deadline, read, map errors, log) and decode (@ofsc/models' decodeAnswer).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { KeptByClient } from "./AttemptDeadline.js"
import { OfscAuth } from "./OfscAuth.js"
import { OfscConfig } from "./OfscConfig.js"
import type { OfscError } from "./OfscError.js"
import {
  type AnyOperation,
  type HttpMethod,
  isIdempotent,
  make as makeOperation,
  type Operation,
  type OperationArgs
} from "./Operation.js"
import { makeAttempt, type ReadResponse } from "./transport/attempt.js"
import { makeAuthorise } from "./transport/authorise.js"
import { makeDecode } from "./transport/decode.js"
import { makeEncode } from "./transport/encode.js"
import { makeLimit } from "./transport/limit.js"
import { makeRetry } from "./transport/retry.js"
import { makeTrace } from "./transport/trace.js"

/** Options of the raw escape hatch: query pairs and a JSON body. */
export interface RawCallOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number>>> | undefined
  readonly body?: unknown
  /** Treat a POST or PATCH as safe to retry. */
  readonly retrySafe?: boolean | undefined
}

/** The transport service. */
export interface OfscTransportShape {
  /**
   * Calls the operation's `METHOD path` (auth, retries and concurrency bound included) and answers
   * its decoded success value; fails with OfscInvalidInput when the input breaks the operation's
   * schema (nothing sent), with the OfscError OFS's answer maps to, or with OfscDecodeError.
   */
  readonly call: <P, Q, B, A>(
    op: Operation<P, Q, B, A>,
    ...args: OperationArgs<Operation<P, Q, B, A>>
  ) => Effect.Effect<A, OfscError>
  /**
   * Calls a path the tables do not know yet (a newer OFS release) with the same credentials,
   * retries, logging and error mapping. Answers the parsed JSON, or undefined for an empty answer;
   * fails with OfscInvalidInput (nothing sent) or the OfscError OFS's answer maps to.
   */
  readonly raw: (method: HttpMethod, path: string, options?: RawCallOptions) => Effect.Effect<unknown, OfscError>
}

/** Builds the transport from the config, auth and an HttpClient (and `AttemptDeadline.KeptByClient`, when provided). */
export const make: Effect.Effect<OfscTransportShape, never, OfscConfig | OfscAuth | HttpClient.HttpClient> = Effect.gen(
  function* () {
    const config = yield* OfscConfig
    const client = yield* HttpClient.HttpClient
    const keptByClient = Option.isSome(yield* Effect.serviceOption(KeptByClient))
    const { authorised, isAuthFailure } = makeAuthorise(yield* OfscAuth)
    const encode = makeEncode(config)
    const trace = makeTrace(config.baseUrl)
    const retried = makeRetry(config, isAuthFailure)
    const limit = makeLimit(config)
    const attempt = makeAttempt(client, config, keptByClient)
    const decode = makeDecode(config.decodePolicy)

    const callAny = (op: AnyOperation, input: unknown): Effect.Effect<unknown, OfscError> =>
      Either.match(encode(op, input), {
        onLeft: Effect.fail,
        onRight: ({ request, info }) => {
          const wantBytes = op.success.kind === "bytes"
          const idempotent = isIdempotent(op)
          const limited = limit(op)
          const sent = trace<ReadResponse>(op, info.path, request, (request, record) =>
            Effect.suspend(() => {
              let attempts = 0
              const once = limited(
                authorised((authorization) => attempt(request, info, wantBytes, authorization, ++attempts))
              )
              const all = retried(once, idempotent)
              return record === undefined ? all : Effect.onExit(all, (exit) => record(exit, attempts))
            })
          )
          return Effect.flatMap(sent, (read) => decode(op, info, read))
        }
      })

    const call = <P, Q, B, A>(op: Operation<P, Q, B, A>, ...args: OperationArgs<Operation<P, Q, B, A>>) =>
      callAny(op, args[0]) as Effect.Effect<A, OfscError>

    const raw = (method: HttpMethod, path: string, options?: RawCallOptions): Effect.Effect<unknown, OfscError> =>
      callAny(rawOperation(method, path, options?.body !== undefined, options?.retrySafe ?? false), {
        query: options?.query,
        body: options?.body
      })

    return { call, raw }
  }
)

const RawQuery = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** A throwaway descriptor for the escape hatch; the path is used as given. */
const rawOperation = (method: HttpMethod, path: string, hasBody: boolean, retrySafe: boolean): AnyOperation =>
  makeOperation({
    id: "raw",
    method,
    path: path.startsWith("/") ? path : `/${path}`,
    query: RawQuery,
    body: hasBody ? { kind: "json", schema: Schema.Unknown } : { kind: "none" },
    success: { kind: "json", schema: Schema.Unknown },
    retrySafe
  })

/** The transport service. */
export class OfscTransport extends Context.Tag("@ofsc/core/OfscTransport")<OfscTransport, OfscTransportShape>() {
  /** The transport over the config, auth and HttpClient in the context. */
  static layer: Layer.Layer<OfscTransport, never, OfscConfig | OfscAuth | HttpClient.HttpClient> = Layer.effect(
    OfscTransport,
    make
  )
}
