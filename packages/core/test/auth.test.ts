import { createVerify, generateKeyPairSync } from "node:crypto"
import { NodeHttpClient } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Layer, Redacted, Ref, TestClock } from "effect"
import { describe, expect } from "vitest"
import {
  OfscAuth,
  OfscAuthenticationError,
  OfscConfig,
  type OfscConfigOptions,
  type OfscCredentials,
  OfscTransport,
  tokenPath
} from "../src/index.js"
import { authServer, formOf, getResource, resourceAnswer, unauthorized } from "./support/authServer.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const clientCredentials: OfscCredentials = {
  _tag: "ClientCredentials",
  clientId: "itest-app",
  clientSecret: Redacted.make("cc-s3cret")
}

const ccOptions = (url: string, overrides: Partial<OfscConfigOptions> = {}) =>
  testOptions(url, { credentials: clientCredentials, ...overrides })

const getOne = (t: OfscTransport["Type"]) => t.call(getResource, { path: { resourceId: "33001" } })

const basicOf = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`

/** Decodes one base64url part of a compact JWT. */
const jwtPart = (assertion: string, index: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(assertion.split(".")[index] ?? "", "base64url").toString("utf8"))

const verifyRs256 = (assertion: string, publicKeyPem: string): boolean => {
  const [header, payload, signature] = assertion.split(".")
  return createVerify("RSA-SHA256")
    .update(`${header}.${payload}`)
    .verify(publicKeyPem, Buffer.from(signature ?? "", "base64url"))
}

const rsaKeys = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" }
  })

describe("Basic", () => {
  it.scopedLive("sends clientId@instance:secret, base64-encoded", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ apiAnswer: () => resourceAnswer })
      const resource = yield* withTransport(testOptions(server.url), getOne)
      expect(resource).toEqual({ resourceId: "33001", name: "Tech One" })
      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([basicOf("itest@test", "s3cret-basic")])
      expect(server.tokenRequests()).toHaveLength(0)
    })
  )
})

describe("Bearer (caller-supplied token)", () => {
  const bearer = (token: string): Partial<OfscConfigOptions> => ({
    credentials: { _tag: "Bearer", token: Redacted.make(token) }
  })

  it.scopedLive("sends the token as given", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ apiAnswer: () => resourceAnswer })
      yield* withTransport(testOptions(server.url, bearer("given-token-1")), getOne)
      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer given-token-1"])
      expect(server.tokenRequests()).toHaveLength(0)
    })
  )

  it.scopedLive("a 401 is OfscAuthenticationError, with no retry and no token request", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ apiAnswer: () => unauthorized })
      const error = yield* Effect.flip(withTransport(testOptions(server.url, bearer("stale-token")), getOne))
      expect(error._tag).toBe("OfscAuthenticationError")
      expect(error).toBeInstanceOf(OfscAuthenticationError)
      expect(error).toMatchObject({ _tag: "OfscAuthenticationError", status: 401, operation: "core.resources.get" })
      expect(server.apiRequests()).toHaveLength(1)
      expect(server.tokenRequests()).toHaveLength(0)
    })
  )
})

describe("OAuth2 client credentials", () => {
  it.scopedLive("gets a token with a form-encoded client_credentials grant, then calls with Bearer", () =>
    Effect.gen(function* () {
      const server = yield* authServer()
      const resource = yield* withTransport(ccOptions(server.url), getOne)
      expect(resource.resourceId).toBe("33001")

      const [token] = server.tokenRequests()
      expect(token?.method).toBe("POST")
      expect(token?.path).toBe("/rest/oauthTokenService/v2/token")
      expect(token?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/)
      expect(token?.headers.authorization).toBe(basicOf("itest-app@test", "cc-s3cret"))
      expect(Object.fromEntries(formOf(token))).toEqual({ grant_type: "client_credentials" })

      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([`Bearer ${server.issued[0]}`])
    })
  )

  it.scopedLive("50 concurrent calls share one token request", () =>
    Effect.gen(function* () {
      // the token answer is slow, so every call is waiting for it at once
      const server = yield* authServer({ tokenDelayMs: 150 })
      const results = yield* withTransport(ccOptions(server.url, { concurrency: 50, timeout: "20 seconds" }), (t) =>
        Effect.forEach(
          Array.from({ length: 50 }, (_, i) => String(i)),
          (resourceId) => t.call(getResource, { path: { resourceId } }),
          { concurrency: 50 }
        )
      )
      expect(results).toHaveLength(50)
      expect(server.tokenRequests()).toHaveLength(1)
      expect(server.apiRequests()).toHaveLength(50)
      expect(new Set(server.apiRequests().map((r) => r.headers.authorization))).toEqual(
        new Set([`Bearer ${server.issued[0]}`])
      )
    })
  )

  it.scopedLive("keeps the token across sequential calls", () =>
    Effect.gen(function* () {
      const server = yield* authServer()
      yield* withTransport(ccOptions(server.url), (t) => Effect.repeatN(getOne(t), 4))
      expect(server.apiRequests()).toHaveLength(5)
      expect(server.tokenRequests()).toHaveLength(1)
    })
  )

  // it.scoped on purpose: this test moves the TestClock instead of waiting, so it must not run live
  it.scoped("refreshes a token before it expires (10% of its lifetime early)", () =>
    Effect.gen(function* () {
      // expires_in=2: the token is used until 1.8 s, and replaced from then on, before it dies at 2 s
      const server = yield* authServer({ expiresIn: 2 })
      yield* withTransport(ccOptions(server.url), (t) =>
        Effect.gen(function* () {
          yield* getOne(t)
          yield* TestClock.adjust("1700 millis")
          yield* getOne(t)
          expect(server.tokenRequests()).toHaveLength(1)
          yield* TestClock.adjust("200 millis")
          yield* getOne(t)
        })
      )
      expect(server.tokenRequests()).toHaveLength(2)
      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([
        `Bearer ${server.issued[0]}`,
        `Bearer ${server.issued[0]}`,
        `Bearer ${server.issued[1]}`
      ])
    })
  )

  it.scopedLive("a 401 costs one token refresh and one retry", () =>
    Effect.gen(function* () {
      const server = yield* authServer({
        // OFS revoked the first token early
        apiAnswer: (authorization, s) => (authorization === `Bearer ${s.issued[1]}` ? resourceAnswer : unauthorized)
      })
      const resource = yield* withTransport(ccOptions(server.url), getOne)
      expect(resource).toEqual({ resourceId: "33001", name: "Tech One" })
      expect(server.tokenRequests()).toHaveLength(2)
      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([
        `Bearer ${server.issued[0]}`,
        `Bearer ${server.issued[1]}`
      ])
    })
  )

  it.scopedLive("a 401 that persists fails with OfscAuthenticationError after exactly one refresh", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ apiAnswer: () => unauthorized })
      const error = yield* Effect.flip(withTransport(ccOptions(server.url), getOne))
      expect(error._tag).toBe("OfscAuthenticationError")
      expect(error).toBeInstanceOf(OfscAuthenticationError)
      expect(error).toMatchObject({ status: 401, path: "/rest/ofscCore/v1/resources/33001" })
      expect(server.apiRequests()).toHaveLength(2)
      expect(server.tokenRequests()).toHaveLength(2)
    })
  )

  it.scopedLive("the token service's 429 and 5xx are retried with the transport's schedule", () =>
    Effect.gen(function* () {
      const refusals = [429, 503, 500]
      const server = yield* authServer({
        tokenAnswer: (n) => {
          const status = refusals[n - 1]
          return status === undefined ? undefined : { status, json: { title: "busy", status: String(status) } }
        }
      })
      const resource = yield* withTransport(ccOptions(server.url), getOne)
      expect(resource).toEqual(resourceAnswer.json)
      expect(server.tokenRequests()).toHaveLength(4)
      expect(server.apiRequests()).toHaveLength(1)
    })
  )

  it.scopedLive("a token service that keeps failing costs one retry budget, not one per call attempt", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ tokenAnswer: () => ({ status: 503, json: { title: "down", status: "503" } }) })
      const error = yield* Effect.flip(withTransport(ccOptions(server.url), getOne))
      expect(error).toMatchObject({ _tag: "OfscServerError", status: 503, operation: "auth.token" })
      // maxRetries 3: four token requests, and the call itself is not retried on top of them
      expect(server.tokenRequests()).toHaveLength(4)
      expect(server.apiRequests()).toHaveLength(0)
    })
  )

  it.scopedLive("a token service refusal (400 invalid_client) is not retried", () =>
    Effect.gen(function* () {
      const server = yield* authServer({
        tokenAnswer: () => ({ status: 400, json: { title: "invalid_client", status: "400" } })
      })
      const error = yield* Effect.flip(withTransport(ccOptions(server.url), getOne))
      expect(error._tag).toBe("OfscAuthenticationError")
      expect(server.tokenRequests()).toHaveLength(1)
    })
  )

  it.scopedLive("calls queued behind the concurrency bound take their token when they run", () =>
    Effect.gen(function* () {
      // tokens live 1 s (refreshed from 0.9 s); 200 calls of 40 ms behind 4 permits take about 2 s,
      // and each token is rejected by the server from the moment it is 1 s old
      const born = new Map<string, number>()
      const server = yield* authServer({
        expiresIn: 1,
        apiAnswer: (authorization, s) => {
          for (const t of s.issued) if (!born.has(t)) born.set(t, Date.now())
          const token = s.issued.find((t) => authorization === `Bearer ${t}`)
          if (token === undefined || Date.now() - (born.get(token) ?? 0) >= 1000) return unauthorized
          return { ...resourceAnswer, delayMs: 40 }
        }
      })
      const results = yield* withTransport(ccOptions(server.url, { concurrency: 4, retry: false }), (t) =>
        Effect.forEach(Array.from({ length: 200 }), () => getOne(t), { concurrency: "unbounded" })
      )
      expect(results).toHaveLength(200)
      // a call that reaches the server just as its token turns 1 s old gets one refresh and retry
      // (a loaded machine makes that likelier); none fails, and none waits long enough to need two
      expect(server.apiRequests().length).toBeGreaterThanOrEqual(200)
      expect(server.apiRequests().length).toBeLessThan(240)
      expect(server.tokenRequests().length).toBeGreaterThanOrEqual(1)
    })
  )

  it.scopedLive("a burst of 401s on the same token triggers one refresh, not one per call", () =>
    Effect.gen(function* () {
      const server = yield* authServer({
        apiAnswer: (authorization, s) => (authorization === `Bearer ${s.issued[0]}` ? unauthorized : resourceAnswer)
      })
      const results = yield* withTransport(ccOptions(server.url, { concurrency: 20 }), (t) =>
        Effect.forEach(Array.from({ length: 20 }), () => getOne(t), { concurrency: 20 })
      )
      expect(results).toHaveLength(20)
      expect(server.tokenRequests()).toHaveLength(2)
    })
  )

  it.scoped.each([
    { status: 400, title: "Bad Request", detail: "unsupported grant" },
    { status: 401, title: "Unauthorized", detail: "invalid client credentials" }
  ])(
    "a $status from the token service fails the call with OfscAuthenticationError and sends nothing",
    ({ status, title, detail }) =>
      Effect.gen(function* () {
        const server = yield* authServer({
          tokenAnswer: () => ({ status, json: { type: "about:blank", title, status: String(status), detail } })
        })
        const error = yield* Effect.flip(withTransport(ccOptions(server.url), getOne))
        expect(error._tag).toBe("OfscAuthenticationError")
        expect(error).toBeInstanceOf(OfscAuthenticationError)
        expect(error).toMatchObject({ operation: "auth.token", path: tokenPath, status, title, detail })
        expect(server.tokenRequests()).toHaveLength(1)
        expect(server.apiRequests()).toHaveLength(0)
      })
  )

  for (const [what, answer] of [
    ["whose answer comes too late", { delayMs: 2_000, json: { access_token: "late", expires_in: 3600 } }],
    ["whose answer body stops arriving", { stallBody: true, json: { access_token: "stalled", expires_in: 3600 } }]
  ] as const) {
    it.scopedLive(`a token service ${what} fails with Timeout once retries run out, and nothing is sent`, () =>
      Effect.gen(function* () {
        const server = yield* authServer({ tokenAnswer: () => answer })
        const options = ccOptions(server.url, {
          attemptTimeout: "100 millis",
          retry: { maxRetries: 1, baseDelay: "1 millis" }
        })
        const started = performance.now()
        const error = yield* Effect.flip(withTransport(options, getOne))
        expect(error).toMatchObject({ _tag: "OfscTransportError", reason: "Timeout", operation: "auth.token" })
        expect(performance.now() - started).toBeLessThan(1_500)
        expect(server.tokenRequests()).toHaveLength(2)
        expect(server.apiRequests()).toHaveLength(0)
      })
    )
  }

  it.scopedLive("a token answer without access_token is a decode error, and nothing is sent", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ tokenAnswer: () => ({ json: { token: "v1-style-field" } }) })
      const error = yield* Effect.flip(withTransport(ccOptions(server.url), getOne))
      expect(error).toMatchObject({ _tag: "OfscDecodeError", operation: "auth.token", status: 200 })
      expect(server.apiRequests()).toHaveLength(0)
    })
  )
})

describe("OAuth2 JWT bearer", () => {
  const keys = rsaKeys()
  const jwtOptions = (url: string, extra: Partial<Extract<OfscCredentials, { _tag: "JwtBearer" }>> = {}) =>
    testOptions(url, {
      credentials: {
        _tag: "JwtBearer",
        clientId: "itest-jwt-client",
        applicationId: "dispatch_app",
        privateKey: Redacted.make(keys.privateKey),
        ...extra
      }
    })

  it.scopedLive("sends an RS256 assertion the public key verifies, acting as the application", () =>
    Effect.gen(function* () {
      const server = yield* authServer()
      const before = Math.floor(Date.now() / 1000)
      yield* withTransport(jwtOptions(server.url), getOne)
      const after = Math.ceil(Date.now() / 1000)

      const [request] = server.tokenRequests()
      expect(server.tokenRequests()).toHaveLength(1)
      const form = formOf(request)
      expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer")
      // without a client secret the assertion is the only credential
      expect(request?.headers.authorization).toBeUndefined()

      const assertion = form.get("assertion") ?? ""
      expect(assertion.split(".")).toHaveLength(3)
      expect(verifyRs256(assertion, keys.publicKey)).toBe(true)
      expect(verifyRs256(assertion, rsaKeys().publicKey)).toBe(false)
      expect(jwtPart(assertion, 0)).toMatchObject({ alg: "RS256" })

      const claims = jwtPart(assertion, 1)
      expect(claims).toMatchObject({
        iss: "itest-jwt-client",
        aud: "ofsc:test:dispatch_app",
        sub: "ofsc:test:dispatch_app"
      })
      const { iat, exp } = claims as { iat: number; exp: number }
      expect(iat).toBeGreaterThanOrEqual(before)
      expect(iat).toBeLessThanOrEqual(after)
      expect(exp).toBeGreaterThan(iat)
      expect(exp - iat).toBeLessThanOrEqual(300)

      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([`Bearer ${server.issued[0]}`])
    })
  )

  it.scopedLive("acts as a user, names the key and authenticates the client when told to", () =>
    Effect.gen(function* () {
      const server = yield* authServer()
      yield* withTransport(
        jwtOptions(server.url, { subject: "jdoe", keyId: "key-2", clientSecret: Redacted.make("jwt-client-s3cret") }),
        getOne
      )
      const [request] = server.tokenRequests()
      const assertion = formOf(request).get("assertion") ?? ""
      expect(verifyRs256(assertion, keys.publicKey)).toBe(true)
      expect(jwtPart(assertion, 0)).toMatchObject({ alg: "RS256", kid: "key-2" })
      expect(jwtPart(assertion, 1)).toMatchObject({ sub: "jdoe", aud: "ofsc:test:dispatch_app" })
      expect(request?.headers.authorization).toBe(basicOf("itest-jwt-client@test", "jwt-client-s3cret"))
    })
  )

  it.scopedLive("a 401 gets a fresh assertion and token, once", () =>
    Effect.gen(function* () {
      const server = yield* authServer({
        apiAnswer: (authorization, s) => (authorization === `Bearer ${s.issued[1]}` ? resourceAnswer : unauthorized)
      })
      yield* withTransport(jwtOptions(server.url), getOne)
      expect(server.tokenRequests()).toHaveLength(2)
      expect(server.apiRequests()).toHaveLength(2)
      for (const request of server.tokenRequests()) {
        expect(verifyRs256(formOf(request).get("assertion") ?? "", keys.publicKey)).toBe(true)
      }
    })
  )
})

describe("Custom auth", () => {
  const customLayer = (url: string, auth: Layer.Layer<OfscAuth>) =>
    OfscTransport.layer.pipe(
      Layer.provide(
        Layer.mergeAll(
          OfscConfig.layer({ baseUrl: url, credentials: { _tag: "Custom" } }),
          auth,
          NodeHttpClient.layerUndici
        )
      )
    )

  it.scopedLive("uses the header the custom layer produces", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => resourceAnswer)
      yield* Effect.flatMap(OfscTransport, getOne).pipe(
        Effect.provide(customLayer(server.url, OfscAuth.custom(Effect.succeed(Redacted.make("Partner key=abc123")))))
      )
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Partner key=abc123"])
    })
  )

  it.scopedLive("a custom refresh is asked once after a 401 and its new header is used", () =>
    Effect.gen(function* () {
      const server = yield* testServer((r) =>
        r.headers.authorization === "Partner v2" ? resourceAnswer : unauthorized
      )
      const version = yield* Ref.make(1)
      const rejected: Array<string> = []
      const auth = OfscAuth.custom(
        Effect.map(Ref.get(version), (v) => Redacted.make(`Partner v${v}`)),
        (header) => {
          rejected.push(Redacted.value(header))
          return Effect.as(
            Ref.update(version, (v) => v + 1),
            true
          )
        }
      )
      yield* Effect.flatMap(OfscTransport, getOne).pipe(Effect.provide(customLayer(server.url, auth)))
      expect(rejected).toEqual(["Partner v1"])
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Partner v1", "Partner v2"])
    })
  )

  it.scopedLive("Custom credentials without a custom layer are a config error, before any request", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => resourceAnswer)
      const error = yield* Effect.flip(
        withTransport(testOptions(server.url, { credentials: { _tag: "Custom" } }), getOne)
      )
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "credentials" })
      expect(server.requests).toHaveLength(0)
    })
  )
})
