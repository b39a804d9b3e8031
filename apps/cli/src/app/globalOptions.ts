/**
 * The flags every command that talks to OFS takes: where to connect and how to show the answer.
 * They sit on each leaf command, so they go after the command path (`ofsc core users list --all`).
 */
import { Options } from "@effect/cli"
import { authModes, type OfscAuthMode } from "@ofsc/core/config"
import type { Option } from "effect"

/** The authentication modes a profile or flag can choose: core's, as `OFSC_AUTH` spells them. */
export { authModes }

/** One of {@link authModes}. */
export type AuthMode = OfscAuthMode

/** The output formats `--output` offers. */
export const outputFormats = ["table", "json", "ndjson", "yaml", "csv"] as const

/** One of {@link outputFormats}. */
export type OutputFormat = (typeof outputFormats)[number]

/** Where to connect, as the flags say (each wins over the environment and the profile). */
export interface ConnectionFlags {
  readonly profile: Option.Option<string>
  readonly instance: Option.Option<string>
  readonly baseUrl: Option.Option<string>
  readonly clientId: Option.Option<string>
  readonly clientSecret: Option.Option<string>
  readonly auth: Option.Option<AuthMode>
  readonly simulator: boolean
  readonly simulatorSize: "small" | "medium" | "large"
}

/** How to show results. */
export interface OutputFlags {
  readonly output: Option.Option<OutputFormat>
  readonly fields: Option.Option<string>
  readonly out: Option.Option<string>
  readonly verbose: boolean
}

/** The connection flags. */
export const connectionOptions = {
  profile: Options.text("profile").pipe(
    Options.withDescription("the profile to use instead of the active one"),
    Options.optional
  ),
  instance: Options.text("instance").pipe(
    Options.withDescription("OFS instance name (OFSC_INSTANCE)"),
    Options.optional
  ),
  baseUrl: Options.text("base-url").pipe(
    Options.withDescription("base URL, wins over the instance's (OFSC_BASE_URL)"),
    Options.optional
  ),
  clientId: Options.text("client-id").pipe(Options.withDescription("client id (OFSC_CLIENT_ID)"), Options.optional),
  clientSecret: Options.text("client-secret").pipe(
    Options.withDescription("client secret (OFSC_CLIENT_SECRET; prefer the environment or a profile)"),
    Options.optional
  ),
  auth: Options.choice("auth", authModes).pipe(
    Options.withDescription("authentication mode (OFSC_AUTH)"),
    Options.optional
  ),
  simulator: Options.boolean("simulator").pipe(
    Options.withDescription("run against an embedded OFS simulator with seeded data (nothing to configure)")
  ),
  simulatorSize: Options.choice("simulator-size", ["small", "medium", "large"] as const).pipe(
    Options.withDescription("how much seeded data the embedded simulator holds"),
    Options.withDefault("small" as const)
  )
}

/** The output flags. */
export const outputOptions = {
  output: Options.choice("output", outputFormats).pipe(
    Options.withAlias("o"),
    Options.withDescription("output format (default: table on a terminal, json when piped)"),
    Options.optional
  ),
  fields: Options.text("fields").pipe(
    Options.withDescription("comma-separated fields to show (also asks OFS for only these where it can)"),
    Options.optional
  ),
  out: Options.text("out").pipe(
    Options.withDescription("write the output to this file instead of stdout"),
    Options.optional
  ),
  verbose: Options.boolean("verbose").pipe(
    Options.withDescription("show error details and a log of each request (secrets redacted) on stderr")
  )
}
