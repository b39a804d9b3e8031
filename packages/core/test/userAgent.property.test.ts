import { it } from "@effect/vitest"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { OfscConfig } from "../src/index.js"
import { getResource } from "./support/authServer.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

/** The rule, restated: printable ASCII only (no line breaks, no controls), and not blank. */
const acceptable = (value: string): boolean => value.trim() !== "" && /^[\x20-\x7e]+$/.test(value)

const awkward = fc.constantFrom("\r\n", "\n", "\0", "\t", " ", "é", "😀", "\u2028", "\x7f", "Cookie: x", ":", "/")
const userAgents = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.oneof(awkward, fc.string({ unit: "grapheme-ascii", maxLength: 1 })), maxLength: 20 })
)

const resolved = (userAgent: string) =>
  Effect.runSync(
    Effect.either(Effect.provide(OfscConfig, OfscConfig.layer({ ...testOptions("http://127.0.0.1:9"), userAgent })))
  )

describe("the configured User-Agent", () => {
  it("is accepted exactly when it is printable ASCII, and otherwise named in the error", () =>
    fc.assert(
      fc.property(userAgents, (userAgent) => {
        const result = resolved(userAgent)
        expect(Either.isRight(result)).toBe(acceptable(userAgent))
        if (Either.isLeft(result)) expect(result.left.key).toBe("userAgent")
      }),
      { numRuns: 500 }
    ))

  it.scopedLive("reaches the server as configured, for any value the config accepts", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: { resourceId: "1", name: "x" } }))
      const accepted = fc.sample(userAgents.filter(acceptable), { numRuns: 25, seed: 14 })
      expect(accepted.length).toBe(25)
      for (const userAgent of accepted) {
        yield* withTransport(testOptions(server.url, { userAgent }), (t) =>
          t.call(getResource, { path: { resourceId: "1" } })
        )
      }
      // HTTP drops the whitespace around a header value, and nothing else
      expect(server.requests.map((r) => r.headers["user-agent"])).toEqual(accepted.map((u) => u.trim()))
    })
  )
})
