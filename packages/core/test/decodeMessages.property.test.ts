import { it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { CoreOperations } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

/** Any JSON value but a string (what `linkType` is) and null (which the lenient models read as absent). */
const wrongForAString = fc.jsonValue().filter((v) => typeof v !== "string" && v !== null)

describe("decode errors read well, for any wrong value", () => {
  it.scopedLive("an optional string field reports `expected string, got ...` and nothing about undefined", () =>
    Effect.gen(function* () {
      let linkType: unknown
      const server = yield* testServer(() => ({ json: { linkType, items: [] } }))
      yield* withTransport(testOptions(server.url, { retry: false }), (t) =>
        Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(wrongForAString, async (value) => {
              linkType = value
              const exit = await Effect.runPromiseExit(
                t.call(CoreOperations.activitiesLinkedActivitiesList, { path: { activityId: "1" } })
              )
              if (!Exit.isFailure(exit) || exit.cause._tag !== "Fail") throw new Error("expected a decode failure")
              const error = exit.cause.error
              if (error._tag !== "OfscDecodeError") throw new Error(`expected OfscDecodeError, got ${error._tag}`)
              expect(error.issues).toHaveLength(1)
              expect(error.issues[0]?.path).toEqual(["linkType"])
              expect(error.issues[0]?.message).toMatch(/^expected string, got /)
              // the body as it went over the wire (JSON has no -0: it arrives as 0)
              expect(error.body).toEqual(JSON.parse(JSON.stringify({ linkType: value, items: [] })))
            }),
            { numRuns: 200 }
          )
        )
      )
    })
  )
})
