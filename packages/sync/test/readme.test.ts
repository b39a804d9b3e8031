// The timeouts table is written twice, for the readers of each package: the two must not drift.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

/** The "## Timeouts" section of a README, up to the next heading of its level. */
const timeoutsSection = (readme: URL): string => {
  const text = readFileSync(readme, "utf8")
  const start = text.indexOf("\n## Timeouts\n")
  expect(start).toBeGreaterThan(-1)
  const end = text.indexOf("\n## ", start + 1)
  return text.slice(start, end === -1 ? undefined : end).trim()
}

describe("the timeouts table", () => {
  it("is the same in the @ofsc/core and the @ofsc/sync README, and names every option", () => {
    const core = timeoutsSection(new URL("../../core/README.md", import.meta.url))
    const sync = timeoutsSection(new URL("../README.md", import.meta.url))
    expect(sync).toBe(core)
    for (const name of [
      "attemptTimeout",
      "OFSC_ATTEMPT_TIMEOUT_MS",
      "attemptTimeoutMs",
      "callTimeoutMs",
      "bootTimeoutMs"
    ])
      expect(core).toContain(`\`${name}\``)
    for (const deprecated of ["timeout", "OFSC_TIMEOUT_MS", "requestTimeoutMs", "timeoutMs"])
      expect(core).toContain(`\`${deprecated}\``)
  })
})
