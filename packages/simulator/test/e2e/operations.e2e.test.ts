/**
 * The end-to-end run: every OFS operation of the six API packages, called through the generated
 * services over the real client against a simulator (size small), one simulator per suite. The
 * last test prints the coverage and fails unless every operation was exercised. The suites live in
 * `*.e2e.ts` modules registered from this one file so that the coverage record (a module-level map
 * filled by the recording transport) sees every suite in one process.
 */
import { describe, expect, it } from "vitest"
import { capacityStatisticsSuite } from "./capacity-statistics.e2e.js"
import { collaborationPartsAuthSuite } from "./collaboration-parts-auth.e2e.js"
import { coreActivitiesSuite } from "./core-activities.e2e.js"
import { coreEventsSuite } from "./core-events.e2e.js"
import { coreResourcesSuite } from "./core-resources.e2e.js"
import { coreUsersInventoriesSuite } from "./core-users-inventories.e2e.js"
import { metadataSuite } from "./metadata.e2e.js"
import { coverageReport } from "./support/coverage.js"

metadataSuite()
coreActivitiesSuite()
coreResourcesSuite()
coreUsersInventoriesSuite()
coreEventsSuite()
capacityStatisticsSuite()
collaborationPartsAuthSuite()

describe("e2e coverage", () => {
  it("exercised every one of the 243 operations", () => {
    const report = coverageReport()
    const missing = report.missing.map(({ id, lastFailure }) => `  ${id}${lastFailure ? `: ${lastFailure}` : ""}`)
    console.log(`e2e coverage: ${report.covered}/${report.total}`)
    if (report.onlyExpectedErrors.length > 0) {
      console.log(`exercised only through an expected error: ${report.onlyExpectedErrors.join(", ")}`)
    }
    if (missing.length > 0) console.log(`not exercised:\n${missing.join("\n")}`)
    expect(report.total).toBe(243)
    expect(report.covered, `${missing.length} operations not exercised`).toBe(report.total)
  })
})
