/**
 * Turns flags, `OFSC_*` environment variables and the active profile into client options, in that
 * order of precedence. A missing or bad setting becomes one `OfscConfigError` naming where to set it.
 */
import { FileSystem, type Path } from "@effect/platform"
import { envKeys, OfscConfigError, type OfscConfigOptions, type OfscCredentials } from "@ofsc/core"
import { Effect, Option, Redacted } from "effect"
import type { CliError } from "../app/CliError.js"
import { type AuthMode, authModes, type ConnectionFlags } from "../app/globalOptions.js"
import { type Profile, readProfiles } from "./ProfileStore.js"

const fail = (key: string, reason: string) => Effect.fail(new OfscConfigError({ key, reason }))

const envValue = (env: NodeJS.ProcessEnv, key: string): string | undefined => {
  const value = env[key]
  return value === undefined || value === "" ? undefined : value
}

/** The profile to use: `--profile`, else the active one, else none. */
const chooseProfile = (
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv
): Effect.Effect<
  { readonly name: string; readonly profile: Profile } | undefined,
  CliError | OfscConfigError,
  FileSystem.FileSystem | Path.Path
> =>
  Effect.gen(function* () {
    const file = yield* readProfiles(env)
    const name = Option.getOrUndefined(flags.profile) ?? file.active
    if (name === undefined) return undefined
    const profile = file.profiles[name]
    if (profile === undefined) return yield* fail("profile", `"${name}" does not exist (see ofsc profile list)`)
    return { name, profile }
  })

/** The profile's secret: stored, from the variable it names, or from the file it names. */
const profileSecret = (
  profile: Profile,
  env: NodeJS.ProcessEnv,
  name: string
): Effect.Effect<string | undefined, OfscConfigError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    if (profile.secret !== undefined) return profile.secret
    if (profile.secretEnv !== undefined) {
      const value = envValue(env, profile.secretEnv)
      if (value === undefined)
        return yield* fail(profile.secretEnv, `is not set (profile "${name}" reads its secret from it)`)
      return value
    }
    if (profile.secretFile !== undefined) {
      const fs = yield* FileSystem.FileSystem
      const file = profile.secretFile
      return yield* fs
        .readFileString(file)
        .pipe(
          Effect.mapError(
            () =>
              new OfscConfigError({ key: file, reason: `cannot be read (profile "${name}" keeps its secret there)` })
          )
        )
    }
    return undefined
  })

/** The environment variable that holds the secret of each mode. */
const secretEnvKey: Record<AuthMode, string> = {
  basic: envKeys.clientSecret,
  client_credentials: envKeys.clientSecret,
  jwt: envKeys.jwtPrivateKey,
  bearer: envKeys.accessToken
}

const integerFromEnv = (env: NodeJS.ProcessEnv, key: string): Effect.Effect<number | undefined, OfscConfigError> => {
  const text = envValue(env, key)
  if (text === undefined) return Effect.succeed(undefined)
  const value = Number(text)
  return Number.isInteger(value) ? Effect.succeed(value) : fail(key, `"${text}" is not a whole number`)
}

/** One attempt's timeout: `OFSC_ATTEMPT_TIMEOUT_MS`, else the deprecated `OFSC_TIMEOUT_MS`. */
const attemptTimeoutFromEnv = (env: NodeJS.ProcessEnv): Effect.Effect<number | undefined, OfscConfigError> =>
  envValue(env, envKeys.attemptTimeoutMs) === undefined
    ? integerFromEnv(env, envKeys.timeoutMs)
    : integerFromEnv(env, envKeys.attemptTimeoutMs)

/** The retry budgets the environment sets: `OFSC_MAX_RETRIES` (faults) and `OFSC_RATE_LIMIT_WAIT_MS` (429s). */
const retryFromEnv = (env: NodeJS.ProcessEnv): Effect.Effect<OfscConfigOptions["retry"], OfscConfigError> =>
  Effect.map(
    Effect.all([integerFromEnv(env, envKeys.maxRetries), integerFromEnv(env, envKeys.rateLimitWaitMs)]),
    ([maxRetries, waitMs]) =>
      maxRetries === undefined && waitMs === undefined
        ? undefined
        : { maxRetries, rateLimitWait: waitMs === undefined ? undefined : (`${waitMs} millis` as const) }
  )

/** Resolves the connection to client options (flags, then environment, then profile). */
export const resolveConnection = (
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv
): Effect.Effect<OfscConfigOptions, OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const chosen = yield* chooseProfile(flags, env)
    const profile = chosen?.profile
    const where = (flag: string, key: string) =>
      `--${flag}, ${key}${chosen === undefined ? " or a profile (ofsc profile add)" : ` or profile "${chosen.name}"`}`
    // the base URL comes from the first place that sets it or an instance (a base URL wins over an
    // instance, so a lower one must not override a higher instance); the instance from its own order
    const flagTarget = {
      instance: Option.getOrUndefined(flags.instance),
      baseUrl: Option.getOrUndefined(flags.baseUrl)
    }
    const envTarget = { instance: envValue(env, envKeys.instance), baseUrl: envValue(env, envKeys.baseUrl) }
    const profileTarget = { instance: profile?.instance, baseUrl: profile?.baseUrl }
    const target = [flagTarget, envTarget, profileTarget].find(
      (t) => t.instance !== undefined || t.baseUrl !== undefined
    )
    if (target === undefined) {
      return yield* fail(
        "instance",
        `is not set: use --instance or --base-url, ${envKeys.instance} or ${envKeys.baseUrl}, a profile (ofsc profile add), or --simulator`
      )
    }
    const authText = Option.getOrUndefined(flags.auth) ?? envValue(env, envKeys.auth) ?? profile?.auth ?? "basic"
    if (!(authModes as ReadonlyArray<string>).includes(authText)) {
      return yield* fail(envKeys.auth, `"${authText}" is not one of ${authModes.join(", ")}`)
    }
    const auth = authText as AuthMode
    const clientId = Option.getOrUndefined(flags.clientId) ?? envValue(env, envKeys.clientId) ?? profile?.clientId
    const secret =
      Option.getOrUndefined(flags.clientSecret) ??
      envValue(env, secretEnvKey[auth]) ??
      (chosen === undefined ? undefined : yield* profileSecret(chosen.profile, env, chosen.name))
    const secretKey = secretEnvKey[auth]
    const needClientId = auth !== "bearer" && clientId === undefined
    if (needClientId) return yield* fail("client id", `is not set: use ${where("client-id", envKeys.clientId)}`)
    if (secret === undefined) return yield* fail("secret", `is not set: use ${where("client-secret", secretKey)}`)
    const credentials = yield* credentialsFor(auth, clientId ?? "", Redacted.make(secret), env, profile)
    const decodePolicy = envValue(env, envKeys.decodePolicy)
    if (decodePolicy !== undefined && decodePolicy !== "fail" && decodePolicy !== "warn") {
      return yield* fail(envKeys.decodePolicy, `"${decodePolicy}" is not one of fail, warn`)
    }
    return {
      instance: flagTarget.instance ?? envTarget.instance ?? profileTarget.instance,
      baseUrl: target.baseUrl,
      credentials,
      attemptTimeout: yield* Effect.map(attemptTimeoutFromEnv(env), (ms) =>
        ms === undefined ? undefined : (`${ms} millis` as const)
      ),
      userAgent: envValue(env, envKeys.userAgent),
      retry: yield* retryFromEnv(env),
      concurrency: yield* integerFromEnv(env, envKeys.concurrency),
      decodePolicy
    }
  })

const credentialsFor = (
  auth: AuthMode,
  clientId: string,
  secret: Redacted.Redacted<string>,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined
): Effect.Effect<OfscCredentials, OfscConfigError> => {
  switch (auth) {
    case "basic":
      return Effect.succeed({ _tag: "Basic", clientId, clientSecret: secret })
    case "client_credentials":
      return Effect.succeed({ _tag: "ClientCredentials", clientId, clientSecret: secret })
    case "bearer":
      return Effect.succeed({ _tag: "Bearer", token: secret })
    case "jwt": {
      const applicationId = envValue(env, envKeys.jwtApplicationId) ?? profile?.applicationId
      if (applicationId === undefined)
        return fail(envKeys.jwtApplicationId, "is not set (or the profile's application id)")
      return Effect.succeed({
        _tag: "JwtBearer",
        clientId,
        applicationId,
        privateKey: secret,
        subject: envValue(env, envKeys.jwtSubject) ?? profile?.subject,
        keyId: envValue(env, envKeys.jwtKeyId) ?? profile?.keyId
      })
    }
  }
}
