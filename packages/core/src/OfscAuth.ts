/**
 * Produces the Authorization header for each request: Basic, OAuth2 client credentials, OAuth2 JWT
 * bearer assertion, a caller-supplied bearer token, or any custom implementation.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { withDeadline } from "./internal/deadline.js"
import { signRs256 } from "./internal/jwt.js"
import { retriesNothing, retrySchedule } from "./internal/retry.js"
import { makeTokenCache } from "./internal/tokenCache.js"
import { OfscConfig, type OfscConfigShape } from "./OfscConfig.js"
import {
  OfscAuthenticationError,
  OfscConfigError,
  OfscDecodeError,
  type OfscHttpError,
  type OfscRequestInfo,
  OfscTransportError
} from "./OfscError.js"
import { errorFromResponse, errorFromTransport, serverOf } from "./transport/mapErrors.js"

/** What can go wrong while getting credentials (a token service call, usually). */
export type OfscAuthError = OfscHttpError | OfscTransportError | OfscDecodeError

/** The authentication service the transport asks before every request. */
export interface OfscAuthShape {
  /**
   * The full Authorization header value for the next request. OAuth2 calls the token service
   * (POST /rest/oauthTokenService/v2/token) when no cached token is fresh; fails with OfscAuthError.
   */
  readonly authorization: Effect.Effect<Redacted.Redacted<string>, OfscAuthError>
  /**
   * Called once when OFS answered 401 to a request that carried `rejected`. Returns true when a new
   * credential was obtained and the request is worth one more try. OAuth2 calls the token service
   * again; fails with OfscAuthError.
   */
  readonly refreshAfterRejection: (rejected: Redacted.Redacted<string>) => Effect.Effect<boolean, OfscAuthError>
}

/** The path of the OAuth2 token service (v2: standard `access_token` field). */
export const tokenPath = "/rest/oauthTokenService/v2/token"

const TokenResponse = Schema.Struct({
  access_token: Schema.String,
  token_type: Schema.optional(Schema.String),
  expires_in: Schema.optional(Schema.Number)
})

/** How long OFS tokens live when the answer does not say: one hour. */
const defaultLifetimeSeconds = 3600

const basicHeader = (user: string, secret: Redacted.Redacted<string>) =>
  Redacted.make(`Basic ${Buffer.from(`${user}:${Redacted.value(secret)}`).toString("base64")}`)

const bearerHeader = (token: string) => Redacted.make(`Bearer ${token}`)

/**
 * The token service answers 400 as well as 401 when it refuses the client or the assertion (OAuth2
 * `invalid_client`, `invalid_grant`); either way the caller's call failed to authenticate, so both
 * become `OfscAuthenticationError` rather than a bad request the caller would look for in its own input.
 */
const tokenServiceError = (error: OfscHttpError): OfscHttpError =>
  error._tag === "OfscBadRequest" && error.status === 400
    ? new OfscAuthenticationError({
        operation: error.operation,
        method: error.method,
        path: error.path,
        status: error.status,
        type: error.type,
        title: error.title,
        detail: error.detail
      })
    : error

/** Requests a token from the OFS token service with the given form fields and client authentication. */
const requestToken = (
  config: OfscConfigShape,
  client: HttpClient.HttpClient,
  form: Record<string, string>,
  clientAuth: Redacted.Redacted<string> | undefined
) => {
  const info: OfscRequestInfo = { operation: "auth.token", method: "POST", path: tokenPath }
  const server = serverOf(config.baseUrl)
  const request = HttpClientRequest.post(`${config.baseUrl}${tokenPath}`).pipe(
    HttpClientRequest.bodyUrlParams(form),
    HttpClientRequest.acceptJson,
    HttpClientRequest.setHeader("user-agent", config.userAgent),
    clientAuth === undefined ? (r) => r : HttpClientRequest.setHeader("authorization", Redacted.value(clientAuth))
  )
  const answer = client.execute(request).pipe(
    Effect.mapError((e) => errorFromTransport(info, server, e)),
    Effect.flatMap((response) =>
      response.status >= 200 && response.status < 300
        ? HttpClientResponse.schemaBodyJson(TokenResponse)(response).pipe(
            Effect.mapError(
              () =>
                new OfscDecodeError({
                  ...info,
                  status: response.status,
                  issues: [{ path: ["access_token"], message: "the token service answered without an access token" }]
                })
            )
          )
        : Effect.flatMap(
            Effect.orElseSucceed(response.text, () => ""),
            (body): Effect.Effect<never, OfscAuthError> =>
              Clock.currentTimeMillis.pipe(
                Effect.flatMap((now) =>
                  Effect.fail(
                    tokenServiceError(
                      errorFromResponse(info, response.status, body, response.headers["retry-after"], now)
                    )
                  )
                )
              )
          )
    )
  )
  // the same per-attempt deadline as the transport's calls, over the answer's body too
  return withDeadline(
    answer,
    Duration.toMillis(config.attemptTimeout),
    () => new OfscTransportError({ ...info, server, reason: "Timeout" })
  ).pipe(
    Effect.map((token) => ({
      value: bearerHeader(token.access_token),
      lifetimeMs: (token.expires_in ?? defaultLifetimeSeconds) * 1000
    })),
    Effect.scoped,
    // a token request may be repeated: the token service's 429, 5xx and broken connections are retried
    retriesNothing(config.retry) ? identity : Effect.retry(retrySchedule<OfscAuthError>(config.retry, true)),
    Effect.withSpan("ofsc.auth.token", { kind: "client", captureStackTrace: false })
  )
}

/** The auth service for the configured credentials. */
const fromConfig = Effect.gen(function* () {
  const config = yield* OfscConfig
  const creds = config.credentials
  // the token service gets the bare client: the transport's 401 handling is not for it. The
  // platform's own span is off: its exit value would hold the client's Basic header and the token
  const client = (yield* HttpClient.HttpClient).pipe(HttpClient.withTracerDisabledWhen(() => true))
  const noRefresh = () => Effect.succeed(false)
  switch (creds._tag) {
    case "Basic": {
      const header = basicHeader(`${creds.clientId}@${config.instance}`, creds.clientSecret)
      return { authorization: Effect.succeed(header), refreshAfterRejection: noRefresh } satisfies OfscAuthShape
    }
    case "Bearer": {
      const header = bearerHeader(Redacted.value(creds.token))
      return { authorization: Effect.succeed(header), refreshAfterRejection: noRefresh } satisfies OfscAuthShape
    }
    case "ClientCredentials": {
      const clientAuth = basicHeader(
        config.instance === undefined ? creds.clientId : `${creds.clientId}@${config.instance}`,
        creds.clientSecret
      )
      const cache = yield* makeTokenCache(
        requestToken(config, client, { grant_type: "client_credentials" }, clientAuth)
      )
      return fromCache(cache)
    }
    case "JwtBearer": {
      const audience = `ofsc:${config.instance}:${creds.applicationId}`
      const assertion = Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const iat = Math.floor(now / 1000)
        return signRs256(
          { iss: creds.clientId, sub: creds.subject ?? audience, aud: audience, iat, exp: iat + 120 },
          Redacted.value(creds.privateKey),
          creds.keyId
        )
      })
      const clientAuth =
        creds.clientSecret === undefined
          ? undefined
          : basicHeader(`${creds.clientId}@${config.instance}`, creds.clientSecret)
      const cache = yield* makeTokenCache(
        Effect.flatMap(assertion, (signed) =>
          requestToken(
            config,
            client,
            { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: signed },
            clientAuth
          )
        )
      )
      return fromCache(cache)
    }
    case "Custom":
      return yield* new OfscConfigError({
        key: "credentials",
        reason: "Custom credentials need an OfscAuth layer of their own (OfscAuth.custom)"
      })
  }
})

const fromCache = (cache: {
  readonly get: Effect.Effect<Redacted.Redacted<string>, OfscAuthError>
  readonly refreshAfterRejection: (rejected: Redacted.Redacted<string>) => Effect.Effect<void, OfscAuthError>
}): OfscAuthShape => ({
  authorization: cache.get,
  refreshAfterRejection: (rejected) => Effect.as(cache.refreshAfterRejection(rejected), true)
})

/** The authentication service. */
export class OfscAuth extends Context.Tag("@ofsc/core/OfscAuth")<OfscAuth, OfscAuthShape>() {
  /** Authentication as the configured credentials say (Basic, client credentials, JWT or bearer). */
  static layer: Layer.Layer<OfscAuth, OfscConfigError, OfscConfig | HttpClient.HttpClient> = Layer.effect(
    OfscAuth,
    fromConfig
  )

  /** Authentication by a function of your own, for schemes this package does not know. */
  static custom = (
    authorization: Effect.Effect<Redacted.Redacted<string>, OfscAuthError>,
    refreshAfterRejection?: (rejected: Redacted.Redacted<string>) => Effect.Effect<boolean, OfscAuthError>
  ): Layer.Layer<OfscAuth> =>
    Layer.succeed(OfscAuth, {
      authorization,
      refreshAfterRejection: refreshAfterRejection ?? (() => Effect.succeed(false))
    })
}
