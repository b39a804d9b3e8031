import { generateKeyPairSync, randomUUID } from "node:crypto"
import { FetchHttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { it } from "@effect/vitest"
import { Effect, Exit, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
import {
  OfscAuth,
  OfscClient,
  OfscConfig,
  type OfscConfigOptions,
  OfscHttpClient,
  OfscTransport
} from "../src/index.js"
import { type AuthServer, authServer, formOf, getResource, resourceAnswer, unauthorized } from "./support/authServer.js"
import { type Capture, makeCapture } from "./support/capture.js"
import { clientLayer, testOptions } from "./support/client.js"
import { spanText, withOtel } from "./support/otel.js"

/** A secret nobody could mistake for anything else in the captured text. */
const secret = (name: string) => `${name}-${randomUUID()}`

const basicValue = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString("base64")

/** Runs one call with a fresh client, capturing its logs, spans, config, auth service and outcome. */
const capturedCall = (capture: Capture, options: OfscConfigOptions, resourceId = "33001") =>
  Effect.gen(function* () {
    const { transport, config, auth } = yield* Effect.all({
      transport: OfscTransport,
      config: OfscConfig,
      auth: OfscAuth
    })
    capture.record("config", config)
    capture.record("auth service", auth)
    return yield* transport.call(getResource, { path: { resourceId } })
  }).pipe(
    Effect.provide(clientLayer(options)),
    // what an application would do with a failure: log it with its cause
    Effect.tapErrorCause((cause) => Effect.logError("ofsc call failed", cause)),
    Effect.exit,
    Effect.tap((exit) => capture.recordExit(exit)),
    capture.around
  )

/** Everything the servers saw that counts as a secret: access tokens and JWT assertions. */
const serverSecrets = (servers: ReadonlyArray<AuthServer>): Array<string> =>
  servers.flatMap((s) => [
    ...s.issued,
    ...s.tokenRequests().flatMap((r) => {
      const assertion = formOf(r).get("assertion")
      return assertion === null ? [] : [assertion, assertion.split(".")[2] ?? assertion]
    })
  ])

/** Fails naming every secret found in the capture; also proves the capture is not empty. */
const expectNoSecrets = (capture: Capture, secrets: ReadonlyArray<string>) => {
  const text = capture.text()
  expect(capture.logCount()).toBeGreaterThan(0)
  expect(text).toContain("ofsc request")
  expect(text).toMatch(/status=\d{3}/)
  expect(secrets.length).toBeGreaterThan(0)
  for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(8)
  const leaked = secrets.filter((s) => text.includes(s))
  expect(leaked).toEqual([])
}

const exitTags = (exits: ReadonlyArray<{ _tag: string; cause?: unknown }>) => exits.map((e) => e._tag)

describe("secrets stay out of logs, spans, errors and config", () => {
  it.scopedLive("Basic: a retried 503, a success and a 401", () =>
    Effect.gen(function* () {
      const capture = makeCapture()
      const password = secret("basic-secret")
      let calls = 0
      const server = yield* authServer({
        apiAnswer: () =>
          ++calls === 1 ? { status: 503, json: { title: "Service Unavailable", status: "503" } } : resourceAnswer
      })
      const options = testOptions(server.url, {
        credentials: { _tag: "Basic", clientId: "redaction-basic", clientSecret: Redacted.make(password) }
      })
      const ok = yield* capturedCall(capture, options)
      const rejecting = yield* authServer({ apiAnswer: () => unauthorized })
      const failed = yield* capturedCall(capture, { ...options, baseUrl: rejecting.url })

      expect(exitTags([ok, failed])).toEqual(["Success", "Failure"])
      const header = `Basic ${basicValue("redaction-basic@test", password)}`
      expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([header, header])
      const text = capture.text()
      expect(text).toContain("status=503")
      expect(text).toContain("status=401")
      expect(text).toContain("OfscAuthenticationError")
      expectNoSecrets(capture, [password, basicValue("redaction-basic@test", password)])
    })
  )

  it.scopedLive("client credentials: a 401 and refresh, a persistent 401, a token service refusal", () =>
    Effect.gen(function* () {
      const capture = makeCapture()
      const password = secret("cc-secret")
      const options = (url: string) =>
        testOptions(url, {
          credentials: { _tag: "ClientCredentials", clientId: "redaction-cc", clientSecret: Redacted.make(password) }
        })
      const refreshing = yield* authServer({
        apiAnswer: (authorization, s) => (authorization === `Bearer ${s.issued[1]}` ? resourceAnswer : unauthorized)
      })
      const rejecting = yield* authServer({ apiAnswer: () => unauthorized })
      const refusingTokens = yield* authServer({
        tokenAnswer: () => ({ status: 401, json: { title: "Unauthorized", status: "401", detail: "bad client" } })
      })
      const exits = [
        yield* capturedCall(capture, options(refreshing.url)),
        yield* capturedCall(capture, options(rejecting.url)),
        yield* capturedCall(capture, options(refusingTokens.url))
      ]

      expect(exitTags(exits)).toEqual(["Success", "Failure", "Failure"])
      expect(refreshing.tokenRequests()).toHaveLength(2)
      expect(refusingTokens.tokenRequests()[0]?.headers.authorization).toBe(
        `Basic ${basicValue("redaction-cc@test", password)}`
      )
      const text = capture.text()
      expect(text).toContain("status=401")
      expect(text).toContain("status=200")
      expect(text).toContain("ofsc.auth.token")
      const servers = [refreshing, rejecting, refusingTokens]
      expect(serverSecrets(servers)).toHaveLength(4)
      expectNoSecrets(capture, [password, basicValue("redaction-cc@test", password), ...serverSecrets(servers)])
    })
  )

  it.scopedLive("JWT bearer: a 401 and refresh, a refused assertion, a dropped token request", () =>
    Effect.gen(function* () {
      const capture = makeCapture()
      const { privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs8", format: "pem" }
      })
      const password = secret("jwt-client-secret")
      const options = (url: string) =>
        testOptions(url, {
          credentials: {
            _tag: "JwtBearer",
            clientId: "redaction-jwt",
            applicationId: "redaction_app",
            privateKey: Redacted.make(privateKey),
            clientSecret: Redacted.make(password)
          },
          retry: { maxRetries: 1, baseDelay: "5 millis", maxDelay: "10 millis" }
        })
      const refreshing = yield* authServer({
        apiAnswer: (authorization, s) => (authorization === `Bearer ${s.issued[1]}` ? resourceAnswer : unauthorized)
      })
      const refusing = yield* authServer({
        tokenAnswer: () => ({ status: 400, json: { title: "Bad Request", status: "400", detail: "assertion expired" } })
      })
      const dropping = yield* authServer({ tokenAnswer: () => ({ drop: true }) })
      const exits = [
        yield* capturedCall(capture, options(refreshing.url)),
        yield* capturedCall(capture, options(refusing.url)),
        yield* capturedCall(capture, options(dropping.url))
      ]

      expect(exitTags(exits)).toEqual(["Success", "Failure", "Failure"])
      const servers = [refreshing, refusing, dropping]
      const assertions = serverSecrets(servers).filter((s) => s.includes("."))
      // two for the refresh, one refused, one dropped and retried once
      expect(assertions).toHaveLength(5)
      const pemLines = privateKey.split("\n").filter((line) => line.length >= 40)
      expect(pemLines.length).toBeGreaterThan(10)
      expectNoSecrets(capture, [
        privateKey,
        ...pemLines,
        password,
        basicValue("redaction-jwt@test", password),
        ...serverSecrets(servers)
      ])
    })
  )

  it.scopedLive("caller-supplied bearer: a success and a 401", () =>
    Effect.gen(function* () {
      const capture = makeCapture()
      const token = secret("caller-token")
      const options = (url: string) =>
        testOptions(url, { credentials: { _tag: "Bearer", token: Redacted.make(token) } })
      const accepting = yield* authServer({ apiAnswer: () => resourceAnswer })
      const rejecting = yield* authServer({ apiAnswer: () => unauthorized })
      const exits: Array<{ _tag: string }> = [
        yield* capturedCall(capture, options(accepting.url)),
        yield* capturedCall(capture, options(rejecting.url))
      ]
      expect(exitTags(exits)).toEqual(["Success", "Failure"])
      expect(accepting.apiRequests()[0]?.headers.authorization).toBe(`Bearer ${token}`)
      expectNoSecrets(capture, [token])
    })
  )

  for (const [name, httpClient] of [
    ["OfscHttpClient.layerUndici", OfscHttpClient.layerUndici],
    ["FetchHttpClient", FetchHttpClient.layer],
    ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
    ["NodeHttpClient (node:http)", NodeHttpClient.layer]
  ] as const) {
    it.scopedLive(`client credentials over ${name}: no span (the platform's own included) holds a secret`, () =>
      Effect.gen(function* () {
        const capture = makeCapture()
        const password = secret("cc-any-client")
        const server = yield* authServer({})
        const options = testOptions(server.url, {
          credentials: { _tag: "ClientCredentials", clientId: "redaction-any", clientSecret: Redacted.make(password) }
        })
        const exit = yield* Effect.flatMap(OfscTransport, (t) =>
          t.call(getResource, { path: { resourceId: "33001" } })
        ).pipe(
          Effect.provide(OfscClient.layer(options).pipe(Layer.provide(httpClient))),
          Effect.exit,
          Effect.tap((exit) => capture.recordExit(exit)),
          capture.around
        )
        expect(exit._tag).toBe("Success")
        expect(server.tokenRequests()).toHaveLength(1)
        const text = capture.text()
        expect(text).toContain("span ofsc.auth.token")
        expectNoSecrets(capture, [password, basicValue("redaction-any@test", password), ...serverSecrets([server])])
      })
    )
  }

  it.scopedLive("with OpenTelemetry installed: no exported span attribute, event or status holds a secret", () =>
    Effect.gen(function* () {
      const password = secret("otel-cc-secret")
      const basicPassword = secret("otel-basic-secret")
      let calls = 0
      // a 401 that earns a refresh, then a 503 that is retried, then the answer
      const refreshing = yield* authServer({
        apiAnswer: (authorization, s) =>
          authorization !== `Bearer ${s.issued[1]}`
            ? unauthorized
            : ++calls === 1
              ? { status: 503, json: { title: "Service Unavailable", status: "503" } }
              : resourceAnswer
      })
      const refusingTokens = yield* authServer({
        tokenAnswer: () => ({ status: 401, json: { title: "Unauthorized", status: "401", detail: "bad client" } })
      })
      const basicRejecting = yield* authServer({ apiAnswer: () => unauthorized })
      const cc = (url: string) =>
        testOptions(url, {
          credentials: { _tag: "ClientCredentials", clientId: "otel-cc", clientSecret: Redacted.make(password) }
        })
      const basic = testOptions(basicRejecting.url, {
        credentials: { _tag: "Basic", clientId: "otel-basic", clientSecret: Redacted.make(basicPassword) }
      })
      const call = (options: OfscConfigOptions) =>
        Effect.flatMap(OfscTransport, (t) => t.call(getResource, { path: { resourceId: "33001" } })).pipe(
          Effect.provide(clientLayer(options)),
          Effect.exit
        )
      const { exit, spans } = yield* withOtel(
        Effect.all([call(cc(refreshing.url)), call(cc(refusingTokens.url)), call(basic)])
      )
      expect(Exit.isSuccess(exit) && exitTags(exit.value)).toEqual(["Success", "Failure", "Failure"])
      const names = spans.map((s) => s.name)
      expect(names.filter((n) => n === "ofsc.auth.token")).toHaveLength(3)
      expect(names.filter((n) => n === "ofsc core.resources.get")).toHaveLength(3)
      const text = spans.map(spanText).join("\n")
      // the spans say what happened: statuses, attempts, the error and its message
      expect(text).toContain('"ofsc.attempts":3')
      expect(text).toContain('"http.response.status_code":401')
      expect(text).toContain("answered 401")
      const secrets = [
        password,
        basicPassword,
        basicValue("otel-cc@test", password),
        basicValue("otel-basic@test", basicPassword),
        ...serverSecrets([refreshing, refusingTokens])
      ]
      expect(serverSecrets([refreshing])).toHaveLength(2)
      expect(secrets.filter((s) => text.includes(s))).toEqual([])
    })
  )

  it.live("the leak check does find a secret that was logged", () =>
    Effect.gen(function* () {
      const capture = makeCapture()
      const leaked = secret("leaked")
      yield* capture.around(Effect.logDebug("ofsc request").pipe(Effect.annotateLogs({ status: 200, token: leaked })))
      const text = capture.text()
      expect(text).toContain("status=200")
      expect(text).toContain(leaked)
    })
  )
})
