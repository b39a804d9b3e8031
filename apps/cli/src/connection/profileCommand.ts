/** `ofsc profile add | list | use | show | remove`: saved connections, secrets masked on show. */
import { Args, Command, Options } from "@effect/cli"
import type { FileSystem, Path } from "@effect/platform"
import { Console, Effect, Option } from "effect"
import { type CliError, usage } from "../app/CliError.js"
import { authModes } from "../app/globalOptions.js"
import { type Profile, type ProfileFile, readProfiles, writeProfiles } from "./ProfileStore.js"

const env = process.env
const nameArg = Args.text({ name: "name" }).pipe(Args.withDescription("the profile's name"))
const optionalText = (name: string, description: string) =>
  Options.text(name).pipe(Options.withDescription(description), Options.optional)

const update = (
  change: (file: ProfileFile) => Effect.Effect<ProfileFile, CliError>
): Effect.Effect<string, CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.flatMap(readProfiles(env), (file) => Effect.flatMap(change(file), (next) => writeProfiles(env, next)))

const existing = (file: ProfileFile, name: string): Effect.Effect<Profile, CliError> => {
  const profile = file.profiles[name]
  return profile === undefined
    ? Effect.fail(usage(`no profile "${name}" (see ofsc profile list)`))
    : Effect.succeed(profile)
}

/** A profile as `show` prints it: the secret itself never, only where it comes from. */
const masked = (profile: Profile): Record<string, string> => {
  const { secret, secretEnv, secretFile, ...rest } = profile
  const shown: Record<string, string> = {}
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) shown[key] = value
  if (secret !== undefined) shown.secret = "******** (stored)"
  if (secretEnv !== undefined) shown.secret = `from environment variable ${secretEnv}`
  if (secretFile !== undefined) shown.secret = `from file ${secretFile}`
  return shown
}

const add = Command.make(
  "add",
  {
    name: nameArg,
    instance: optionalText("instance", "OFS instance name"),
    baseUrl: optionalText("base-url", "base URL (wins over the instance's)"),
    clientId: optionalText("client-id", "client id"),
    auth: Options.choice("auth", authModes).pipe(Options.withDefault("basic" as const)),
    secret: optionalText("secret", "the secret itself, stored in the profile file (mode 0600)"),
    secretEnv: optionalText("secret-env", "the environment variable that holds the secret (nothing stored)"),
    secretFile: optionalText("secret-file", "a file that holds the secret, e.g. a JWT private key"),
    applicationId: optionalText("application-id", "JWT: the application id"),
    subject: optionalText("subject", "JWT: the user to act as"),
    keyId: optionalText("key-id", "JWT: the key id"),
    use: Options.boolean("use").pipe(Options.withDescription("make it the active profile"))
  },
  ({ name, use, ...options }) =>
    Effect.gen(function* () {
      const sources = [options.secret, options.secretEnv, options.secretFile].filter(Option.isSome)
      if (sources.length > 1) return yield* usage("give one of --secret, --secret-env and --secret-file")
      if (Option.isNone(options.instance) && Option.isNone(options.baseUrl)) {
        return yield* usage("a profile needs --instance or --base-url")
      }
      const profile: Record<string, string> = { auth: options.auth }
      for (const [key, value] of Object.entries(options)) {
        if (Option.isOption(value) && Option.isSome(value)) profile[key] = String(value.value)
      }
      const path = yield* update((file) =>
        Effect.succeed({
          active: use || file.active === undefined ? name : file.active,
          profiles: { ...file.profiles, [name]: profile as unknown as Profile }
        })
      )
      yield* Console.log(`profile "${name}" saved in ${path}`)
    })
).pipe(Command.withDescription("save a connection (instance or base URL, client id, auth mode, secret)"))

const list = Command.make("list", {}, () =>
  Effect.flatMap(readProfiles(env), (file) => {
    const names = Object.keys(file.profiles)
    if (names.length === 0) return Console.log("no profiles yet: ofsc profile add NAME --instance ... --client-id ...")
    return Console.log(names.map((n) => `${n === file.active ? "*" : " "} ${n}`).join("\n"))
  })
).pipe(Command.withDescription("list the profiles (* marks the active one)"))

const use = Command.make("use", { name: nameArg }, ({ name }) =>
  Effect.zipRight(
    update((file) => Effect.as(existing(file, name), { ...file, active: name })),
    Console.log(`using profile "${name}"`)
  )
).pipe(Command.withDescription("make a profile the active one"))

const show = Command.make("show", { name: Args.optional(nameArg) }, ({ name }) =>
  Effect.gen(function* () {
    const file = yield* readProfiles(env)
    const chosen = Option.getOrUndefined(name) ?? file.active
    if (chosen === undefined) return yield* usage("no active profile: name one, or ofsc profile use NAME")
    const shown = masked(yield* existing(file, chosen))
    const width = Math.max(...Object.keys(shown).map((k) => k.length), 4)
    yield* Console.log(
      [`${"name".padEnd(width)}  ${chosen}${chosen === file.active ? " (active)" : ""}`]
        .concat(Object.entries(shown).map(([k, v]) => `${k.padEnd(width)}  ${v}`))
        .join("\n")
    )
  })
).pipe(Command.withDescription("show a profile (the active one by default), secrets masked"))

const remove = Command.make("remove", { name: nameArg }, ({ name }) =>
  Effect.zipRight(
    update((file) =>
      Effect.as(existing(file, name), {
        ...(file.active === name ? {} : { active: file.active }),
        profiles: Object.fromEntries(Object.entries(file.profiles).filter(([n]) => n !== name))
      } as ProfileFile)
    ),
    Console.log(`profile "${name}" removed`)
  )
).pipe(Command.withDescription("delete a profile"))

/** The `profile` command. */
export const profileCommand = Command.make("profile").pipe(
  Command.withDescription("saved connections: add, list, use, show, remove"),
  Command.withSubcommands([add, list, use, show, remove])
)
