/**
 * Serves an OFS-shaped answer (a JSON fixture written from what OFS sends) over real HTTP and
 * decodes it through the transport, so a test can check that nothing was lost on the way in or out.
 */
import { readFileSync } from "node:fs"
import { Effect } from "effect"
import * as Schema from "effect/Schema"
import type { Scope } from "effect/Scope"
// a type only: this file is also used by the API packages' tests, which run @ofsc/core's build
import type { AnyOperation } from "../../src/index.js"
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

/**
 * Serves the fixture at `file` and decodes it with `call` (which reaches the server's URL through a
 * real transport), then encodes the value again with the success model of `op`.
 */
export const roundTripFixture = <E>(
  file: URL,
  op: AnyOperation,
  call: (url: string) => Effect.Effect<unknown, E>
): Effect.Effect<FixtureRoundTrip, E, Scope> =>
  Effect.gen(function* () {
    const sent: unknown = JSON.parse(readFileSync(file, "utf8"))
    const server = yield* testServer(() => ({ json: sent }))
    const decoded = yield* call(server.url)
    if (op.success.kind !== "json") return yield* Effect.dieMessage(`${op.id} has no JSON model`)
    const encoded = Schema.encodeUnknownSync(op.success.schema, { onExcessProperty: "preserve" })(decoded)
    return { sent, decoded, encoded }
  })
