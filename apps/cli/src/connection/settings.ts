/**
 * Turns flags, `OFSC_*` environment variables and the active profile into the client's
 * configuration, in that order of precedence. Each level is a `ConfigProvider` of the same `OFSC_*`
 * keys; chained with `ConfigProvider.orElse`, they feed core's one resolver (`resolveFromEnv`), so
 * the CLI checks nothing itself. A missing or bad setting is one `OfscConfigError` naming it.
 */
import { FileSystem, type Path } from "@effect/platform"
import {
  authModes,
  envKeys,
  type OfscAuthMode,
  OfscConfigError,
  type OfscConfigShape,
  resolveFromEnv,
  secretEnvKeys
} from "@ofsc/core"
import { Config, ConfigProvider, Effect, Option } from "effect"
import type { CliError } from "../app/CliError.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { type Profile, readProfiles } from "./ProfileStore.js"

/** Connection flags that set nothing but `given`: what a command uses to pick a connection itself. */
export const connectionFlags = (given: Partial<ConnectionFlags> = {}): ConnectionFlags => ({
  profile: Option.none(),
  instance: Option.none(),
  baseUrl: Option.none(),
  clientId: Option.none(),
  clientSecret: Option.none(),
  auth: Option.none(),
  simulator: false,
  simulatorSize: "small",
  ...given
})

const fail = (key: string, reason: string) => Effect.fail(new OfscConfigError({ key, reason }))

/** One level of settings, by the `OFSC_*` names core reads; unset and empty values are left out. */
type Level = Map<string, string>

const level = (entries: ReadonlyArray<readonly [string, string | undefined]>): Level =>
  new Map(entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""))

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
      const value = env[profile.secretEnv]
      if (value === undefined || value === "")
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

const flagLevel = (flags: ConnectionFlags): Level =>
  level([
    [envKeys.instance, Option.getOrUndefined(flags.instance)],
    [envKeys.baseUrl, Option.getOrUndefined(flags.baseUrl)],
    [envKeys.auth, Option.getOrUndefined(flags.auth)],
    [envKeys.clientId, Option.getOrUndefined(flags.clientId)]
  ])

const envLevel = (env: NodeJS.ProcessEnv): Level =>
  level(Object.entries(env).filter(([key]) => key.startsWith("OFSC_")))

const profileLevel = (profile: Profile | undefined): Level =>
  level([
    [envKeys.instance, profile?.instance],
    [envKeys.baseUrl, profile?.baseUrl],
    [envKeys.auth, profile?.auth],
    [envKeys.clientId, profile?.clientId],
    [envKeys.jwtApplicationId, profile?.applicationId],
    [envKeys.jwtSubject, profile?.subject],
    [envKeys.jwtKeyId, profile?.keyId]
  ])

/**
 * The base URL and instance come from the first level that sets either: a base URL wins over an
 * instance, so a lower level's base URL must not override a higher level's instance.
 */
const oneTarget = (levels: readonly [Level, Level, Level]): readonly [Level, Level, Level] => {
  const first = levels.findIndex((l) => l.has(envKeys.instance) || l.has(envKeys.baseUrl))
  const kept = (l: Level, i: number) =>
    first < 0 || i <= first ? l : new Map([...l].filter(([key]) => key !== envKeys.baseUrl))
  return [kept(levels[0], 0), kept(levels[1], 1), kept(levels[2], 2)]
}

/** The levels as one provider: the first that has a key answers it. */
const chain = (levels: ReadonlyArray<Level>): ConfigProvider.ConfigProvider =>
  levels
    .map((l) => ConfigProvider.fromMap(l))
    .reduceRight((lower, higher) => ConfigProvider.orElse(higher, () => lower))

const with_ = (l: Level, key: string, value: string | undefined): Level =>
  value === undefined ? l : new Map([...l, [key, value]])

/** Where a setting can be given, for the error that says it is missing. */
const hintFor = (key: string, profileName: string | undefined): string | undefined => {
  const or = profileName === undefined ? " or a profile (ofsc profile add)" : ` or profile "${profileName}"`
  if (key.startsWith(envKeys.instance)) {
    return `use --instance or --base-url, ${envKeys.instance} or ${envKeys.baseUrl}, a profile (ofsc profile add), or --simulator`
  }
  if (key === envKeys.clientId) return `use --client-id, ${key}${or}`
  if (Object.values(secretEnvKeys).includes(key)) return `use --client-secret, ${key}${or}`
  if (key === envKeys.jwtApplicationId) return `set ${key}${or}`
  return undefined
}

/** Resolves the connection (flags, then environment, then profile) to the client's configuration. */
export const resolveConnection = (
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv
): Effect.Effect<OfscConfigShape, OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const chosen = yield* chooseProfile(flags, env)
    const [fromFlags, fromEnv, fromProfile] = oneTarget([
      flagLevel(flags),
      envLevel(env),
      profileLevel(chosen?.profile)
    ])
    // the secret's variable depends on the mode, so the mode is read first, through the same chain
    const mode = yield* Config.option(Config.string(envKeys.auth)).pipe(
      Effect.withConfigProvider(chain([fromFlags, fromEnv, fromProfile])),
      Effect.map(Option.getOrElse(() => "basic")),
      Effect.orElseSucceed(() => "basic")
    )
    const secretKey = (authModes as ReadonlyArray<string>).includes(mode)
      ? secretEnvKeys[mode as OfscAuthMode]
      : envKeys.clientSecret
    const flagSecret = Option.getOrUndefined(flags.clientSecret)
    // the profile's secret is read only when nothing above it gives one (it may name a file or variable)
    const storedSecret =
      flagSecret === undefined && !fromEnv.has(secretKey) && chosen !== undefined
        ? yield* profileSecret(chosen.profile, env, chosen.name)
        : undefined
    const provider = chain([
      with_(fromFlags, secretKey, flagSecret),
      fromEnv,
      with_(fromProfile, secretKey, storedSecret)
    ])
    return yield* resolveFromEnv().pipe(
      Effect.withConfigProvider(provider),
      Effect.mapError((e) => {
        const hint = hintFor(e.key, chosen?.name)
        return hint === undefined ? e : new OfscConfigError({ key: e.key, reason: `${e.reason}: ${hint}` })
      })
    )
  })
