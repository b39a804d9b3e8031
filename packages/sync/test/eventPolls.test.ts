// The events polls through the blocking client, from dist/: an iterator of polls that continues
// exactly where a stored `nextPage` says, and a gone subscription thrown as OfscSubscriptionExpired.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOfscSync, OfscSubscriptionExpired } from "../dist/index.js"
import { type SimProcess, simulatorSyncOptions, startSimulatorProcess } from "./support/simulator.js"

let sim: SimProcess
beforeAll(async () => {
  sim = await startSimulatorProcess(20_261_211)
})
afterAll(() => sim?.child.kill())

/** A day two days from now (UTC), where new activities may be scheduled. */
const soon = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)

/** The customerName each update event carries. */
const names = (poll: { readonly items: ReadonlyArray<unknown> }) =>
  poll.items.map((e) => (e as { activityChanges?: { customerName?: string } }).activityChanges?.customerName)

describe("core.events.polls, blocking", () => {
  it("iterates polls; from a stored nextPage it brings exactly what came after; a deleted subscription throws", () => {
    const ofs = createOfscSync(simulatorSyncOptions(sim))
    try {
      const { subscriptionId, nextPage: start } = ofs.core.events.subscriptions.create({
        subscriptionConfig: [{ events: ["activityUpdated"] }]
      })
      const id = subscriptionId as string
      const activity = ofs.core.activities.create({ resourceId: "TECH_00003", date: soon(), activityType: "install" })
      const update = (name: string) => ofs.core.activities.update(activity.activityId as number, { customerName: name })
      for (const n of [0, 1, 2, 3, 4]) update(`sync-${n}`)

      const polls = [...ofs.core.events.polls(id, { from: start, limit: 2 })]
      expect(polls.map(names)).toEqual([["sync-0", "sync-1"], ["sync-2", "sync-3"], ["sync-4"], []])
      expect(polls.map((p) => p.page)).toEqual([start, ...polls.slice(0, -1).map((p) => p.nextPage)])

      update("sync-5")
      const stored = polls[polls.length - 1]?.nextPage
      expect([...ofs.core.events.polls(id, { from: stored })].map(names)).toEqual([["sync-5"], []])

      ofs.core.events.subscriptions.delete(id)
      expect(() => [...ofs.core.events.polls(id, { from: start })]).toThrow(OfscSubscriptionExpired)
    } finally {
      ofs.close()
    }
  })
})
