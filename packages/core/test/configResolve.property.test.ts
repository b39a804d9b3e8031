/**
 * The configuration resolver, for anything a caller or an environment may hand it: a typed
 * `OfscConfigError` naming a setting (never a throw, never a defect), and the secret never in what
 * the error or the resolved configuration prints. Each run prints its seed: replay with FC_SEED=<seed>.
 */
import { ConfigProvider, Effect, Either, Exit, Redacted } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { envKeys, OfscConfigError, type OfscConfigOptions, resolve, resolveFromEnv } from "../src/index.js"

const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31))
console.info(`configResolve.property: FC_SEED=${seed}`)
const runs = { seed, numRuns: 300 }

/** A secret no other generated value can contain by chance. */
const secrets = fc.string({ minLength: 4, maxLength: 24 }).map((s) => `S3CR3T~${s}~`)

/** Values nobody should pass, and some that are nearly right. */
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom("", " ", "\r\n", "0", "-1", "NaN", "soon", "ftp://x", "http://", "1 second", "-5 millis"),
  fc.constantFrom(0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53),
  fc.tuple(fc.double(), fc.double()),
  fc.constant(Redacted.make(42)),
  fc.constant(null)
)

/** A field either well formed or hostile; absent sometimes. */
const field = <A>(good: fc.Arbitrary<A>) => fc.option(fc.oneof(good, hostile), { nil: undefined })

/** Credentials of every kind, the secret well wrapped or not (a plain string is a caller's mistake). */
const credentials = (secret: string) => {
  const wrapped = fc.constantFrom(Redacted.make(secret), secret, Redacted.make(` ${secret} `))
  return fc.oneof(
    fc.record({
      _tag: fc.constantFrom("Basic", "ClientCredentials"),
      clientId: field(fc.string()),
      clientSecret: wrapped
    }),
    fc.record({
      _tag: fc.constant("JwtBearer"),
      clientId: field(fc.string()),
      applicationId: field(fc.string()),
      privateKey: wrapped,
      clientSecret: fc.option(wrapped, { nil: undefined })
    }),
    fc.record({ _tag: fc.constant("Bearer"), token: wrapped }),
    fc.record({ _tag: fc.oneof(fc.string(), hostile), clientSecret: wrapped, token: wrapped }),
    fc.constant({ _tag: "Custom" }),
    hostile
  )
}

const options = secrets.chain((secret) =>
  fc.record({
    secret: fc.constant(secret),
    options: fc.oneof(
      {
        weight: 9,
        arbitrary: fc.record(
          {
            instance: field(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)),
            baseUrl: field(
              fc.constantFrom("http://127.0.0.1:9", "https://acme.fs.ocs.oraclecloud.com/", "https://x.example/p/")
            ),
            credentials: credentials(secret),
            attemptTimeout: field(fc.constantFrom("5 seconds", 100)),
            timeout: field(fc.constantFrom("5 seconds", 100)),
            userAgent: field(fc.string()),
            retry: fc.option(
              fc.oneof(
                fc.constant(false),
                fc.record({
                  maxRetries: field(fc.nat(5)),
                  baseDelay: field(fc.constant("1 second")),
                  rateLimitWait: field(fc.constant(0))
                }),
                hostile
              ),
              { nil: undefined }
            ),
            concurrency: field(fc.integer({ min: 1, max: 64 })),
            operationConcurrency: field(fc.dictionary(fc.string(), fc.oneof(fc.nat(4), hostile))),
            decodePolicy: field(fc.constantFrom("fail", "warn"))
          },
          { requiredKeys: ["credentials"] }
        )
      },
      { weight: 1, arbitrary: hostile }
    )
  })
)

/** Everything an error shows: its message, its string form and its JSON. */
const printed = (u: unknown): string => `${(u as Error).message} ${String(u)} ${JSON.stringify(u)}`

describe("resolve, for any options", () => {
  it("answers a configuration or a typed error naming a setting; never throws; never prints the secret", () =>
    fc.assert(
      fc.property(options, ({ options, secret }) => {
        const exit = Effect.runSyncExit(Effect.either(resolve(options as OfscConfigOptions)))
        expect(Exit.isSuccess(exit)).toBe(true)
        if (Exit.isFailure(exit)) return
        const result = exit.value
        if (Either.isLeft(result)) {
          expect(result.left).toBeInstanceOf(OfscConfigError)
          expect(result.left.key).toMatch(/^[\w.-]+/)
          expect(printed(result.left)).not.toContain(secret)
        } else {
          expect(JSON.stringify(result.right)).not.toContain(secret)
          expect(String(result.right.baseUrl)).toMatch(/^https?:\/\//)
        }
      }),
      runs
    ))

  it("accepts every well-formed configuration, keeping what it was given", () =>
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(20),
        fc.constantFrom("fail", "warn") as fc.Arbitrary<"fail" | "warn">,
        secrets,
        (instance, concurrency, maxRetries, decodePolicy, secret) => {
          const config = Effect.runSync(
            resolve({
              instance,
              credentials: { _tag: "Basic", clientId: "app", clientSecret: Redacted.make(secret) },
              concurrency,
              retry: { maxRetries },
              decodePolicy
            })
          )
          expect(config).toMatchObject({ instance, concurrency, decodePolicy, retry: { maxRetries } })
          expect(config.baseUrl).toBe(`https://${instance}.fs.ocs.oraclecloud.com`)
        }
      ),
      runs
    ))
})

const variable = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "0", "-1", "2.5", "1e3", "NaN", "soon", "http://127.0.0.1:9", "warn", "jwt", "bearer")
)

const environments = secrets.chain((secret) =>
  fc.record({
    secret: fc.constant(secret),
    env: fc.record(
      {
        [envKeys.instance]: fc.oneof(variable, fc.constant("acme")),
        [envKeys.baseUrl]: variable,
        [envKeys.auth]: fc.oneof(variable, fc.constantFrom("basic", "client_credentials", "jwt", "bearer")),
        [envKeys.clientId]: variable,
        [envKeys.clientSecret]: fc.constantFrom(secret, ` ${secret}`),
        [envKeys.accessToken]: fc.constant(secret),
        [envKeys.jwtPrivateKey]: fc.constant(`-----BEGIN PRIVATE KEY-----\n${secret}\n-----END PRIVATE KEY-----`),
        [envKeys.jwtApplicationId]: variable,
        [envKeys.attemptTimeoutMs]: variable,
        [envKeys.timeoutMs]: variable,
        [envKeys.userAgent]: variable,
        [envKeys.maxRetries]: variable,
        [envKeys.rateLimitWaitMs]: variable,
        [envKeys.concurrency]: variable,
        [envKeys.decodePolicy]: variable
      },
      { requiredKeys: [] }
    )
  })
)

describe("resolveFromEnv, for any OFSC_* variables", () => {
  it("answers a configuration or a typed error naming a variable; never throws; never prints the secret", () =>
    fc.assert(
      fc.property(environments, ({ env, secret }) => {
        const provider = ConfigProvider.fromMap(new Map(Object.entries(env) as Array<[string, string]>))
        const exit = Effect.runSyncExit(Effect.either(Effect.withConfigProvider(resolveFromEnv(), provider)))
        expect(Exit.isSuccess(exit)).toBe(true)
        if (Exit.isFailure(exit)) return
        const result = exit.value
        if (Either.isLeft(result)) {
          expect(result.left).toBeInstanceOf(OfscConfigError)
          expect(result.left.key).toMatch(/^OFSC_[A-Z_]+/)
          expect(printed(result.left)).not.toContain(secret)
        } else {
          expect(JSON.stringify(result.right)).not.toContain(secret)
        }
      }),
      runs
    ))
})
