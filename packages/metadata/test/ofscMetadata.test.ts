import { it } from "@effect/vitest"
import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Chunk, Effect, Layer, Redacted, Stream } from "effect"
import { describe, expect } from "vitest"
// the scriptable server of @ofsc/core's own tests (plain node:http, no @ofsc code)
import { testServer } from "../../core/test/support/testServer.js"
import { MetadataOperations, OfscMetadata } from "../src/index.js"

/** OfscMetadata over a real transport (Basic auth, undici) against the local test server. */
const withMetadata = <A, E>(url: string, f: (metadata: OfscMetadata["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(OfscMetadata, f).pipe(
    Effect.provide(
      OfscMetadata.layer.pipe(
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

const blue = {
  label: "blue",
  name: "Blue",
  active: true,
  type: "regular" as const,
  workTimeStart: "08:00:00",
  workTimeEnd: "17:00:00"
}

describe("OfscMetadata", () => {
  it.scopedLive("shifts.get reads one shift by label", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: blue }))
      const shift = yield* withMetadata(server.url, (metadata) => metadata.shifts.get("blue"))
      expect(shift).toEqual(blue)
      expect(`${server.requests[0]?.method} ${server.requests[0]?.path}`).toBe("GET /rest/ofscMetadata/v1/shifts/blue")
    })
  )

  it.scopedLive("shifts.put sends the body as JSON and decodes the created shift (201)", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 201, json: blue }))
      const { label: _label, ...body } = blue
      const shift = yield* withMetadata(server.url, (metadata) => metadata.shifts.put("blue", body))
      expect(shift.name).toBe("Blue")
      const seen = server.requests[0]!
      expect(seen.method).toBe("PUT")
      expect(seen.path).toBe("/rest/ofscMetadata/v1/shifts/blue")
      expect(seen.headers["content-type"]).toContain("application/json")
      expect(JSON.parse(seen.body.toString())).toEqual(body)
    })
  )

  it.scopedLive("shifts.stream walks the pages while hasMore says so", () =>
    Effect.gen(function* () {
      const shifts = ["a", "b", "c"].map((label) => ({ ...blue, label, name: label.toUpperCase() }))
      const server = yield* testServer((req) => {
        const offset = Number(req.query.get("offset") ?? 0)
        const items = shifts.slice(offset, offset + 2)
        return { json: { items, hasMore: offset + items.length < shifts.length, offset, limit: 2 } }
      })
      const labels = yield* withMetadata(server.url, (metadata) =>
        Stream.runCollect(Stream.map(metadata.shifts.stream(undefined, { pageSize: 2 }), (s) => s.label))
      )
      expect(Chunk.toReadonlyArray(labels)).toEqual(["a", "b", "c"])
      expect(server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2"])
    })
  )

  it.scopedLive("routing plans: export answers the bytes, import sends them back as they are", () =>
    Effect.gen(function* () {
      const blob = new TextEncoder().encode("<plan>weekday</plan>")
      const server = yield* testServer((req) => (req.method === "GET" ? { bytes: blob } : { status: 200 }))
      const exported = yield* withMetadata(server.url, (metadata) =>
        Effect.tap(metadata.routingProfiles.plans.export("MAIN", "weekday"), (bytes) =>
          metadata.routingProfiles.plans.import("BACKUP", { data: bytes })
        )
      )
      expect(new TextDecoder().decode(exported)).toBe("<plan>weekday</plan>")
      const [get, put] = server.requests
      expect(get?.path).toBe("/rest/ofscMetadata/v1/routingProfiles/MAIN/plans/weekday/custom-actions/export")
      expect(get?.headers.accept).toBe("application/octet-stream")
      expect(put?.method).toBe("PUT")
      expect(put?.path).toBe("/rest/ofscMetadata/v1/routingProfiles/BACKUP/plans/custom-actions/import")
      expect(put?.headers["content-type"]).toBe("application/octet-stream")
      expect(put?.body.toString()).toBe("<plan>weekday</plan>")
    })
  )

  it.scopedLive("plugins.import uploads the plugin file as multipart form data", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      yield* withMetadata(server.url, (metadata) =>
        metadata.plugins.import({
          pluginFile: { data: new TextEncoder().encode("<plugin/>"), filename: "map.xml", contentType: "text/xml" }
        })
      )
      const seen = server.requests[0]!
      expect(seen.path).toBe("/rest/ofscMetadata/v1/plugins/custom-actions/import")
      expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/)
      const body = seen.body.toString()
      expect(body).toContain('name="pluginFile"; filename="map.xml"')
      expect(body).toContain("content-type: text/xml")
      expect(body).toContain("<plugin/>")
    })
  )

  it.scopedLive("a body and a query together: workZones.put with autoResolveConflicts", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      const zone = { workZoneLabel: "NORTH", workZoneName: "North", travelArea: "sunrise_enterprise" } as const
      yield* withMetadata(server.url, (metadata) =>
        metadata.workZones.put("NORTH", zone, { autoResolveConflicts: true })
      )
      const seen = server.requests[0]!
      expect(`${seen.method} ${seen.path}`).toBe("PUT /rest/ofscMetadata/v1/workZones/NORTH")
      expect(seen.query.get("autoResolveConflicts")).toBe("true")
      expect(JSON.parse(seen.body.toString())).toEqual(zone)
    })
  )

  it.scopedLive("properties.enumerationList.put sends the values under `items`", () =>
    Effect.gen(function* () {
      const value = { label: "red", active: true, translations: [{ language: "en", name: "Red" }] }
      const server = yield* testServer(() => ({ json: value }))
      const answer = yield* withMetadata(server.url, (metadata) =>
        metadata.properties.enumerationList.put("XA_COLOR", { items: [value] })
      )
      expect(answer.label).toBe("red")
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ items: [value] })
    })
  )

  it("the table holds all 86 metadata operations", () => {
    expect(MetadataOperations.operations).toHaveLength(86)
    expect(new Set(MetadataOperations.operations.map((op) => op.id)).size).toBe(86)
    expect(MetadataOperations.routingProfilesPlansExport.success.kind).toBe("bytes")
    expect(MetadataOperations.pluginsImport.body.kind).toBe("multipart")
  })
})
