/**
 * What happens to an answer that does not match its model (`OfscConfig.decodePolicy`), and how an
 * answer the spec leaves untyped is read. Either way the answer OFS sent is never thrown away: the
 * error carries it as `body`, and `warn` hands it back (as parsed, nulls included) after one warning.
 */
import * as Effect from "effect/Effect"
import type { OfscDecodePolicy } from "../OfscConfig.js"
import { formatIssues, OfscDecodeError, type OfscRequestInfo } from "../OfscError.js"

/** Where an answer came from, as an OfscDecodeError names it. */
export type AnswerInfo = OfscRequestInfo & { readonly status: number }

/** What `parseAnswer` gives for text that is not JSON. */
export const notJson: unique symbol = Symbol.for("@ofsc/core/notJson")

/** The answer's JSON (`undefined` for an empty answer), or `notJson`. */
export const parseAnswer = (text: string, reviver?: (key: string, value: unknown) => unknown): unknown => {
  if (text === "") return undefined
  try {
    return JSON.parse(text, reviver)
  } catch {
    return notJson
  }
}

/** The errors `notJsonError` made: no policy can hand their answer back as JSON. */
const notJsonErrors = new WeakSet<OfscDecodeError>()

/** The error for an answer that is not JSON; its `body` is the text as received. */
export const notJsonError = (info: AnswerInfo, text: string): OfscDecodeError => {
  const error = new OfscDecodeError({ ...info, issues: [{ path: [], message: "the answer is not JSON" }], body: text })
  notJsonErrors.add(error)
  return error
}

/**
 * An answer the spec leaves untyped (a 200 without a schema): its parsed JSON, `undefined` when it
 * is empty, an OfscDecodeError (carrying the text) when it is not JSON.
 */
export const decodeUntyped = (info: AnswerInfo, text: string): Effect.Effect<unknown, OfscDecodeError> => {
  const json = parseAnswer(text)
  return json === notJson ? Effect.fail(notJsonError(info, text)) : Effect.succeed(json)
}

/**
 * Applies the policy to a refused answer: `fail` keeps the error; `warn` logs one warning with the
 * schema issues and answers the body as OFS sent it. An answer that is not JSON fails either way:
 * there is no value to hand back.
 */
export const applyDecodePolicy =
  (policy: OfscDecodePolicy) =>
  (error: OfscDecodeError): Effect.Effect<unknown, OfscDecodeError> =>
    policy === "warn" && !notJsonErrors.has(error)
      ? Effect.as(
          Effect.logWarning("ofsc answer does not match its model; handed back as sent").pipe(
            Effect.annotateLogs({
              operation: error.operation,
              method: error.method,
              path: error.path,
              status: error.status,
              issues: formatIssues(error.issues)
            })
          ),
          error.body
        )
      : Effect.fail(error)
