// How the connection is resolved, in process: flags, then OFSC_* variables, then the profile, each
// a ConfigProvider of the same keys chained into core's resolver. Nothing is sent here; the
// profiles.test.ts and exitCodes.test.ts runs show the same rules through the bin, against the simulator.
import { NodeContext } from "@effect/platform-node"
import { Duration, Effect, Option, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import type { ConnectionFlags } from "../src/app/globalOptions.js"
import { type Profile, writeProfiles } from "../src/connection/ProfileStore.js"
import { connectionFlags, resolveConnection } from "../src/connection/settings.js"
import { tempDir } from "./support/cli.js"

/** Resolves with `flags` over `env`, the profile `active` (when given) saved as the active one. */
const resolveWith = (flags: Partial<ConnectionFlags>, env: Record<string, string>, active?: Profile) =>
  Effect.gen(function* () {
    const environment: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: tempDir("settings"), ...env }
    if (active !== undefined) yield* writeProfiles(environment, { active: "p", profiles: { p: active } })
    return yield* Effect.either(resolveConnection(connectionFlags(flags), environment))
  }).pipe(Effect.provide(NodeContext.layer), Effect.runPromise)

const secretOf = (credentials: { readonly _tag: string }) =>
  "clientSecret" in credentials
    ? Redacted.value(credentials.clientSecret as Redacted.Redacted<string>)
    : "token" in credentials
      ? Redacted.value(credentials.token as Redacted.Redacted<string>)
      : undefined

describe("resolveConnection", () => {
  const profile: Profile = {
    instance: "from-profile",
    auth: "basic",
    clientId: "profile-app",
    secret: "profile-secret"
  }

  it("takes each setting from the first level that has it: flag, then variable, then profile", async () => {
    const fromProfile = await resolveWith({}, {}, profile)
    expect(fromProfile._tag === "Right" && fromProfile.right.instance).toBe("from-profile")
    const mixed = await resolveWith(
      { clientId: Option.some("flag-app") },
      { OFSC_CLIENT_SECRET: "env-secret", OFSC_CONCURRENCY: "3" },
      profile
    )
    if (mixed._tag === "Left") throw mixed.left
    expect(mixed.right.instance).toBe("from-profile")
    expect(mixed.right.concurrency).toBe(3)
    expect(mixed.right.credentials).toMatchObject({ _tag: "Basic", clientId: "flag-app" })
    expect(secretOf(mixed.right.credentials)).toBe("env-secret")
  })

  it("--client-secret is the secret of the mode: the token for bearer", async () => {
    const result = await resolveWith(
      { auth: Option.some("bearer"), clientSecret: Option.some("flag-token") },
      { OFSC_INSTANCE: "acme", OFSC_ACCESS_TOKEN: "env-token" }
    )
    if (result._tag === "Left") throw result.left
    expect(result.right.credentials._tag).toBe("Bearer")
    expect(secretOf(result.right.credentials)).toBe("flag-token")
  })

  it("a lower level's base URL does not override a higher level's instance", async () => {
    const result = await resolveWith(
      { instance: Option.some("acme-flag") },
      { OFSC_BASE_URL: "http://127.0.0.1:1", OFSC_CLIENT_ID: "app", OFSC_CLIENT_SECRET: "s" }
    )
    if (result._tag === "Left") throw result.left
    expect(result.right.baseUrl).toBe("https://acme-flag.fs.ocs.oraclecloud.com")
  })

  it("names a bad variable as the variable, a missing one with where to set it, never showing a secret", async () => {
    const bad = await resolveWith({}, { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app", OFSC_ATTEMPT_TIMEOUT_MS: "soon" })
    expect(bad._tag === "Left" && bad.left).toMatchObject({ _tag: "OfscConfigError", key: "OFSC_ATTEMPT_TIMEOUT_MS" })
    const missing = await resolveWith({}, { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app" })
    expect(missing._tag === "Left" && missing.left.message).toContain("use --client-secret, OFSC_CLIENT_SECRET")
    const empty = await resolveWith({ clientSecret: Option.some("") }, { OFSC_INSTANCE: "acme", OFSC_CLIENT_ID: "app" })
    expect(empty._tag === "Left" && empty.left).toMatchObject({ key: "OFSC_CLIENT_SECRET" })
    const stored = await resolveWith({}, { OFSC_USER_AGENT: "two\nlines" }, profile)
    expect(stored._tag === "Left" && stored.left).toMatchObject({ key: "OFSC_USER_AGENT" })
    expect(JSON.stringify(stored)).not.toContain("profile-secret")
  })

  it("keeps durations as the core resolver reads them", async () => {
    const result = await resolveWith({}, { OFSC_TIMEOUT_MS: "2500" }, profile)
    if (result._tag === "Left") throw result.left
    expect(Duration.toMillis(result.right.attemptTimeout)).toBe(2500)
  })
})
