/**
 * Serves an OFS-shaped answer (a JSON fixture written from what OFS sends) over real HTTP and
 * decodes it through the transport, so a test can check that nothing was lost on the way in or out.
 */
import { readFileSync } from "node:fs"
import { Effect } from "effect"
import * as Schema from "effect/Schema"
import type { Scope } from "effect/Scope"
import type { AnyOperation } from "../../src/index.js"
import { testOptions, withTransport } from "./client.js"
import { testServer } from "./testServer.js"

/** What one fixture gave: the JSON as sent, the decoded value and that value encoded again. */
export interface FixtureRoundTrip {
  readonly sent: unknown
  readonly decoded: unknown
  readonly encoded: unknown
}

/**
 * The one normalisation the lenient models make by design: a `null` in an object is read as an
 * absent field. Everything else (unknown keys, `links`, order of items) must come back as sent.
 */
export const withoutNulls = (json: unknown): unknown =>
  Array.isArray(json)
    ? json.map(withoutNulls)
    : json !== null && typeof json === "object"
      ? Object.fromEntries(
          Object.entries(json)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => [k, withoutNulls(v)])
        )
      : json

/** Decodes the fixture at `file` as the answer of `op` called with `input`, then encodes the value again. */
export const roundTripFixture = (
  file: URL,
  op: AnyOperation,
  input?: unknown
): Effect.Effect<FixtureRoundTrip, unknown, Scope> =>
  Effect.gen(function* () {
    const sent: unknown = JSON.parse(readFileSync(file, "utf8"))
    const server = yield* testServer(() => ({ json: sent }))
    const decoded = yield* withTransport(testOptions(server.url), (t) => t.call(op, input as never))
    if (op.success.kind !== "json") return yield* Effect.dieMessage(`${op.id} has no JSON model`)
    const encoded = Schema.encodeUnknownSync(op.success.schema, { onExcessProperty: "preserve" })(decoded)
    return { sent, decoded, encoded }
  })
