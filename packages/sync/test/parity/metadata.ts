/** Parity table of ofscMetadata: the e2e suite's calls, in its order. */
import { call, later, type ParityCall, saving, utf8 } from "./data.js"

const link = {
  label: "parity_link",
  reverseLabel: "parity_link_rev",
  linkType: "related",
  active: true,
  translations: [{ language: "en", name: "Parity link", reverseName: "Parity link (reverse)" }]
}
const layer = {
  label: "parity_layer",
  status: "active",
  text: "Parity layer",
  shapeTitleColumn: "NAME",
  tableColumns: ["NAME", "ZONE"]
}
const pluginXml = `<?xml version="1.0" encoding="UTF-8"?>
<plugins version="1"><plugin label="parity_plugin" action_label="parity_action" type="addon">
<translations><translation lang="en" val="Parity plugin"/></translations></plugin></plugins>`
const plan = utf8(
  JSON.stringify({ planLabel: "parity_plan", profileLabel: "default", name: "Parity plan", version: 1 })
)
const zone = {
  workZoneLabel: "PARITY_ZONE",
  workZoneName: "Parity zone",
  status: "active",
  travelArea: "routing_area",
  keys: ["99911"]
}

/** The calls, in order; later calls may rely on the state earlier ones left. */
export const metadataCalls: ReadonlyArray<ParityCall> = [
  call("metadata.timeSlots.list"),
  call("metadata.capacityCategories.list"),
  call("metadata.properties.put", "XR_BADGE", {
    label: "XR_BADGE",
    name: "Badge photo",
    type: "file",
    entity: "resource",
    gui: "image"
  }),
  call("metadata.properties.put", "XI_LABEL_PHOTO", {
    label: "XI_LABEL_PHOTO",
    name: "Label photo",
    type: "file",
    entity: "inventory",
    gui: "image"
  }),
  call("metadata.properties.put", "XU_AVATAR", {
    label: "XU_AVATAR",
    name: "Avatar",
    type: "file",
    entity: "user",
    gui: "image"
  }),
  call("metadata.activityTypeGroups.list", { limit: 10 }),
  call("metadata.activityTypeGroups.get", "customer"),
  call("metadata.activityTypeGroups.put", "e2e_group", {
    label: "e2e_group",
    translations: [{ language: "en", name: "E2E group" }]
  }),
  call("metadata.activityTypeGroups.get", "e2e_group"),
  call("metadata.activityTypeGroups.get", "no_such_group"),
  call("metadata.activityTypes.list"),
  call("metadata.activityTypes.get", "install"),
  call("metadata.activityTypes.put", "e2e_type", {
    active: true,
    groupLabel: "customer",
    defaultDuration: 45,
    features: { allowMoveBetweenResources: true, supportOfInventory: true },
    translations: [{ language: "en", name: "E2E type" }]
  }),
  call("metadata.activityTypes.get", "e2e_type"),
  call("metadata.activityTypes.list"),
  call("metadata.activityTypes.get", "no_such_type"),
  call("metadata.applications.list"),
  call("metadata.applications.get", "ofsc-sim"),
  call("metadata.applications.put", "e2e_app", {
    name: "E2E application",
    status: "active",
    tokenService: "ofsc",
    resourcesToAllow: [{ resourceId: "ROOT" }],
    IPAddressesToAllow: []
  }),
  call("metadata.applications.get", "e2e_app"),
  call("metadata.applications.apiAccess.list", "e2e_app"),
  call("metadata.applications.apiAccess.get", "e2e_app", "coreAPI"),
  call("metadata.applications.apiAccess.update", "e2e_app", "coreAPI", { status: "inactive" }),
  call("metadata.applications.apiAccess.get", "e2e_app", "coreAPI"),
  call("metadata.applications.generateClientSecret", "e2e_app"),
  call("metadata.applications.generateClientSecret", "e2e_app"),
  call("metadata.applications.get", "no_such_app"),
  call("metadata.applications.generateClientSecret", "no_such_app"),
  call("metadata.capacityAreas.list"),
  call("metadata.capacityAreas.get", "BUCKET_001"),
  call("metadata.capacityCategories.list"),
  call("metadata.timeSlots.list"),
  call("metadata.organizations.list"),
  call("metadata.workZones.list"),
  call("metadata.capacityAreas.capacityCategories.list", "BUCKET_001"),
  call("metadata.capacityAreas.children.list", "BUCKET_001"),
  call("metadata.capacityAreas.organizations.list", "BUCKET_001"),
  call("metadata.capacityAreas.timeIntervals.list", "BUCKET_001"),
  call("metadata.capacityAreas.timeSlots.list", "BUCKET_001"),
  call("metadata.capacityAreas.workZones.listV1", "BUCKET_001"),
  call("metadata.capacityAreas.workZones.list", "BUCKET_001"),
  call("metadata.capacityAreas.get", "NO_SUCH_AREA"),
  call("metadata.capacityAreas.timeSlots.list", "NO_SUCH_AREA"),
  call("metadata.capacityCategories.list"),
  call("metadata.capacityCategories.get", "install"),
  call("metadata.capacityCategories.put", "e2e_cat", {
    name: "E2E category",
    active: true,
    workSkills: [{ label: "electrical", ratio: 100 }],
    timeSlots: [{ label: "08-10" }]
  }),
  call("metadata.capacityCategories.get", "e2e_cat"),
  call("metadata.capacityCategories.list"),
  call("metadata.capacityCategories.delete", "e2e_cat"),
  call("metadata.capacityCategories.get", "e2e_cat"),
  call("metadata.capacityCategories.delete", "e2e_cat"),
  call("metadata.forms.list"),
  call("metadata.forms.get", "checklist"),
  call("metadata.forms.get", "e2e_form", { language: "en" }),
  call("metadata.forms.delete", "e2e_form"),
  call("metadata.forms.get", "e2e_form"),
  call("metadata.inventoryTypes.list"),
  call("metadata.inventoryTypes.get", "cable"),
  call("metadata.inventoryTypes.put", "e2e_part", {
    active: true,
    nonSerialized: false,
    translations: [{ language: "en", name: "E2E part", unitOfMeasurement: "pcs" }]
  }),
  call("metadata.inventoryTypes.get", "e2e_part", { language: "en" }),
  call("metadata.inventoryTypes.get", "no_such_part"),
  call("metadata.languages.list"),
  call("metadata.nonWorkingReasons.list"),
  call("metadata.resourceTypes.list"),
  call("metadata.timeSlots.list"),
  call("metadata.timeSlots.stream", { limit: 2 }, { pageSize: 2 }),
  call("metadata.organizations.list"),
  call("metadata.organizations.get", "default"),
  call("metadata.organizations.get", "no_such_org"),
  call("metadata.linkTemplates.list"),
  call("metadata.linkTemplates.get", "start_after"),
  call("metadata.linkTemplates.get", "e2e_link"),
  call("metadata.linkTemplates.get", "no_such_link"),
  call("metadata.mapLayers.list"),
  call("metadata.mapLayers.get", "e2e_layer"),
  call("metadata.mapLayers.get", "e2e_layer"),
  call("metadata.mapLayers.list"),
  call("metadata.mapLayers.populateLayers", {
    URL: "https://example.com/layers.zip",
    authentication: { type: "none" },
    layerLabel: "e2e_layer",
    SRID: 4326
  }),
  call("metadata.mapLayers.get", "no_such_layer"),
  call("metadata.mapLayers.populateLayersStatus", "999999999"),
  call("metadata.plugins.install", "e2e_plugin"),
  call("metadata.plugins.install", "no_such_standard_plugin"),
  call("metadata.properties.list", { entity: "activity" }),
  call("metadata.properties.get", "XA_PRIORITY"),
  call("metadata.properties.put", "XA_E2E_NOTE", {
    label: "XA_E2E_NOTE",
    name: "E2E note",
    type: "string",
    entity: "activity",
    gui: "text",
    lines: 3
  }),
  call("metadata.properties.update", "XA_E2E_NOTE", { name: "E2E note (renamed)" }),
  call("metadata.properties.get", "XA_E2E_NOTE"),
  call("metadata.properties.put", "XA_E2E_COLOUR", {
    label: "XA_E2E_COLOUR",
    name: "Colour",
    type: "enumeration",
    entity: "activity",
    gui: "combobox"
  }),
  call("metadata.properties.enumerationList.put", "XA_E2E_COLOUR", {
    items: [
      { label: "red", active: true, translations: [{ language: "en", name: "Red" }] },
      { label: "blue", active: true, translations: [{ language: "en", name: "Blue" }] }
    ]
  }),
  call("metadata.properties.enumerationList.list", "XA_E2E_COLOUR"),
  call("metadata.properties.get", "XA_NO_SUCH"),
  call("metadata.routingProfiles.list"),
  call("metadata.routingProfiles.plans.list", "default"),
  call("metadata.routingProfiles.plans.list", "default"),
  call("metadata.routingProfiles.plans.export", "default", "e2e_plan"),
  call("metadata.routingProfiles.plans.list", "default"),
  call("metadata.routingProfiles.plans.start", "default", "e2e_plan", "BUCKET_001", "2026-11-02"),
  call("metadata.routingProfiles.plans.export", "default", "no_such_plan"),
  call("metadata.routingProfiles.plans.start", "default", "no_such_plan", "BUCKET_001", "2026-11-02"),
  call("metadata.shifts.list"),
  call("metadata.shifts.get", "day"),
  call("metadata.shifts.put", "e2e_shift", {
    name: "E2E shift",
    active: true,
    type: "regular",
    points: 7,
    workTimeStart: "09:00",
    workTimeEnd: "15:30"
  }),
  call("metadata.shifts.get", "e2e_shift"),
  call("metadata.shifts.put", "e2e_shift", {
    name: "E2E shift",
    active: true,
    type: "regular",
    points: 9,
    workTimeStart: "09:00",
    workTimeEnd: "15:30"
  }),
  call("metadata.shifts.delete", "e2e_shift"),
  call("metadata.shifts.get", "e2e_shift"),
  call("metadata.shifts.delete", "e2e_shift"),
  call("metadata.shifts.put", "e2e_used", {
    name: "Used",
    active: true,
    type: "regular",
    workTimeStart: "07:00",
    workTimeEnd: "12:00"
  }),
  call("metadata.shifts.delete", "e2e_used"),
  call("metadata.shifts.get", "e2e_used"),
  call("metadata.workSkillConditions.list"),
  call("metadata.workSkillConditions.put", {
    items: [
      {
        internalId: 1,
        label: "electrical",
        requiredLevel: 1,
        preferableLevel: 2,
        conditions: [{ label: "activityType", function: "in", valueList: ["install", "repair"] }]
      }
    ]
  }),
  call("metadata.workSkillConditions.list"),
  call("metadata.workSkillGroups.list"),
  call("metadata.workSkillGroups.get", "field"),
  call("metadata.workSkillGroups.put", "e2e_wsg", {
    name: "E2E skills",
    assignToResource: true,
    addToCapacityCategory: false,
    active: true,
    workSkills: [
      { label: "electrical", ratio: 60 },
      { label: "fiber", ratio: 40 }
    ],
    translations: [{ language: "en", name: "E2E skills" }]
  }),
  call("metadata.workSkillGroups.get", "e2e_wsg"),
  call("metadata.workSkillGroups.delete", "e2e_wsg"),
  call("metadata.workSkillGroups.get", "e2e_wsg"),
  call("metadata.workSkills.list"),
  call("metadata.workSkills.get", "plumbing"),
  call("metadata.workSkills.put", "e2e_skill", {
    name: "E2E skill",
    active: true,
    sharing: "minimal",
    translations: [{ language: "en", name: "E2E skill" }]
  }),
  call("metadata.workSkills.get", "e2e_skill"),
  call("metadata.workSkills.list"),
  call("metadata.workSkills.delete", "e2e_skill"),
  call("metadata.workSkills.get", "e2e_skill"),
  call("metadata.workZoneKey.get"),
  call("metadata.workZones.list"),
  call("metadata.workZones.get", "E2E_ZONE"),
  call("metadata.workZones.get", "E2E_ZONE"),
  call("metadata.workZones.get", "E2E_ZONE"),
  call("metadata.workZones.bulkPut", {
    items: [{ workZoneLabel: "E2E_ZONE_2", workZoneName: "Second", travelArea: "routing_area", keys: ["99902"] }]
  }),
  call("metadata.workZones.get", "E2E_ZONE_2"),
  call("metadata.workZones.populateShapes", {
    URL: "https://example.com/shapes.zip",
    authentication: { type: "none" },
    shapeIdentifierColumn: "ZONE",
    SRID: 4326
  }),
  call("metadata.workZones.get", "NO_SUCH_ZONE"),
  // the e2e calls whose arguments were local values, with labels of their own
  call("metadata.forms.put", "parity_form", {
    content: JSON.stringify({ items: [{ type: "text", label: "notes" }] }),
    translations: [{ language: "en", name: "Parity form" }]
  }),
  call("metadata.forms.get", "parity_form", { language: "en" }),
  call("metadata.forms.delete", "parity_form"),
  call("metadata.linkTemplates.create", "parity_link", link),
  call("metadata.linkTemplates.update", "parity_link", { ...link, active: false }),
  call("metadata.linkTemplates.create", "parity_link", link),
  call("metadata.linkTemplates.get", "parity_link"),
  call("metadata.mapLayers.create", layer),
  call("metadata.mapLayers.put", "parity_layer", { ...layer, status: "inactive" }),
  call("metadata.mapLayers.get", "parity_layer"),
  call("metadata.plugins.import", {
    pluginFile: { data: utf8(pluginXml), contentType: "text/xml", filename: "parity_plugin.xml" }
  }),
  call("metadata.plugins.install", "parity_plugin"),
  call("metadata.routingProfiles.plans.import", "default", { data: plan, filename: "parity_plan.json" }),
  saving("exported", "metadata.routingProfiles.plans.export", "default", "parity_plan"),
  later("metadata.routingProfiles.plans.import", (s) => ["default", { data: s.exported }]),
  later("metadata.routingProfiles.plans.forceImport", (s) => ["default", { data: s.exported }]),
  call("metadata.routingProfiles.plans.start", "default", "parity_plan", "BUCKET_001", "2026-11-02"),
  saving("layers", "metadata.mapLayers.populateLayers", {
    URL: "https://example.com/layers.zip",
    authentication: { type: "none" },
    layerLabel: "parity_layer",
    SRID: 4326
  }),
  later("metadata.mapLayers.populateLayersStatus", (s) => [String(s.layers.downloadId)]),
  call("metadata.workZones.create", zone),
  call("metadata.workZones.create", zone),
  call("metadata.workZones.put", "PARITY_ZONE", { ...zone, workZoneName: "Parity zone renamed" }),
  call("metadata.workZones.bulkUpdate", { items: [{ ...zone, status: "inactive" }] }),
  call("metadata.workZones.get", "PARITY_ZONE"),
  saving("shapes", "metadata.workZones.populateShapes", {
    URL: "https://example.com/shapes.zip",
    authentication: { type: "none" },
    shapeIdentifierColumn: "ZONE",
    SRID: 4326
  }),
  later("metadata.workZones.populateShapesStatus", (s) => [String(s.shapes.downloadId)]),
  call("metadata.workZones.populateShapesStatus", "999999999")
]
