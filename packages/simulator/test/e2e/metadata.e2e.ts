/** End-to-end: every ofscMetadata operation through OfscMetadata, against the simulator. */
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Chunk, Effect, Stream } from "effect"
import { expect } from "vitest"
import { e2eSuite, expectFailure, utf8 } from "./support/harness.js"

const labelsOf = (page: { readonly items?: ReadonlyArray<{ readonly label?: string | undefined }> | undefined }) =>
  (page.items ?? []).map((item) => item.label)

/** Registers the metadata suite. */
export const metadataSuite = () =>
  e2eSuite("e2e metadata", (it) => {
    it.effect("activity type groups: list, get, put then get, unknown label", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const groups = yield* meta.activityTypeGroups.list({ limit: 10 })
        expect(labelsOf(groups)).toContain("customer")
        const customer = yield* meta.activityTypeGroups.get("customer")
        expect(customer.label).toBe("customer")
        expect(customer.activityTypes?.map((t) => t.label)).toContain("install")

        const put = yield* meta.activityTypeGroups.put("e2e_group", {
          label: "e2e_group",
          translations: [{ language: "en", name: "E2E group" }]
        })
        expect(put.label).toBe("e2e_group")
        const read = yield* meta.activityTypeGroups.get("e2e_group")
        expect(read.translations?.find((t) => t.language === "en")?.name).toBe("E2E group")
        yield* expectFailure(meta.activityTypeGroups.get("no_such_group"), "OfscNotFound")
      })
    )

    it.effect("activity types: list, get, put then get", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const types = yield* meta.activityTypes.list()
        expect(labelsOf(types)).toEqual(expect.arrayContaining(["install", "repair", "inspection"]))
        const install = yield* meta.activityTypes.get("install")
        expect(install).toMatchObject({ label: "install", active: true, groupLabel: "customer" })

        const put = yield* meta.activityTypes.put("e2e_type", {
          active: true,
          groupLabel: "customer",
          defaultDuration: 45,
          features: { allowMoveBetweenResources: true, supportOfInventory: true },
          translations: [{ language: "en", name: "E2E type" }]
        })
        expect(put).toMatchObject({ label: "e2e_type", active: true, groupLabel: "customer", defaultDuration: 45 })
        const read = yield* meta.activityTypes.get("e2e_type")
        expect(read.defaultDuration).toBe(45)
        expect(read.features?.supportOfInventory).toBe(true)
        const after = yield* meta.activityTypes.list()
        expect(after.items?.length).toBe((types.items?.length ?? 0) + 1)
        yield* expectFailure(meta.activityTypes.get("no_such_type"), "OfscNotFound")
      })
    )

    it.effect("applications: list, get, put, API access, client secret", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const apps = yield* meta.applications.list()
        expect(labelsOf(apps)).toContain("ofsc-sim")
        const sim = yield* meta.applications.get("ofsc-sim")
        expect(sim).toMatchObject({ label: "ofsc-sim", status: "active" })

        const created = yield* meta.applications.put("e2e_app", {
          name: "E2E application",
          status: "active",
          tokenService: "ofsc",
          resourcesToAllow: [{ resourceId: "ROOT" }],
          IPAddressesToAllow: []
        })
        expect(created).toMatchObject({ label: "e2e_app", name: "E2E application", tokenService: "ofsc" })
        const read = yield* meta.applications.get("e2e_app")
        expect(read.name).toBe("E2E application")

        const access = yield* meta.applications.apiAccess.list("e2e_app")
        expect(labelsOf(access)).toContain("coreAPI")
        const core = yield* meta.applications.apiAccess.get("e2e_app", "coreAPI")
        expect(core.label).toBe("coreAPI")
        const patched = yield* meta.applications.apiAccess.update("e2e_app", "coreAPI", { status: "inactive" })
        expect(patched.status).toBe("inactive")
        const reread = yield* meta.applications.apiAccess.get("e2e_app", "coreAPI")
        expect(reread.status).toBe("inactive")

        const first = yield* meta.applications.generateClientSecret("e2e_app")
        const second = yield* meta.applications.generateClientSecret("e2e_app")
        expect(first.clientSecret).toMatch(/.{8,}/)
        expect(second.clientSecret).not.toBe(first.clientSecret)
        yield* expectFailure(meta.applications.get("no_such_app"), "OfscNotFound")
        yield* expectFailure(meta.applications.generateClientSecret("no_such_app"), "OfscNotFound")
      })
    )

    it.effect("capacity areas and their categories, children, organizations, intervals, slots, zones", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const areas = yield* meta.capacityAreas.list()
        const labels = labelsOf(areas)
        expect(labels).toEqual(expect.arrayContaining(["BUCKET_001", "BUCKET_002"]))
        const area = yield* meta.capacityAreas.get("BUCKET_001")
        expect(area).toMatchObject({ label: "BUCKET_001", status: "active" })

        const known = {
          categories: labelsOf(yield* meta.capacityCategories.list()),
          slots: labelsOf(yield* meta.timeSlots.list()),
          organizations: labelsOf(yield* meta.organizations.list()),
          zones: ((yield* meta.workZones.list()).items ?? []).map((z) => z.workZoneLabel)
        }
        const categories = yield* meta.capacityAreas.capacityCategories.list("BUCKET_001")
        expect(categories.items?.length).toBeGreaterThan(0)
        for (const c of categories.items ?? []) expect(known.categories).toContain(c.label)
        // the children of an area are the areas whose parent it is
        const children = yield* meta.capacityAreas.children.list("BUCKET_001")
        expect(labelsOf(children).sort()).toEqual(
          (areas.items ?? [])
            .filter((a) => a.parent?.label === "BUCKET_001")
            .map((a) => a.label)
            .sort()
        )
        const organizations = yield* meta.capacityAreas.organizations.list("BUCKET_001")
        expect(organizations.items?.length).toBeGreaterThan(0)
        for (const o of organizations.items ?? []) expect(known.organizations).toContain(o.label)
        const intervals = yield* meta.capacityAreas.timeIntervals.list("BUCKET_001")
        for (const i of intervals.items ?? []) expect(i.timeFrom).toMatch(/^\d\d:\d\d/)
        const slots = yield* meta.capacityAreas.timeSlots.list("BUCKET_001")
        expect(slots.items?.length).toBeGreaterThan(0)
        for (const s of slots.items ?? []) expect(known.slots).toContain(s.label)
        const zonesV1 = yield* meta.capacityAreas.workZones.listV1("BUCKET_001")
        const zonesV2 = yield* meta.capacityAreas.workZones.list("BUCKET_001")
        expect(zonesV2.items?.length).toBeGreaterThan(0)
        expect(zonesV1.items?.map((z) => z.label)).toEqual(zonesV2.items?.map((z) => z.workZoneLabel))
        for (const z of zonesV2.items ?? []) expect(known.zones).toContain(z.workZoneLabel)

        yield* expectFailure(meta.capacityAreas.get("NO_SUCH_AREA"), "OfscNotFound")
        yield* expectFailure(meta.capacityAreas.timeSlots.list("NO_SUCH_AREA"), "OfscNotFound")
      })
    )

    it.effect("capacity categories: list, get, put, delete then get is not found", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const before = yield* meta.capacityCategories.list()
        expect(labelsOf(before)).toEqual(expect.arrayContaining(["install", "repair"]))
        const install = yield* meta.capacityCategories.get("install")
        expect(install).toMatchObject({ label: "install", active: true })

        const put = yield* meta.capacityCategories.put("e2e_cat", {
          name: "E2E category",
          active: true,
          workSkills: [{ label: "electrical", ratio: 100 }],
          timeSlots: [{ label: "08-10" }]
        })
        expect(put).toMatchObject({ label: "e2e_cat", name: "E2E category", active: true })
        const read = yield* meta.capacityCategories.get("e2e_cat")
        expect(read.workSkills?.map((w) => w.label)).toEqual(["electrical"])
        expect(labelsOf(yield* meta.capacityCategories.list())).toContain("e2e_cat")

        yield* meta.capacityCategories.delete("e2e_cat")
        yield* expectFailure(meta.capacityCategories.get("e2e_cat"), "OfscNotFound")
        yield* expectFailure(meta.capacityCategories.delete("e2e_cat"), "OfscNotFound")
      })
    )

    it.effect("forms: list, get, put, delete then get is not found", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        expect(labelsOf(yield* meta.forms.list())).toContain("checklist")
        const checklist = yield* meta.forms.get("checklist")
        expect(checklist.label).toBe("checklist")

        const content = JSON.stringify({ items: [{ type: "text", label: "notes" }] })
        const put = yield* meta.forms.put("e2e_form", {
          content,
          translations: [{ language: "en", name: "E2E form" }]
        })
        expect(put).toMatchObject({ label: "e2e_form", name: "E2E form", content })
        const read = yield* meta.forms.get("e2e_form", { language: "en" })
        expect(read).toMatchObject({ label: "e2e_form", name: "E2E form", content })

        yield* meta.forms.delete("e2e_form")
        yield* expectFailure(meta.forms.get("e2e_form"), "OfscNotFound")
      })
    )

    it.effect("inventory types: list, get, put then get", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        expect(labelsOf(yield* meta.inventoryTypes.list())).toEqual(expect.arrayContaining(["router", "cable"]))
        const cable = yield* meta.inventoryTypes.get("cable")
        expect(cable).toMatchObject({ label: "cable", nonSerialized: true })

        const put = yield* meta.inventoryTypes.put("e2e_part", {
          active: true,
          nonSerialized: false,
          translations: [{ language: "en", name: "E2E part", unitOfMeasurement: "pcs" }]
        })
        expect(put).toMatchObject({ label: "e2e_part", name: "E2E part", active: true, nonSerialized: false })
        const read = yield* meta.inventoryTypes.get("e2e_part", { language: "en" })
        expect(read.translations.map((t) => t.name)).toContain("E2E part")
        yield* expectFailure(meta.inventoryTypes.get("no_such_part"), "OfscNotFound")
      })
    )

    it.effect("languages, non-working reasons, resource types, time slots, organizations", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const languages = yield* meta.languages.list()
        expect(languages.items?.find((l) => l.label === "en")).toMatchObject({ label: "en", active: true })
        expect(labelsOf(yield* meta.nonWorkingReasons.list())).toEqual(expect.arrayContaining(["vacation", "sick"]))
        const types = yield* meta.resourceTypes.list()
        expect(types.items?.find((t) => t.label === "BK")?.role).toBe("bucket")
        const slots = yield* meta.timeSlots.list()
        expect(slots.items?.find((s) => s.label === "08-10")).toMatchObject({ timeStart: "08:00", timeEnd: "10:00" })
        const streamed = yield* Stream.runCollect(meta.timeSlots.stream({ limit: 2 }, { pageSize: 2 }))
        expect(Chunk.toReadonlyArray(streamed).map((s) => s.label)).toEqual(slots.items?.map((s) => s.label))

        const organizations = yield* meta.organizations.list()
        expect(labelsOf(organizations)).toContain("default")
        const organization = yield* meta.organizations.get("default")
        expect(organization).toMatchObject({ label: "default", type: "inhouse" })
        yield* expectFailure(meta.organizations.get("no_such_org"), "OfscNotFound")
      })
    )

    it.effect("link templates: list, get, create, update then get", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        expect(labelsOf(yield* meta.linkTemplates.list())).toContain("start-after")
        const seeded = yield* meta.linkTemplates.get("start-after")
        expect(seeded).toMatchObject({ label: "start-after", active: true })

        const body = {
          label: "e2e_link",
          reverseLabel: "e2e_link_rev",
          linkType: "related",
          active: true,
          translations: [{ language: "en", name: "E2E link", reverseName: "E2E link (reverse)" }]
        }
        const created = yield* meta.linkTemplates.create("e2e_link", body)
        expect(created).toMatchObject({ label: "e2e_link", linkType: "related", active: true })
        const updated = yield* meta.linkTemplates.update("e2e_link", { ...body, active: false })
        expect(updated.active).toBe(false)
        const read = yield* meta.linkTemplates.get("e2e_link")
        expect(read).toMatchObject({ label: "e2e_link", active: false, reverseLabel: "e2e_link_rev" })
        yield* expectFailure(meta.linkTemplates.create("e2e_link", body), "OfscConflict")
        yield* expectFailure(meta.linkTemplates.get("no_such_link"), "OfscNotFound")
      })
    )

    it.effect("map layers: create, get, put, list, populate layers and its status", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const before = yield* meta.mapLayers.list()
        const layer = {
          label: "e2e_layer",
          status: "active" as const,
          text: "E2E layer",
          shapeTitleColumn: "NAME",
          tableColumns: ["NAME", "ZONE"]
        }
        const created = yield* meta.mapLayers.create(layer)
        expect(created).toMatchObject({ label: "e2e_layer", status: "active" })
        expect((yield* meta.mapLayers.get("e2e_layer")).text).toBe("E2E layer")
        const replaced = yield* meta.mapLayers.put("e2e_layer", { ...layer, status: "inactive" })
        expect(replaced.status).toBe("inactive")
        expect((yield* meta.mapLayers.get("e2e_layer")).status).toBe("inactive")
        const after = yield* meta.mapLayers.list()
        expect(after.items?.length).toBe((before.items?.length ?? 0) + 1)
        expect(labelsOf(after)).toContain("e2e_layer")

        const started = yield* meta.mapLayers.populateLayers({
          URL: "https://example.com/layers.zip",
          authentication: { type: "none" },
          layerLabel: "e2e_layer",
          SRID: 4326
        })
        expect(started.downloadId).toEqual(expect.any(Number))
        const status = yield* meta.mapLayers.populateLayersStatus(String(started.downloadId))
        expect(status.downloadId).toBe(started.downloadId)
        expect(status.status).toEqual(expect.any(String))
        yield* expectFailure(meta.mapLayers.get("no_such_layer"), "OfscNotFound")
        yield* expectFailure(meta.mapLayers.populateLayersStatus("999999999"), "OfscNotFound")
      })
    )

    it.effect("plugins: import an XML file; install refuses an installed label and an unknown standard plugin", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<plugins version="1"><plugin label="e2e_plugin" action_label="e2e_action" type="addon">
<translations><translation lang="en" val="E2E plugin"/></translations></plugin></plugins>`
        yield* meta.plugins.import({
          pluginFile: { data: utf8(xml), contentType: "text/xml", filename: "e2e_plugin.xml" }
        })
        // install is for Oracle's standard plugins: a label already present is LABEL_NOT_UNIQUE (409),
        // a label that is no standard plugin is 404
        const conflict = yield* expectFailure(meta.plugins.install("e2e_plugin"), "OfscConflict")
        expect(conflict.status).toBe(409)
        yield* expectFailure(meta.plugins.install("no_such_standard_plugin"), "OfscNotFound")
      })
    )

    it.effect("properties: list, get, put, update then get, enumeration list", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const all = yield* meta.properties.list({ entity: "activity" })
        expect(labelsOf(all)).toEqual(expect.arrayContaining(["XA_PRIORITY", "csign"]))
        for (const p of all.items ?? []) expect(p.entity).toBe("activity")
        const priority = yield* meta.properties.get("XA_PRIORITY")
        expect(priority).toMatchObject({ label: "XA_PRIORITY", type: "string", entity: "activity" })

        const put = yield* meta.properties.put("XA_E2E_NOTE", {
          label: "XA_E2E_NOTE",
          name: "E2E note",
          type: "string",
          entity: "activity",
          gui: "text",
          lines: 3
        })
        expect(put).toMatchObject({ label: "XA_E2E_NOTE", name: "E2E note", type: "string" })
        const patched = yield* meta.properties.update("XA_E2E_NOTE", { name: "E2E note (renamed)" })
        expect(patched).toMatchObject({ label: "XA_E2E_NOTE", name: "E2E note (renamed)", lines: 3 })
        expect((yield* meta.properties.get("XA_E2E_NOTE")).name).toBe("E2E note (renamed)")

        yield* meta.properties.put("XA_E2E_COLOUR", {
          label: "XA_E2E_COLOUR",
          name: "Colour",
          type: "enumeration",
          entity: "activity",
          gui: "combobox"
        })
        yield* meta.properties.enumerationList.put("XA_E2E_COLOUR", {
          items: [
            { label: "red", active: true, translations: [{ language: "en", name: "Red" }] },
            { label: "blue", active: true, translations: [{ language: "en", name: "Blue" }] }
          ]
        })
        const values = yield* meta.properties.enumerationList.list("XA_E2E_COLOUR")
        expect(values.items?.map((v) => v.label)).toEqual(["red", "blue"])
        expect(values.items?.[1]?.translations[0]?.name).toBe("Blue")
        yield* expectFailure(meta.properties.get("XA_NO_SUCH"), "OfscNotFound")
      })
    )

    it.effect("routing profiles and plans: list, import, export, force import, start", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const profiles = yield* meta.routingProfiles.list()
        expect(profiles.items).toContain("default")
        const before = yield* meta.routingProfiles.plans.list("default")

        const plan = utf8(
          JSON.stringify({ planLabel: "e2e_plan", profileLabel: "default", name: "E2E plan", version: 1 })
        )
        yield* meta.routingProfiles.plans.import("default", { data: plan, filename: "e2e_plan.json" })
        const after = yield* meta.routingProfiles.plans.list("default")
        expect(after.items).toContain("e2e_plan")
        expect(after.items?.length).toBe((before.items?.length ?? 0) + 1)

        const exported = yield* meta.routingProfiles.plans.export("default", "e2e_plan")
        expect(exported.byteLength).toBeGreaterThan(0)
        // the plan exists now: a plain import refuses it, a forced import overwrites it
        yield* expectFailure(meta.routingProfiles.plans.import("default", { data: exported }), "OfscConflict")
        yield* meta.routingProfiles.plans.forceImport("default", { data: exported })
        expect((yield* meta.routingProfiles.plans.list("default")).items?.length).toBe(after.items?.length)

        yield* meta.routingProfiles.plans.start("default", "e2e_plan", "BUCKET_001", "2026-11-02")
        yield* expectFailure(meta.routingProfiles.plans.export("default", "no_such_plan"), "OfscNotFound")
        yield* expectFailure(
          meta.routingProfiles.plans.start("default", "no_such_plan", "BUCKET_001", "2026-11-02"),
          "OfscNotFound"
        )
      })
    )

    it.effect("shifts: list, get, put then get, delete then not found, delete in use is a conflict", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const core = yield* OfscCore
        const shifts = yield* meta.shifts.list()
        expect(labelsOf(shifts)).toEqual(expect.arrayContaining(["day", "early", "late", "blue_oncall"]))
        const day = yield* meta.shifts.get("day")
        expect(day).toMatchObject({ label: "day", type: "regular", workTimeStart: "08:00:00", workTimeEnd: "17:00:00" })

        const put = yield* meta.shifts.put("e2e_shift", {
          name: "E2E shift",
          active: true,
          type: "regular",
          points: 7,
          workTimeStart: "09:00",
          workTimeEnd: "15:30"
        })
        expect(put).toMatchObject({ name: "E2E shift", type: "regular", points: 7 })
        const read = yield* meta.shifts.get("e2e_shift")
        expect(read).toMatchObject({ label: "e2e_shift", points: 7 })
        expect(read.workTimeStart.startsWith("09:00")).toBe(true)
        expect(read.workTimeEnd.startsWith("15:30")).toBe(true)
        const replaced = yield* meta.shifts.put("e2e_shift", {
          name: "E2E shift",
          active: true,
          type: "regular",
          points: 9,
          workTimeStart: "09:00",
          workTimeEnd: "15:30"
        })
        expect(replaced.points).toBe(9)

        yield* meta.shifts.delete("e2e_shift")
        yield* expectFailure(meta.shifts.get("e2e_shift"), "OfscNotFound")
        yield* expectFailure(meta.shifts.delete("e2e_shift"), "OfscNotFound")

        // a shift used by a work schedule cannot be deleted
        yield* meta.shifts.put("e2e_used", {
          name: "Used",
          active: true,
          type: "regular",
          workTimeStart: "07:00",
          workTimeEnd: "12:00"
        })
        yield* core.resources.workSchedules.create("TECH_00003", {
          recordType: "shift",
          shiftLabel: "e2e_used",
          startDate: "2026-11-02",
          endDate: "2026-11-06",
          recurrence: { recurrenceType: "daily", recurEvery: 1 }
        })
        const conflict = yield* expectFailure(meta.shifts.delete("e2e_used"), "OfscConflict")
        expect(conflict.status).toBe(409)
        expect((yield* meta.shifts.get("e2e_used")).name).toBe("Used")
      })
    )

    it.effect("work skill conditions: list, put then list", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        yield* meta.workSkillConditions.list()
        const put = yield* meta.workSkillConditions.put({
          items: [
            {
              internalId: 1,
              label: "electrical",
              requiredLevel: 1,
              preferableLevel: 2,
              conditions: [{ label: "activityType", function: "in", valueList: ["install", "repair"] }]
            }
          ]
        })
        expect(put.items?.map((c) => c.label)).toEqual(["electrical"])
        const read = yield* meta.workSkillConditions.list()
        expect(read.items?.[0]).toMatchObject({
          internalId: 1,
          label: "electrical",
          requiredLevel: 1,
          preferableLevel: 2
        })
        expect(read.items?.[0]?.conditions?.[0]?.valueList).toEqual(["install", "repair"])
      })
    )

    it.effect("work skill groups: list, get, put, delete then not found", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        expect(labelsOf(yield* meta.workSkillGroups.list())).toContain("field")
        expect((yield* meta.workSkillGroups.get("field")).label).toBe("field")
        const put = yield* meta.workSkillGroups.put("e2e_wsg", {
          name: "E2E skills",
          assignToResource: true,
          addToCapacityCategory: false,
          active: true,
          workSkills: [
            { label: "electrical", ratio: 60 },
            { label: "fiber", ratio: 40 }
          ],
          translations: [{ language: "en", name: "E2E skills" }]
        })
        expect(put).toMatchObject({ label: "e2e_wsg", assignToResource: true, active: true })
        const read = yield* meta.workSkillGroups.get("e2e_wsg")
        expect(read.workSkills?.map((w) => [w.label, w.ratio])).toEqual([
          ["electrical", 60],
          ["fiber", 40]
        ])
        yield* meta.workSkillGroups.delete("e2e_wsg")
        yield* expectFailure(meta.workSkillGroups.get("e2e_wsg"), "OfscNotFound")
      })
    )

    it.effect("work skills: list, get, put, delete then not found", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const skills = yield* meta.workSkills.list()
        expect(labelsOf(skills)).toEqual(expect.arrayContaining(["electrical", "plumbing"]))
        expect(yield* meta.workSkills.get("plumbing")).toMatchObject({ label: "plumbing", active: true })
        const put = yield* meta.workSkills.put("e2e_skill", {
          name: "E2E skill",
          active: true,
          sharing: "minimal",
          translations: [{ language: "en", name: "E2E skill" }]
        })
        expect(put).toMatchObject({ label: "e2e_skill", sharing: "minimal" })
        expect((yield* meta.workSkills.get("e2e_skill")).name).toBe("E2E skill")
        expect((yield* meta.workSkills.list()).items?.length).toBe((skills.items?.length ?? 0) + 1)
        yield* meta.workSkills.delete("e2e_skill")
        yield* expectFailure(meta.workSkills.get("e2e_skill"), "OfscNotFound")
      })
    )

    it.effect("work zones: key, list, create, get, put, bulk update, bulk put, populate shapes", () =>
      Effect.gen(function* () {
        const meta = yield* OfscMetadata
        const key = yield* meta.workZoneKey.get()
        expect(key.current?.length).toBeGreaterThan(0)

        const zones = yield* meta.workZones.list()
        expect(zones.totalResults).toBe(20)
        expect(zones.items?.[0]?.workZoneLabel).toBe("WZ_0001")

        const zone = {
          workZoneLabel: "E2E_ZONE",
          workZoneName: "E2E zone",
          status: "active" as const,
          travelArea: "routing_area",
          keys: ["99901"]
        }
        const created = yield* meta.workZones.create(zone)
        expect(created).toMatchObject({ workZoneLabel: "E2E_ZONE", workZoneName: "E2E zone" })
        expect((yield* meta.workZones.get("E2E_ZONE")).keys).toEqual(["99901"])
        yield* expectFailure(meta.workZones.create(zone), "OfscConflict")

        yield* meta.workZones.put("E2E_ZONE", { ...zone, workZoneName: "E2E zone renamed" })
        expect((yield* meta.workZones.get("E2E_ZONE")).workZoneName).toBe("E2E zone renamed")

        yield* meta.workZones.bulkUpdate({ items: [{ ...zone, workZoneName: "E2E zone renamed", status: "inactive" }] })
        expect((yield* meta.workZones.get("E2E_ZONE")).status).toBe("inactive")

        yield* meta.workZones.bulkPut({
          items: [{ workZoneLabel: "E2E_ZONE_2", workZoneName: "Second", travelArea: "routing_area", keys: ["99902"] }]
        })
        expect((yield* meta.workZones.get("E2E_ZONE_2")).workZoneName).toBe("Second")

        const started = yield* meta.workZones.populateShapes({
          URL: "https://example.com/shapes.zip",
          authentication: { type: "none" },
          shapeIdentifierColumn: "ZONE",
          SRID: 4326
        })
        expect(started.downloadId).toEqual(expect.any(Number))
        const status = yield* meta.workZones.populateShapesStatus(String(started.downloadId))
        expect(status.downloadId).toBe(started.downloadId)
        expect(status.status).toEqual(expect.any(String))
        yield* expectFailure(meta.workZones.get("NO_SUCH_ZONE"), "OfscNotFound")
      })
    )
  })
