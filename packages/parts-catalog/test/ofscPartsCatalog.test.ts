import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Effect, Layer, Redacted } from "effect"
import { describe, expect } from "vitest"
// the scriptable server of @ofsc/core's own tests (plain node:http, no @ofsc code)
import { testServer } from "../../core/test/support/testServer.js"
import { OfscPartsCatalog, PartsCatalogOperations } from "../src/index.js"

/** OfscPartsCatalog over a real transport (Basic auth, undici) against the local test server. */
const withCatalog = <A, E>(url: string, f: (partsCatalog: OfscPartsCatalog["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscPartsCatalog, f).pipe(
    Effect.provide(
      OfscPartsCatalog.layer.pipe(
        Layer.provide(
          OfscClient.layer({
            baseUrl: url,
            instance: "test",
            credentials: { _tag: "Basic", clientId: "itest", clientSecret: Redacted.make("s3cret") },
            timeout: "2 seconds"
          })
        ),
        Layer.provide(OfscHttpClient.layerUndici)
      )
    )
  )

describe("OfscPartsCatalog", () => {
  it.scopedLive("catalogs.items.put and delete address one item by catalog, language and label", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      const item = { type: "part", fields: [{ label: "name", value: "Drill 18V" }] }
      const results = yield* withCatalog(server.url, (catalog) =>
        Effect.all([
          catalog.catalogs.items.put("tools", "en-US", "drill 18v", item),
          catalog.catalogs.items.delete("tools", "en-US", "drill 18v")
        ])
      )
      expect(results).toEqual([undefined, undefined])
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        "PUT /rest/ofscPartsCatalog/v1/catalogs/tools/en-US/drill%2018v",
        "DELETE /rest/ofscPartsCatalog/v1/catalogs/tools/en-US/drill%2018v"
      ])
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual(item)
    })
  )

  it("the table holds all 3 parts catalog operations", () => {
    expect(PartsCatalogOperations.operations.map((op) => op.id)).toEqual([
      "partsCatalog.catalogs.put",
      "partsCatalog.catalogs.items.put",
      "partsCatalog.catalogs.items.delete"
    ])
  })
})
