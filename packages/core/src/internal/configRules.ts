/**
 * The rules of the client options, one Schema per setting, and the options as one Schema built of
 * them. `resolve` decodes the options with it; the `OFSC_*` path checks each variable with the same
 * rule as it reads it. No message quotes a secret: a rule's message is its own, never the value.
 */
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { OfscDecodePolicy } from "../OfscConfig.js"
import { OfscConfigError } from "../OfscError.js"
import { readRsaPrivateKey } from "./jwt.js"

const instancePattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/
const oracleHost = /^([A-Za-z0-9][A-Za-z0-9-]*)\.fs\.ocs\.oraclecloud\.com$/

/** A setting's rule: accepts what `is` accepts, and otherwise says `message` about the value. */
const rule = <A>(is: (u: unknown) => u is A, message: (actual: unknown) => string) =>
  Schema.declare(is, { message: (issue) => message(issue.actual) })

const isString = (u: unknown): u is string => typeof u === "string"

/** A value a message may name (never a secret): a string quoted and cut short, else its type. */
const shown = (u: unknown): string =>
  isString(u) ? JSON.stringify(u.length > 60 ? `${u.slice(0, 60)}…` : u) : u === null ? "null" : typeof u

export const httpUrl = (text: string): URL | undefined => {
  const parsed = Either.try(() => new URL(text))
  return Either.isRight(parsed) && /^https?:$/.test(parsed.right.protocol) ? parsed.right : undefined
}

/** A duration as Effect reads one (`"30 seconds"`, millis, a Duration), or undefined for anything else. */
const durationOf = (u: unknown): Duration.Duration | undefined =>
  Either.getOrUndefined(Either.try(() => Option.getOrUndefined(Duration.decodeUnknown(u))))

/** The text inside a Redacted, or undefined when `u` is not a Redacted string. */
const secretText = (u: unknown): string | undefined => {
  if (!Redacted.isRedacted(u)) return undefined
  const value = Either.getOrUndefined(Either.try(() => Redacted.value(u)))
  return isString(value) ? value : undefined
}

/** A secret's rule: a Redacted string `accepts` takes; the message is `reason`'s, which never quotes it. */
const secret = (accepts: (text: string) => boolean, reason: (text: string) => string) =>
  rule(
    (u): u is Redacted.Redacted<string> => {
      const text = secretText(u)
      return text !== undefined && accepts(text)
    },
    (u) => {
      const text = secretText(u)
      return text === undefined ? "must be a Redacted string (Redacted.make), never a plain value" : reason(text)
    }
  )

export const InstanceName = rule(
  (u): u is string => isString(u) && instancePattern.test(u),
  (u) => `${shown(u)} is not an OFS environment name (letters, digits and dashes)`
)
export const HttpUrl = rule(
  (u): u is string => isString(u) && httpUrl(u) !== undefined,
  (u) => `${shown(u)} is not an http(s) URL`
)
export const NonBlank = rule(
  (u): u is string => isString(u) && u.trim() !== "",
  (u) => (isString(u) ? "must not be empty" : "must be a string")
)
const OptionalText = rule(isString, () => "must be a string")
// an empty secret would only fail later, as a 401 from OFS
export const ClientSecret = secret(
  (text) => text !== "",
  () => "must not be empty"
)
export const Token = secret(
  (text) => text.trim() !== "",
  () => "must not be empty"
)
// parsed now, so a bad key fails the configuration rather than the first call
export const PrivateKey = secret(
  (text) => Either.isRight(readRsaPrivateKey(text)),
  (text) => Either.match(readRsaPrivateKey(text), { onLeft: (reason) => reason, onRight: () => "is invalid" })
)
const AnySecret = secret(
  () => true,
  () => "is invalid"
)
export const PositiveDuration = rule(
  (u): u is Duration.DurationInput => {
    const d = durationOf(u)
    return d !== undefined && Duration.greaterThan(d, Duration.zero)
  },
  () => "must be a positive duration"
)
export const Wait = rule(
  (u): u is Duration.DurationInput => durationOf(u) !== undefined,
  () => "must be a duration, 0 or more"
)
export const wholeAtLeast = (min: number) =>
  rule(
    (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= min,
    () => `must be a whole number, ${min} or more`
  )
// it becomes a header: no line breaks or other control characters, and plain ASCII to be safe
export const UserAgent = rule(
  (u): u is string => isString(u) && u.trim() !== "" && /^[ -~]+$/.test(u),
  () => "must be non-empty printable ASCII text"
)
export const DecodePolicy = rule(
  (u): u is OfscDecodePolicy => u === "fail" || u === "warn",
  (u) => `must be "fail" or "warn", not ${shown(u)}`
)

/** The credentials, one shape per kind. */
const Credentials = Schema.Union(
  Schema.TaggedStruct("Basic", { clientId: NonBlank, clientSecret: ClientSecret }),
  Schema.TaggedStruct("ClientCredentials", { clientId: NonBlank, clientSecret: ClientSecret }),
  Schema.TaggedStruct("JwtBearer", {
    clientId: NonBlank,
    applicationId: NonBlank,
    privateKey: PrivateKey,
    subject: Schema.optional(OptionalText),
    keyId: Schema.optional(OptionalText),
    clientSecret: Schema.optional(AnySecret)
  }),
  Schema.TaggedStruct("Bearer", { token: Token }),
  Schema.TaggedStruct("Custom", {})
)

const RetryOptions = Schema.Struct({
  maxRetries: Schema.optional(wholeAtLeast(0)),
  baseDelay: Schema.optional(Wait),
  maxDelay: Schema.optional(Wait),
  rateLimitWait: Schema.optional(Wait)
}).annotations({ message: () => "must be false or { maxRetries, baseDelay, maxDelay, rateLimitWait }" })

/** The instance a configuration names, or the one its Oracle base URL shows. */
export const instanceOf = (options: {
  readonly instance?: string | undefined
  readonly baseUrl?: string | undefined
}) =>
  options.instance ??
  (options.baseUrl === undefined ? undefined : oracleHost.exec(httpUrl(options.baseUrl)?.hostname ?? "")?.[1])

/**
 * The client options as one Schema: every setting's rule, then what needs two settings at once.
 * `retry: false` and the deprecated `timeout` are folded in before it (see {@link resolve}).
 */
export const Options = Schema.Struct({
  instance: Schema.optional(InstanceName),
  baseUrl: Schema.optional(HttpUrl),
  credentials: Credentials,
  attemptTimeout: Schema.optional(PositiveDuration),
  userAgent: Schema.optional(UserAgent),
  retry: Schema.optional(RetryOptions),
  concurrency: Schema.optional(wholeAtLeast(1)),
  operationConcurrency: Schema.optional(
    Schema.Record({ key: Schema.String, value: wholeAtLeast(1) }).annotations({
      message: () => "must be an object of operation ids and whole numbers, 1 or more"
    })
  ),
  decodePolicy: Schema.optional(DecodePolicy)
}).pipe(
  Schema.filter((options) => {
    if (options.instance === undefined && options.baseUrl === undefined) {
      return { path: ["instance"], message: "either an instance name or a baseUrl is required" }
    }
    const kind = options.credentials._tag
    if ((kind === "Basic" || kind === "JwtBearer") && instanceOf(options) === undefined) {
      return {
        path: ["instance"],
        message: `${kind} authentication needs the instance name, and the baseUrl does not show it`
      }
    }
    return undefined
  })
)

/** The options with the deprecated spellings folded into the current ones. */
export const current = (options: unknown): unknown => {
  if (!Predicate.isRecord(options)) return options
  const { timeout, ...rest } = options
  const retry = rest.retry === false ? { maxRetries: 0, rateLimitWait: Duration.zero } : rest.retry
  return { ...rest, attemptTimeout: rest.attemptTimeout ?? timeout, retry }
}

const credentialKinds = "must be Basic, ClientCredentials, JwtBearer, Bearer or Custom credentials"

/**
 * The first problem the schema found, as the one error the caller gets: the setting by its path
 * (the credentials' own fields by their bare names, as before), and a message of its rule.
 */
export const configErrorOf = (error: ParseResult.ParseError): OfscConfigError => {
  const [first] = ParseResult.ArrayFormatter.formatErrorSync(error)
  const keys = (first?.path ?? []).map(String)
  const reason = first?.message ?? "is invalid"
  if (keys.length === 0) return new OfscConfigError({ key: "options", reason: "must be an object of client options" })
  if (keys[0] !== "credentials") return new OfscConfigError({ key: keys.join("."), reason })
  // a wrong or missing _tag: say what the kinds are, not what was passed (it may hold the secret)
  return keys.length === 1 || keys[1] === "_tag"
    ? new OfscConfigError({ key: "credentials", reason: credentialKinds })
    : new OfscConfigError({ key: keys.slice(1).join("."), reason })
}
