import { it } from "@effect/vitest"
import { OfscCore, Operation } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { described, failure, http, seeded, transport, withRules } from "./support.js"

const activityId = seeded.activities[3]?.activityId as number
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 0, 7])

describe("file properties", () => {
  it.scopedLive("PUT stores the bytes; GET answers them for octet-stream or the file's type, JSON otherwise", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const files = (yield* OfscCore).activities.files
        const raw = (yield* transport).raw
        yield* files.put(activityId, "csign", { data: png, contentType: "image/png", filename: "signature.png" })

        const bytes = yield* files.get(activityId, "csign")
        expect([...bytes]).toEqual([...png])

        const path = `/rest/ofscCore/v1/activities/${activityId}/csign`
        const asImage = yield* http(sim, "GET", path, { headers: { accept: "image/png" } })
        expect(asImage.status).toBe(200)
        expect(asImage.headers.get("content-type")).toBe("image/png")
        expect(asImage.headers.get("content-disposition")).toBe('attachment; filename="signature.png"')
        expect([...asImage.bytes]).toEqual([...png])

        const description = yield* raw("GET", path)
        expect(description).toEqual({
          name: "signature.png",
          mediaType: "image/png",
          size: png.length,
          links: [{ rel: "canonical", href: `${sim.url}${path}`, mediaType: "image/png" }]
        })

        // a second PUT replaces the file
        yield* files.put(activityId, "csign", { data: new Uint8Array([9, 9]), contentType: "application/pdf" })
        expect([...(yield* files.get(activityId, "csign"))]).toEqual([9, 9])
        expect(yield* raw("GET", path)).toMatchObject({ name: "csign", mediaType: "application/pdf", size: 2 })

        yield* files.delete(activityId, "csign")
        const gone = yield* failure(files.get(activityId, "csign"))
        expect(described(gone)).toMatchObject({ tag: "OfscNotFound", status: 404 })
      })
    )
  )

  it.scopedLive("resources and users keep their own files; unknown entities answer 404", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        yield* core.resources.files.put("TECH_00002", "badge", { data: new Uint8Array([1]), filename: "b.bin" })
        yield* core.users.files.put("user0001", "badge", { data: new Uint8Array([2]), filename: "u.bin" })
        expect([...(yield* core.resources.files.get("TECH_00002", "badge"))]).toEqual([1])
        expect([...(yield* core.users.files.get("user0001", "badge"))]).toEqual([2])
        expect(described(yield* failure(core.resources.files.get("TECH_00003", "badge"))).tag).toBe("OfscNotFound")

        const nobody = yield* failure(core.resources.files.put("NOBODY", "badge", { data: new Uint8Array([1]) }))
        expect(described(nobody)).toEqual({ tag: "OfscNotFound", status: 404, detail: "Resource 'NOBODY' not found" })
        expect(described(yield* failure(core.activities.files.get(1, "csign"))).tag).toBe("OfscNotFound")
        expect(described(yield* failure(core.inventories.files.delete(1, "photo"))).tag).toBe("OfscNotFound")
        expect(described(yield* failure(core.users.files.delete("nobody", "badge"))).tag).toBe("OfscNotFound")
      })
    )
  )

  it.scopedLive("refuses a label the metadata knows as something else than a file of that entity", () =>
    withRules(() =>
      Effect.gen(function* () {
        const core = yield* OfscCore
        const notAFile = yield* failure(
          core.activities.files.put(activityId, "XA_PRIORITY", { data: new Uint8Array([1]) })
        )
        expect(described(notAFile)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Property 'XA_PRIORITY' is not a file property of entity 'activity'."
        })
        const otherEntity = yield* failure(
          core.resources.files.put("TECH_00002", "photo", { data: new Uint8Array([1]) })
        )
        expect(described(otherEntity).tag).toBe("OfscBadRequest")
        const empty = yield* failure(core.activities.files.put(activityId, "photo", { data: new Uint8Array([]) }))
        expect(described(empty).detail).toBe("The file is empty.")
      })
    )
  )
})

describe("daily extract", () => {
  const dates = Array.from({ length: seeded.days }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`)

  it.scopedLive("lists a folder per seeded day, its files with links, and downloads the same bytes each time", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const extract = (yield* OfscCore).dailyExtract
        const folders = yield* extract.folders()
        expect(folders.items?.map((f) => f.name)).toEqual(dates)
        expect(folders.items?.[0]?.links).toEqual([
          { rel: "canonical", href: `${sim.url}/rest/ofscCore/v1/folders/dailyExtract/folders/2026-11-01/files` }
        ])

        const files = yield* extract.files("2026-11-03")
        expect(files.items?.map((f) => f.name)).toEqual(["activities_2026-11-03.csv", "resources_2026-11-03.csv"])
        expect(files.items?.[0]?.links?.[0]).toEqual({
          rel: "canonical",
          href: `${sim.url}/rest/ofscCore/v1/folders/dailyExtract/folders/2026-11-03/files/activities_2026-11-03.csv`,
          mediaType: "application/octet-stream"
        })

        const bytes = yield* extract.download("2026-11-03", "activities_2026-11-03.csv")
        const lines = Buffer.from(bytes).toString("utf8").trimEnd().split("\r\n")
        const ofDay = seeded.activities.filter((a) => a.date === "2026-11-03")
        expect(lines[0]).toBe(
          "activityId,resourceId,date,status,activityType,apptNumber,customerNumber,city,postalCode,timeSlot,duration"
        )
        expect(lines).toHaveLength(ofDay.length + 1)
        expect(lines[1]?.split(",").slice(0, 3)).toEqual([
          String(ofDay[0]?.activityId),
          ofDay[0]?.resourceId,
          "2026-11-03"
        ])
        const again = yield* extract.download("2026-11-03", "activities_2026-11-03.csv")
        expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true)

        const resources = yield* extract.download("2026-11-03", "resources_2026-11-03.csv")
        expect(Buffer.from(resources).toString("utf8").trimEnd().split("\r\n")).toHaveLength(
          seeded.resources.length + 1
        )
      })
    )
  )

  it.scopedLive("answers 404 for unknown dates and files", () =>
    withRules(() =>
      Effect.gen(function* () {
        const extract = (yield* OfscCore).dailyExtract
        expect(described(yield* failure(extract.files("2020-01-01")))).toEqual({
          tag: "OfscNotFound",
          status: 404,
          detail: "Daily extract folder '2020-01-01' not found"
        })
        expect(described(yield* failure(extract.download("2020-01-01", "activities_2020-01-01.csv"))).tag).toBe(
          "OfscNotFound"
        )
        const wrongFile = yield* failure(extract.download("2026-11-03", "activities_2026-11-04.csv"))
        expect(described(wrongFile)).toMatchObject({ tag: "OfscNotFound", status: 404 })
      })
    )
  )
})

/** The import operation with a form that lacks `pluginFile` (the generated one requires it). */
const importWithoutFile = Operation.make({
  id: "test.plugins.importWithoutFile",
  method: "POST",
  path: "/rest/ofscMetadata/v1/plugins/custom-actions/import",
  body: { kind: "multipart", schema: Schema.Struct({ note: Schema.String }) }
})

const pluginXml = `<?xml version="1.0" encoding="UTF-8"?>
<root>
  <plugins>
    <plugin label="route_helper" action_label="route_helper_action" type="addon">
      <translations><translation lang="en" val="Route helper &amp; more"/></translations>
    </plugin>
  </plugins>
</root>`

describe("plugin import", () => {
  it.scopedLive("imports the plugins of a pluginFile; install then refuses their labels (409)", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const plugins = (yield* OfscMetadata).plugins
        yield* plugins.import({
          pluginFile: { data: Buffer.from(pluginXml), contentType: "text/xml", filename: "route_helper.xml" }
        })
        const taken = yield* failure(plugins.install("route_helper"))
        expect(described(taken)).toEqual({
          tag: "OfscConflict",
          status: 409,
          detail: "A plugin with label 'route_helper' already exists."
        })
        const raw = yield* http(sim, "POST", "/rest/ofscMetadata/v1/plugins/route_helper/custom-actions/install")
        expect(raw.json).toMatchObject({ status: "409", "o:errorCode": "LABEL_NOT_UNIQUE" })
        // importing again updates the plugin: still 204
        yield* plugins.import({ pluginFile: { data: Buffer.from(pluginXml) } })
      })
    )
  )

  it.scopedLive("install adds a standard plugin once; unknown labels answer 404", () =>
    withRules(() =>
      Effect.gen(function* () {
        const plugins = (yield* OfscMetadata).plugins
        yield* plugins.install("standard_barcode_scanner")
        expect(described(yield* failure(plugins.install("standard_barcode_scanner"))).tag).toBe("OfscConflict")
        const unknown = yield* failure(plugins.install("no_such_plugin"))
        expect(described(unknown)).toEqual({
          tag: "OfscNotFound",
          status: 404,
          detail: "Standard plugin 'no_such_plugin' not found"
        })
      })
    )
  )

  it.scopedLive("answers 400 without a pluginFile, or with one that is not plugin XML", () =>
    withRules(() =>
      Effect.gen(function* () {
        const t = yield* transport
        const missing = yield* failure(t.call(importWithoutFile, { body: { note: "no file" } }))
        expect(described(missing)).toEqual({
          tag: "OfscBadRequest",
          status: 400,
          detail: "Field 'pluginFile' is absent."
        })

        const plugins = (yield* OfscMetadata).plugins
        const notXml = yield* failure(plugins.import({ pluginFile: { data: Buffer.from("hello"), filename: "x.txt" } }))
        expect(described(notXml).detail).toBe("Field 'pluginFile' is not a plugin XML file.")
        const noPlugin = yield* failure(plugins.import({ pluginFile: { data: Buffer.from("<root/>") } }))
        expect(described(noPlugin).detail).toBe("Field 'pluginFile' describes no plugin.")
      })
    )
  )

  it.scopedLive("a form cut at any byte before its closing boundary is refused (400) and imports nothing", () =>
    withRules((sim) =>
      Effect.gen(function* () {
        const form = new FormData()
        form.append("pluginFile", new Blob([pluginXml], { type: "text/xml" }), "route_helper.xml")
        const request = new Request("http://x/", { method: "POST", body: form })
        const whole = new Uint8Array(yield* Effect.promise(() => request.arrayBuffer()))
        const headers = { "content-type": request.headers.get("content-type") ?? "" }
        const path = "/rest/ofscMetadata/v1/plugins/custom-actions/import"
        // up to the end of the closing delimiter (after it only the trailing `--` and line end are missing)
        const delimiter = `\r\n--${/boundary=(.+)$/.exec(headers["content-type"])?.[1]}`
        const closed = Buffer.from(whole).lastIndexOf(delimiter) + delimiter.length
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(fc.integer({ min: 1, max: closed - 1 }), async (cut) => {
              const answer = await Effect.runPromise(http(sim, "POST", path, { headers, body: whole.subarray(0, cut) }))
              expect(answer.status).toBe(400)
              expect(answer.json).toMatchObject({ detail: "body: multipart cut off before its closing boundary" })
              expect(sim.store.collection("plugins").get("route_helper")).toBeUndefined()
            }),
            { numRuns: 40 }
          )
        )
        // the whole form still imports: what was refused was only the cut
        expect((yield* http(sim, "POST", path, { headers, body: whole })).status).toBe(204)
        expect(sim.store.collection("plugins").get("route_helper")).toBeDefined()
      })
    )
  )
})
