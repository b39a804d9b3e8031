/**
 * The "decode" stage: the answer read by `decodeAnswer` (@ofsc/models: compiled decoder, Schema and
 * decode policy in one place), as a value, one warning under the `warn` policy, or OfscDecodeError.
 */
import { decodeAnswer } from "@ofsc/models"
import * as Effect from "effect/Effect"
import type { OfscDecodePolicy } from "../OfscConfig.js"
import { formatIssues, OfscDecodeError, type OfscRequestInfo } from "../OfscError.js"
import type { AnyOperation } from "../Operation.js"
import type { ReadResponse } from "./attempt.js"

/** Decodes a successful answer of `op` under `policy`. */
export const makeDecode =
  (policy: OfscDecodePolicy) =>
  (op: AnyOperation, info: OfscRequestInfo, read: ReadResponse): Effect.Effect<unknown, OfscDecodeError> => {
    const answer = decodeAnswer(op.success, read, policy)
    switch (answer._tag) {
      case "Decoded":
        return Effect.succeed(answer.value)
      case "Warned":
        return Effect.as(
          Effect.logWarning("ofsc answer does not match its model; handed back as sent").pipe(
            Effect.annotateLogs({ ...info, status: read.status, issues: formatIssues(answer.issues) })
          ),
          answer.value
        )
      case "Refused":
        return Effect.fail(
          new OfscDecodeError({ ...info, status: read.status, issues: answer.issues, body: answer.body })
        )
    }
  }
