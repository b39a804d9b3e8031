import { generateKeyPairSync } from "node:crypto"
import { it } from "@effect/vitest"
import { Cause, ConfigProvider, Effect, Exit, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
import { OfscClient, OfscConfig, type OfscConfigOptions, OfscHttpClient, OfscTransport, resolve } from "../src/index.js"
import { authServer, getResource, resourceAnswer } from "./support/authServer.js"
import { testOptions } from "./support/client.js"

/** Looks like PEM (it has the markers), but the body is not a key. */
const malformedPem = "-----BEGIN PRIVATE KEY-----\nTUlJQ2VBSUJBREFO-not-really\n-----END PRIVATE KEY-----\n"

const jwtCredentials = (privateKey: string) =>
  ({
    _tag: "JwtBearer",
    clientId: "itest-jwt-client",
    applicationId: "dispatch_app",
    privateKey: Redacted.make(privateKey)
  }) as const

const configError = (options: OfscConfigOptions) => Effect.flip(Effect.provide(OfscConfig, OfscConfig.layer(options)))

describe("a JWT private key is read when the configuration is built", () => {
  it.live("a malformed PEM key fails the layer, naming privateKey, without quoting the key", () =>
    Effect.gen(function* () {
      const error = yield* configError({ instance: "acme", credentials: jwtCredentials(malformedPem) })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "privateKey" })
      expect(error.message).not.toContain("TUlJQ2VBSUJBREFO")
    })
  )

  it.live("a key that cannot sign RS256 (an EC key) fails the layer too", () =>
    Effect.gen(function* () {
      const { privateKey } = generateKeyPairSync("ec", {
        namedCurve: "P-256",
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" }
      })
      const error = yield* configError({ instance: "acme", credentials: jwtCredentials(privateKey) })
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "privateKey" })
      expect(error.reason).toContain("RSA")
    })
  )

  it.live("from the environment, the error names OFSC_JWT_PRIVATE_KEY", () =>
    Effect.gen(function* () {
      const env = {
        OFSC_INSTANCE: "acme",
        OFSC_AUTH: "jwt",
        OFSC_CLIENT_ID: "app",
        OFSC_JWT_APPLICATION_ID: "dispatch_app",
        OFSC_JWT_PRIVATE_KEY: malformedPem
      }
      const error = yield* Effect.flip(
        Effect.provide(
          OfscConfig,
          OfscConfig.layerFromEnv.pipe(
            Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))
          )
        )
      )
      expect(error).toMatchObject({ _tag: "OfscConfigError", key: "OFSC_JWT_PRIVATE_KEY" })
    })
  )

  it.scopedLive("a key that slips past the checks (a config built by hand) fails the call typed, not as a defect", () =>
    Effect.gen(function* () {
      const server = yield* authServer({ apiAnswer: () => resourceAnswer })
      // resolve a valid config, then swap the key: what a hand-made OfscConfig layer could hold
      const good = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" }
      }).privateKey
      const resolved = yield* resolve(testOptions(server.url, { credentials: jwtCredentials(good) }))
      const config = Layer.succeed(OfscConfig, { ...resolved, credentials: jwtCredentials(malformedPem) })
      const exit = yield* Effect.exit(
        Effect.flatMap(OfscTransport, (t) => t.call(getResource, { path: { resourceId: "33001" } })).pipe(
          Effect.provide(OfscClient.fromConfig(config).pipe(Layer.provide(OfscHttpClient.layerUndici)))
        )
      )
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(false)
      expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe(
        "OfscAuthenticationError"
      )
      expect(server.tokenRequests()).toHaveLength(0)
      expect(server.apiRequests()).toHaveLength(0)
    })
  )
})
