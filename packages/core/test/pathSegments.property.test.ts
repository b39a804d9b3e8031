import { it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { Operation } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { testServer } from "./support/testServer.js"

const listEnumeration = Operation.make({
  id: "metadata.properties.enumerationList.list",
  method: "GET",
  path: "/rest/ofscMetadata/v1/properties/{label}/enumerationList",
  pathParams: Schema.Struct({ label: Schema.NonEmptyString }),
  success: { kind: "json", schema: Schema.Unknown }
})

/** The rule, restated: one segment, so not empty, not a dot segment, no controls, valid Unicode. */
const acceptable = (value: string): boolean =>
  value !== "" &&
  value !== "." &&
  value !== ".." &&
  ![...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
  !/[\uD800-\uDFFF]/u.test(value)

const awkward = fc.constantFrom("/", "%", "?", "#", ".", "..", "%2e", "%2F", "\\", " ", "+", "&", "=", ";", "é", "😀")

/** Full Unicode, lone surrogates and the characters URLs treat specially, mixed. */
const pathValues = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.oneof(awkward, fc.string({ unit: "grapheme", maxLength: 1 })) }),
  fc.constantFrom("..", ".", "...", "a/../b", "%2e%2e", "\uD800", "\uDC00x", "x\r\n")
)

describe("path parameters, for any string", () => {
  it.scopedLive("a value that passes arrives decoded in its own segment; one that does not sends nothing", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: {} }))
      let accepted = 0
      yield* withTransport(testOptions(server.url, { retry: false }), (t) =>
        Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(pathValues, async (label) => {
              const before = server.requests.length
              const exit = await Effect.runPromiseExit(t.call(listEnumeration, { path: { label } }))
              if (!acceptable(label)) {
                expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe(
                  "OfscInvalidInput"
                )
                expect(server.requests.length).toBe(before)
                return
              }
              accepted++
              expect(Exit.isSuccess(exit)).toBe(true)
              const segments = server.requests[before]!.path.split("/").map(decodeURIComponent)
              expect(segments).toEqual(["", "rest", "ofscMetadata", "v1", "properties", label, "enumerationList"])
            }),
            { numRuns: 1_000 }
          )
        )
      )
      expect(accepted).toBeGreaterThan(500)
    })
  )
})
