/** Parity table of ofscCore: the e2e suites' calls, in their order. */
import { call, type ParityCall, seeded, seedStart, upcoming } from "./data.js"

/** The calls, in order; later calls may rely on the state earlier ones left. */
export const coreCalls: ReadonlyArray<ParityCall> = [
  call("core.tokenService.requestToken", { grant_type: "client_credentials" }),
  call("core.tokenService.requestTokenV1", { grant_type: "client_credentials" }),
  call("core.tokenService.requestToken", {
    grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
    assertion: "not-a-jwt"
  }),
  call("core.activities.search", { searchInField: "apptNumber", searchForValue: "NO-SUCH-APPT" }),
  call("core.activities.start", 99_999_999, {}),
  call("core.activities.complete", 99_999_999, {}),
  call("core.activities.notDone", 99_999_999, {}),
  call("core.activities.suspend", 99_999_999, {}),
  call("core.activities.cancel", 99_999_999, {}),
  call("core.activities.enroute", 99_999_999),
  call("core.activities.stopTravel", 99_999_999),
  call("core.activities.delay", 99_999_999, { delayMinutes: 5 }),
  call("core.activities.startPrework", 99_999_999, {}),
  call("core.activities.reopen", 99_999_999, { setPositionInRoute: { position: "last" } }),
  call("core.activities.move", 99_999_999, { setDate: { date: upcoming(4) } }),
  call("core.activities.capacityCategories.list", 99_999_999),
  call("core.activities.multidaySegments.list", 99_999_999),
  call("core.activities.submittedForms.list", 99_999_999),
  call("core.activities.customerInventories.list", 99_999_999),
  call("core.activities.linkedActivities.list", "99999999"),
  call("core.activities.requiredInventories.list", "99999999"),
  call("core.activities.resourcePreferences.list", "99999999"),
  call("core.activities.files.get", 99_999_999, "csign"),
  call("core.events.subscriptions.create", {
    subscriptionTitle: "e2e subscription",
    subscriptionConfig: [{ events: ["activityCreated"] }]
  }),
  call("core.events.subscriptions.list"),
  call("core.events.subscriptions.list"),
  call("core.events.subscriptions.create", {
    subscriptionTitle: "e2e activity events",
    subscriptionConfig: [{ events: ["activityCreated", "activityUpdated"] }]
  }),
  call("core.events.list", { subscriptionId: "no-such-subscription" }),
  call("core.dailyExtract.folders"),
  call("core.dailyExtract.files", "1999-01-01"),
  call("core.resources.list", { limit: 100 }),
  call("core.resources.list", { offset: 5, limit: 5 }),
  call("core.resources.stream", {}, { pageSize: 7 }),
  call("core.resources.get", seeded.technician(1)),
  call("core.resources.get", "NO_SUCH_RESOURCE"),
  call("core.resources.children.list", "BUCKET_001"),
  call("core.resources.descendants.list", "ROOT", { limit: 100 }),
  call("core.resources.children.list", "NO_SUCH_RESOURCE"),
  call("core.resources.put", "E2E_TECH", {
    name: "E2E Technician",
    resourceType: "PR",
    parentResourceId: "BUCKET_002",
    status: "active",
    language: "en",
    timeZone: "Eastern",
    email: "e2e@example.com"
  }),
  call("core.resources.get", "E2E_TECH"),
  call("core.resources.update", "E2E_TECH", {
    name: "E2E Technician (renamed)",
    phone: "+15550199"
  }),
  call("core.resources.get", "E2E_TECH"),
  call("core.resources.children.list", "BUCKET_002"),
  call("core.resources.list"),
  call("core.resources.update", "NO_SUCH_RESOURCE", { name: "x" }),
  call("core.resources.resourcesInArea", { lat: 40.2, lng: -74.2, radius: 1000 }),
  call("core.resources.resourcesInArea", { lat: -33.9, lng: 151.2, radius: 1000 }),
  call("core.resources.positionHistory.list", "NO_SUCH_RESOURCE", { date: seedStart }),
  call("core.resources.findNearbyActivities", "NO_SUCH_RESOURCE", { latitude: 45, longitude: -70 }),
  call("core.resources.users.list", "NO_SUCH_RESOURCE"),
  call("core.resources.workSkills.list", "NO_SUCH_RESOURCE"),
  call("core.resources.workZones.list", "NO_SUCH_RESOURCE"),
  call("core.resources.assistants.list", seeded.technician(11), { dateFrom: seedStart }),
  call("core.resources.findMatchingResources", {
    date: seedStart,
    activity: { activityType: "install", latitude: 40.5, longitude: -74.5, duration: 60 },
    criteria: { includeResources: "technicians" },
    limit: 5
  }),
  call("core.resources.findResourcesForUrgentAssignment", {
    activity: { activityType: "repair", latitude: 40.5, longitude: -74.5 }
  }),
  call("core.resources.assistants.list", "NO_SUCH_RESOURCE", { dateFrom: seedStart }),
  call("core.serviceRequests.get", 99_999_999),
  call("core.users.list", { limit: 5 }),
  call("core.users.stream", {}, { pageSize: 6 }),
  call("core.users.get", seeded.user(1)),
  call("core.users.put", "e2e.dispatcher", {
    name: "E2E Dispatcher",
    userType: "technician",
    language: "en",
    timeZone: "Eastern",
    mainResourceId: seeded.technician(14),
    resources: [seeded.technician(14)],
    password: "Secret-123456"
  }),
  call("core.users.get", "e2e.dispatcher"),
  call("core.users.update", "e2e.dispatcher", {
    name: "E2E Dispatcher (renamed)",
    status: "inactive"
  }),
  call("core.users.get", "e2e.dispatcher"),
  call("core.users.list"),
  call("core.users.delete", "e2e.dispatcher"),
  call("core.users.get", "e2e.dispatcher"),
  call("core.users.update", "e2e.dispatcher", { name: "gone" }),
  call("core.users.delete", "e2e.dispatcher"),
  call("core.users.collaborationGroups.list", "no.such.user"),
  call("core.whereIsMyTech.get", { activityId: 99_999_999 }),
  call("core.resources.workSchedules.create", "TECH_00003", {
    recordType: "shift",
    shiftLabel: "e2e_used",
    startDate: "2026-11-02",
    endDate: "2026-11-06",
    recurrence: { recurrenceType: "daily", recurEvery: 1 }
  })
]
