import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import type { CapacityList } from "@ofsc/models/capacity"
import { Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
// the fixture round trip of @ofsc/core's own tests (a plain node:http server)
import { roundTripFixture, withoutNulls } from "../../core/test/support/fixtureAnswers.js"
import { CapacityOperations, OfscCapacity } from "../src/index.js"

/** The capacity service over a real transport (Basic auth, undici) against `url`. */
const capacityAt = (url: string) =>
  OfscCapacity.layer.pipe(
    Layer.provide(
      OfscClient.layer({
        baseUrl: url,
        instance: "test",
        credentials: { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret") }
      })
    ),
    Layer.provide(OfscHttpClient.layerUndici)
  )

const fixture = new URL("./fixtures/ofs-answers/capacity.availableCapacity.get.json", import.meta.url)

describe("available capacity as OFS sends it", () => {
  it.scopedLive(
    "calendar and available are objects of parallel count/minutes arrays, kept and encoded back as sent",
    () =>
      Effect.gen(function* () {
        const { sent, decoded, encoded } = yield* roundTripFixture(
          fixture,
          CapacityOperations.availableCapacityGet,
          (url) =>
            Effect.flatMap(OfscCapacity, (c) =>
              c.availableCapacity.get({ dates: ["2026-12-02"], areas: ["NORTH", "SOUTH"] })
            ).pipe(Effect.provide(capacityAt(url)))
        )
        // the one normalisation: `name: null` of SOUTH is read as an absent name
        expect(decoded).toEqual(withoutNulls(sent))
        expect(encoded).toEqual(withoutNulls(sent))
        const north = (decoded as CapacityList).items?.[0]?.areas?.[0]
        expect(north?.calendar).toEqual({ count: [8, 6], minutes: [480, 360] })
        expect(north?.categories?.[0]?.available).toEqual({ count: [2, 1], minutes: [96, 41] })
      })
  )
})
