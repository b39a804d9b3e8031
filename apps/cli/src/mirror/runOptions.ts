/**
 * The options of `ofsc mirror run` from its flags and the environment: the window, the entities,
 * and the webhooks with their secrets, which come from environment variables only (a flag's value
 * is in the shell's history and in `ps`). A bad flag is a usage error (exit 2), a missing secret a
 * configuration error (exit 12).
 */
import { type MirrorEntityName, type MirrorOptions, mirrorEntities, type WebhookEndpoint } from "@ofsc/mirror"
import { Duration, Effect, Option, Redacted } from "effect"
import { CliError, usage } from "../app/CliError.js"
import { daysBetween } from "../export/windows.js"
import { splitList } from "../output/rows.js"

/** What `ofsc mirror run` was given. */
export interface MirrorRunFlags {
  readonly db: string
  readonly from: Option.Option<string>
  readonly to: Option.Option<string>
  readonly entities: Option.Option<string>
  /** `name=url`, one per endpoint. */
  readonly webhook: ReadonlyArray<string>
  /** `VAR` (every endpoint's secret) or `name=VAR` (one endpoint's). */
  readonly webhookSecretEnv: ReadonlyArray<string>
  readonly pollInterval: number
  readonly once: boolean
}

/** The variable a webhook's secret is read from when no flag names one. */
export const defaultSecretVariable = "OFSC_WEBHOOK_SECRET"

const windowOf = (flags: MirrorRunFlags) =>
  Effect.gen(function* () {
    const from = Option.getOrUndefined(flags.from)
    const to = Option.getOrUndefined(flags.to)
    if (from === undefined && to === undefined) return undefined
    if (from === undefined || to === undefined) return yield* usage("--from and --to go together")
    const days = daysBetween(from, to)
    if (days === undefined) return yield* usage("--from and --to must be dates, YYYY-MM-DD")
    if (days < 1) return yield* usage("--to is before --from")
    return { from, to }
  })

const entitiesOf = (flags: MirrorRunFlags) =>
  Effect.gen(function* () {
    if (Option.isNone(flags.entities)) return undefined
    const names = splitList(flags.entities.value)
    const known: ReadonlyArray<string> = mirrorEntities
    for (const name of names)
      if (!known.includes(name))
        return yield* usage(`--entities: unknown entity ${name} (known: ${mirrorEntities.join(", ")})`)
    if (names.length === 0) return yield* usage("--entities names none")
    return names as ReadonlyArray<MirrorEntityName>
  })

/** Which variable holds each endpoint's secret: `name=VAR` entries, and one `VAR` for the rest. */
const secretVariables = (flags: MirrorRunFlags, names: ReadonlySet<string>) =>
  Effect.gen(function* () {
    const byEndpoint = new Map<string, string>()
    const defaults: Array<string> = []
    for (const entry of flags.webhookSecretEnv) {
      const at = entry.indexOf("=")
      if (at < 0) {
        defaults.push(entry.trim())
        continue
      }
      const name = entry.slice(0, at).trim()
      if (!names.has(name)) return yield* usage(`--webhook-secret-env ${entry}: no --webhook is named ${name}`)
      byEndpoint.set(name, entry.slice(at + 1).trim())
    }
    if (defaults.length > 1)
      return yield* usage("--webhook-secret-env: name one variable for all endpoints, or name=VAR")
    return (name: string) => byEndpoint.get(name) ?? defaults[0] ?? defaultSecretVariable
  })

const webhooksOf = (flags: MirrorRunFlags, env: NodeJS.ProcessEnv) =>
  Effect.gen(function* () {
    const parsed: Array<{ readonly name: string; readonly url: string }> = []
    for (const entry of flags.webhook) {
      const at = entry.indexOf("=")
      const name = at < 0 ? "" : entry.slice(0, at).trim()
      const url = at < 0 ? "" : entry.slice(at + 1).trim()
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || !/^https?:\/\/\S+$/.test(url))
        return yield* usage(
          `--webhook ${name === "" ? entry : name}: expected name=https://... (a name of letters, digits, _ . -)`
        )
      if (parsed.some((w) => w.name === name)) return yield* usage(`--webhook: two endpoints are named ${name}`)
      parsed.push({ name, url })
    }
    const variableOf = yield* secretVariables(flags, new Set(parsed.map((w) => w.name)))
    const endpoints: Array<WebhookEndpoint> = []
    for (const { name, url } of parsed) {
      const variable = variableOf(name)
      const secret = env[variable]
      if (secret === undefined || secret === "")
        return yield* new CliError({
          kind: "config",
          message: `webhook ${name}: its signing secret is not set: set ${variable} (secrets come from the environment, never from a flag)`
        })
      endpoints.push({ name, url, secret: Redacted.make(secret) })
    }
    return endpoints
  })

/** The mirror's options (`env`, the process's environment by default, holds the webhook secrets). */
export const mirrorRunOptions = (
  flags: MirrorRunFlags,
  env: NodeJS.ProcessEnv = process.env
): Effect.Effect<MirrorOptions, CliError> =>
  Effect.gen(function* () {
    if (!(flags.pollInterval > 0)) return yield* usage("--poll-interval must be a number of seconds above 0")
    const window = yield* windowOf(flags)
    const entities = yield* entitiesOf(flags)
    const webhooks = yield* webhooksOf(flags, env)
    return {
      database: flags.db,
      pollInterval: Duration.millis(Math.round(flags.pollInterval * 1000)),
      ...(window !== undefined && { window }),
      ...(entities !== undefined && { entities }),
      ...(webhooks.length > 0 && { webhooks })
    }
  })
