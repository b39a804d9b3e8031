/**
 * What OFS sends, kept: answers shaped as OFS sends them decode through the real transport with
 * every key kept and encode back losslessly; answers a model refuses are never thrown away.
 */
import { it } from "@effect/vitest"
import { Effect, Exit, Logger, LogLevel } from "effect"
import { describe, expect } from "vitest"
import { type AnyOperation, CoreOperations, type OfscDecodeError } from "../src/index.js"
import { testOptions, withTransport } from "./support/client.js"
import { roundTripFixture, withoutNulls } from "./support/fixtureAnswers.js"
import { testServer } from "./support/testServer.js"

const bulkBody = {
  updateParameters: { identifyActivityBy: "apptNumber", ifInFinalStatusThen: "doNothing" },
  activities: []
} as const

const fixture = (name: string) => new URL(`./fixtures/ofs-answers/${name}.json`, import.meta.url)

describe("answers as OFS sends them", () => {
  const cases = [
    { name: "core.events.subscriptions.list", op: CoreOperations.eventsSubscriptionsList, input: undefined },
    {
      name: "core.activities.bulkUpdate",
      op: CoreOperations.activitiesBulkUpdate,
      input: { body: bulkBody }
    },
    {
      name: "core.activities.linkedActivities.list",
      op: CoreOperations.activitiesLinkedActivitiesList,
      input: { path: { activityId: "4225599" } }
    }
  ] as const

  for (const c of cases) {
    it.scopedLive(`${c.name}: decoded with every key, encoded back as sent (nulls dropped by design)`, () =>
      Effect.gen(function* () {
        const { sent, decoded, encoded } = yield* roundTripFixture(fixture(c.name), c.op, (url) =>
          withTransport(testOptions(url), (t) => t.call(c.op as AnyOperation, c.input as never))
        )
        expect(decoded).toEqual(withoutNulls(sent))
        expect(encoded).toEqual(withoutNulls(sent))
      })
    )
  }

  it.scopedLive("bulkUpdate results carry integer activity ids", () =>
    Effect.gen(function* () {
      const op = CoreOperations.activitiesBulkUpdate
      const { decoded } = yield* roundTripFixture(fixture("core.activities.bulkUpdate"), op, (url) =>
        withTransport(testOptions(url), (t) => t.call(op, { body: bulkBody }))
      )
      const ids = (decoded as { results: Array<{ activityKeys: { activityId: unknown } }> }).results.map(
        (r) => r.activityKeys.activityId
      )
      expect(ids).toEqual([4225599, 4225312, 4225001])
    })
  )
})

/** A linked-activities answer missing the required `fromActivityId`, with a wrong `linkType` and a null. */
const sparse = { items: [{ toActivityId: 2, linkType: 42, alerts: null }] }

/** Runs `f` with a transport under `policy`, collecting what is logged at Warning and above. */
const underPolicy = <A, E>(url: string, policy: "fail" | "warn", f: Parameters<typeof withTransport<A, E>>[1]) => {
  const warnings: Array<{ message: unknown; annotations: Record<string, unknown> }> = []
  const collect = Logger.make(({ message, annotations, logLevel }) => {
    if (LogLevel.greaterThanEqual(logLevel, LogLevel.Warning)) {
      warnings.push({ message, annotations: Object.fromEntries(annotations) })
    }
  })
  return withTransport(testOptions(url, { decodePolicy: policy }), f).pipe(
    Effect.provide(Logger.replace(Logger.defaultLogger, collect)),
    Effect.exit,
    Effect.map((exit) => ({ exit, warnings }))
  )
}

describe("decodePolicy", () => {
  it.scopedLive('"warn" hands back a refused answer as sent, with exactly one warning', () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: sparse }))
      const { exit, warnings } = yield* underPolicy(server.url, "warn", (t) =>
        t.call(CoreOperations.activitiesLinkedActivitiesList, { path: { activityId: "1" } })
      )
      expect(exit).toEqual(Exit.succeed(sparse))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]?.annotations).toMatchObject({
        operation: "core.activities.linkedActivities.list",
        status: 200,
        issues: expect.stringContaining("items.0.fromActivityId: is missing")
      })
    })
  )

  it.scopedLive('"fail" (the default) fails with OfscDecodeError carrying the body and a readable message', () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ json: sparse }))
      const { exit, warnings } = yield* underPolicy(server.url, "fail", (t) =>
        t.call(CoreOperations.activitiesLinkedActivitiesList, { path: { activityId: "1" } })
      )
      expect(warnings).toEqual([])
      if (!Exit.isFailure(exit) || exit.cause._tag !== "Fail") throw new Error("expected a failure")
      const error = exit.cause.error as OfscDecodeError
      expect(error._tag).toBe("OfscDecodeError")
      // the answer as sent, nulls included
      expect(error.body).toEqual(sparse)
      expect(error.issues).toEqual([
        { path: ["items", 0, "fromActivityId"], message: "is missing" },
        { path: ["items", 0, "linkType"], message: "expected string, got 42" }
      ])
      expect(error.message).toContain("items.0.linkType: expected string, got 42")
      expect(error.message).not.toMatch(/undefined|null/)
    })
  )

  it.scopedLive("an answer that is not JSON fails under either policy, its text kept", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ text: "<html>gateway</html>" }))
      const { exit, warnings } = yield* underPolicy(server.url, "warn", (t) =>
        t.call(CoreOperations.activitiesLinkedActivitiesList, { path: { activityId: "1" } })
      )
      expect(warnings).toEqual([])
      if (!Exit.isFailure(exit) || exit.cause._tag !== "Fail") throw new Error("expected a failure")
      expect(exit.cause.error).toMatchObject({ _tag: "OfscDecodeError", body: "<html>gateway</html>" })
    })
  )
})

describe("successes the spec leaves untyped", () => {
  const install = (url: string) =>
    withTransport(testOptions(url), (t) =>
      t.call(CoreOperations.inventoriesInstall, { path: { inventoryId: 21 }, body: { activityId: 4225599 } })
    )

  it.scopedLive("a body is handed back as parsed JSON", () =>
    Effect.gen(function* () {
      const answer = { inventoryId: 21, status: "installed", activityId: 4225599, XA_SERIAL: "SN-1" }
      const server = yield* testServer(() => ({ json: answer }))
      expect(yield* install(server.url)).toEqual(answer)
    })
  )

  it.scopedLive("a 204, or a 200 without a body, is undefined", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => ({ status: 204 }))
      expect(yield* install(server.url)).toBeUndefined()
      server.handle(() => ({ status: 200 }))
      expect(yield* install(server.url)).toBeUndefined()
    })
  )

  it.scopedLive("every 200 the spec leaves without a schema is untyped, none is dropped", () =>
    Effect.sync(() => {
      const untyped = CoreOperations.operations.filter((op) => op.success.kind === "untyped").map((op) => op.id)
      expect(untyped.sort()).toEqual([
        "core.inventories.deinstall",
        "core.inventories.install",
        "core.inventories.undoDeinstall",
        "core.inventories.undoInstall",
        "core.resources.inventories.install",
        "core.users.delete"
      ])
    })
  )
})
