/**
 * Where profiles live: one JSON file, `$XDG_CONFIG_HOME/ofsc/profiles.json` (else
 * `~/.config/ofsc/profiles.json`), readable by its owner only (0600, in a 0700 directory), since
 * it may hold a secret.
 */

import * as os from "node:os"
import { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"
import { CliError, io } from "../app/CliError.js"
import { authModes } from "../app/globalOptions.js"

/** One saved connection. The secret is stored, or named by an environment variable or a file. */
export const Profile = Schema.Struct({
  instance: Schema.optional(Schema.String),
  baseUrl: Schema.optional(Schema.String),
  auth: Schema.Literal(...authModes),
  clientId: Schema.optional(Schema.String),
  /** The client secret (basic, client_credentials), the token (bearer) or the PEM key (jwt). */
  secret: Schema.optional(Schema.String),
  /** The environment variable that holds the secret, read at each call. */
  secretEnv: Schema.optional(Schema.String),
  /** A file that holds the secret (a JWT private key, typically). */
  secretFile: Schema.optional(Schema.String),
  applicationId: Schema.optional(Schema.String),
  subject: Schema.optional(Schema.String),
  keyId: Schema.optional(Schema.String)
})

/** The type of {@link Profile}. */
export type Profile = typeof Profile.Type

/** The whole file: the profiles by name and which one is active. */
export const ProfileFile = Schema.Struct({
  active: Schema.optional(Schema.String),
  profiles: Schema.Record({ key: Schema.String, value: Profile })
})

/** The type of {@link ProfileFile}. */
export type ProfileFile = typeof ProfileFile.Type

/** The directory of the ofsc configuration. */
export const configDir = (env: NodeJS.ProcessEnv): string => {
  const xdg = env.XDG_CONFIG_HOME
  return xdg !== undefined && xdg !== "" ? `${xdg}/ofsc` : `${os.homedir()}/.config/ofsc`
}

const decodeFile = Schema.decodeUnknownEither(Schema.parseJson(ProfileFile))

/** Reads the profiles (none when the file does not exist yet). */
export const readProfiles = (
  env: NodeJS.ProcessEnv
): Effect.Effect<ProfileFile, CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = (yield* Path.Path).join(configDir(env), "profiles.json")
    const exists = yield* fs.exists(path).pipe(Effect.mapError((e) => io(`cannot read ${path}`, e)))
    if (!exists) return { profiles: {} }
    const text = yield* fs.readFileString(path).pipe(Effect.mapError((e) => io(`cannot read ${path}`, e)))
    const decoded = decodeFile(text)
    if (decoded._tag === "Left") {
      return yield* new CliError({
        kind: "config",
        message: `${path} is not a valid profiles file`,
        detail: String(decoded.left)
      })
    }
    return decoded.right
  })

/** Writes the profiles, owner-only. */
export const writeProfiles = (
  env: NodeJS.ProcessEnv,
  file: ProfileFile
): Effect.Effect<string, CliError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const dir = configDir(env)
    const path = (yield* Path.Path).join(dir, "profiles.json")
    const fail = (e: unknown) => io(`cannot write ${path}`, e)
    yield* fs.makeDirectory(dir, { recursive: true, mode: 0o700 }).pipe(Effect.mapError(fail))
    // written beside and renamed over, so a crash never leaves half a file; 0600 from the first byte
    const temporary = `${path}.${process.pid}.tmp`
    yield* fs
      .writeFileString(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 })
      .pipe(Effect.mapError(fail))
    yield* fs.chmod(temporary, 0o600).pipe(Effect.mapError(fail))
    yield* fs.rename(temporary, path).pipe(Effect.mapError(fail))
    return path
  })
