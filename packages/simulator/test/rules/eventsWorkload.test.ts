/**
 * Random workloads of writes against subscriptions with random options: what each subscription reads,
 * poll after poll, equals the simulator's own log filtered by that subscription's config: none
 * missing, none extra, in log order, each event shaped by `fields`. The filter, the monitored fields
 * and the delivered shape are worked out here from the log's records, independently of the
 * simulator's own selection.
 */
import { OfscCore, type OfscError, OfscTransport } from "@ofsc/core"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { SimEvent, SimulatorHandle } from "../../src/index.js"
import { startSimulator } from "../../src/index.js"
import { clientLayer, seeded, testSeed } from "./support.js"

type Json = Record<string, unknown>

/** A generated filter: the text sent to the simulator and the predicate it means. */
interface Filter {
  readonly text: string
  readonly holds: (view: Json) => boolean
}

const lower = (v: unknown) => (v === undefined || v === null ? "" : String(v)).toLowerCase()
const at = (view: Json, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Json)[k] : undefined), view)

const technicians = [...new Set(seeded.activities.map((a) => String(a.resourceId)))].slice(0, 4)
const names = ["Ada", "Grace", "Linus"]
const cities = ["Boston", "Denver"]

const comparison: fc.Arbitrary<Filter> = fc.oneof(
  fc.constantFrom(...technicians).map((t) => ({
    text: `activityDetails.resourceId == '${t}'`,
    holds: (v: Json) => lower(at(v, "activityDetails.resourceId")) === t.toLowerCase()
  })),
  fc.subarray(["pending", "started", "completed", "cancelled"], { minLength: 1 }).map((statuses) => ({
    text: `activityDetails.status IN [${statuses.map((s) => `'${s}'`).join(",")}]`,
    holds: (v: Json) => statuses.includes(lower(at(v, "activityDetails.status")))
  })),
  fc.constantFrom(...names).map((n) => ({
    text: `activityChanges.customerName != '${n.toUpperCase()}'`,
    holds: (v: Json) => lower(at(v, "activityChanges.customerName")) !== n.toLowerCase()
  })),
  fc.constantFrom(...cities).map((c) => ({
    text: `activityDetails.city == '${c}'`,
    holds: (v: Json) => lower(at(v, "activityDetails.city")) === c.toLowerCase()
  }))
)
const filter: fc.Arbitrary<Filter> = fc.oneof(
  comparison,
  fc.tuple(comparison, comparison, fc.constantFrom("and", "or")).map(([a, b, op]) => ({
    text: `(${a.text}) ${op} not (${b.text})`,
    holds: (v: Json) => (op === "and" ? a.holds(v) && !b.holds(v) : a.holds(v) || !b.holds(v))
  }))
)
const activityTypes = ["activityCreated", "activityUpdated", "activityStarted", "activityCompleted", "activityCanceled"]
const configItem = fc.record(
  {
    events: fc.subarray(activityTypes, { minLength: 1 }),
    fields: fc.subarray(["customerName", "city", "apptNumber", "timeSlot"], { minLength: 1 }),
    monitorChanges: fc.subarray(["customerName", "city", "status"], { minLength: 1 }),
    filter
  },
  { requiredKeys: ["events"] }
)

/** One write of the workload. */
type Write =
  | {
      readonly kind: "update"
      readonly activity: number
      readonly field: "customerName" | "city"
      readonly value: string
    }
  | { readonly kind: "action"; readonly activity: number; readonly action: "start" | "complete" | "cancel" }
  | { readonly kind: "create"; readonly resourceId: string; readonly customerName: string }
const pending = seeded.activities.filter((a) => a.status === "pending").map((a) => a.activityId as number)
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant("update" as const),
    activity: fc.constantFrom(...pending.slice(0, 12)),
    field: fc.constantFrom("customerName" as const, "city" as const),
    value: fc.constantFrom(...names, ...cities)
  }),
  fc.record({
    kind: fc.constant("action" as const),
    activity: fc.constantFrom(...pending.slice(0, 12)),
    action: fc.constantFrom("start" as const, "complete" as const, "cancel" as const)
  }),
  fc.record({
    kind: fc.constant("create" as const),
    resourceId: fc.constantFrom(...technicians),
    customerName: fc.constantFrom(...names)
  })
)

type Item = fc.RecordValue<{ events: string[]; fields?: string[]; monitorChanges?: string[]; filter?: Filter }>

/** What the subscription with these items should read from one logged event (independent of the simulator). */
const expected = (items: ReadonlyArray<Item>, event: SimEvent): Json | undefined => {
  const matching = items.filter((i) => i.events.includes(event.eventType))
  if (matching.length === 0 || event.subject === undefined) return undefined
  const { user, ...blocks } = event.fields
  const delivered: Json = { eventType: event.eventType, time: event.time, user, ...blocks }
  const view = { ...delivered, activityDetails: { ...event.subject.record, ...(blocks.activityDetails as Json) } }
  const accepted = matching.some(
    (i) =>
      (i.monitorChanges === undefined || i.monitorChanges.some((f) => event.subject?.changed.includes(f))) &&
      (i.filter === undefined || i.filter.holds(view))
  )
  if (!accepted) return undefined
  const extra: Json = {}
  for (const field of matching.flatMap((i) => i.fields ?? []))
    if (event.subject.record[field] !== undefined) extra[field] = event.subject.record[field]
  return { ...delivered, activityDetails: { ...(blocks.activityDetails as Json), ...extra } }
}

describe("events under random workloads", () => {
  let sim: SimulatorHandle
  beforeAll(async () => {
    sim = await startSimulator({ seed: testSeed, size: "small" })
  })
  afterAll(() => sim.stop())

  const run = <A>(effect: Effect.Effect<A, OfscError, OfscCore | OfscTransport>) =>
    Effect.runPromise(Effect.provide(effect, clientLayer(sim)))

  it("each subscription reads exactly the log filtered by its config, in order, shaped by its fields", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(configItem, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(write, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        async (subscriptionConfigs, writes, limit) => {
          const subscriptions = await run(
            Effect.flatMap(OfscCore, (core) =>
              Effect.forEach(subscriptionConfigs, (items) =>
                core.events.subscriptions.create({
                  subscriptionConfig: items.map((i) => ({
                    events: i.events as never,
                    ...(i.fields !== undefined && { fields: i.fields }),
                    ...(i.monitorChanges !== undefined && { monitorChanges: i.monitorChanges }),
                    ...(i.filter !== undefined && { filterExpression: i.filter.text })
                  }))
                })
              )
            )
          )
          const start = sim.store.lastEventSeq
          await run(
            Effect.flatMap(OfscTransport, ({ raw }) =>
              Effect.forEach(writes, (w) => {
                const base = "/rest/ofscCore/v1/activities"
                const call =
                  w.kind === "update"
                    ? raw("PATCH", `${base}/${w.activity}`, { body: { [w.field]: w.value } })
                    : w.kind === "action"
                      ? raw("POST", `${base}/${w.activity}/custom-actions/${w.action}`, { body: {} })
                      : raw("POST", base, {
                          body: {
                            activityType: "repair",
                            resourceId: w.resourceId,
                            date: seeded.activities[0]?.date,
                            customerName: w.customerName
                          }
                        })
                // an action from the wrong status is refused (409): part of the workload
                return Effect.ignore(call)
              })
            )
          )
          const logged = sim.store.eventsAfter(start, 1_000_000)
          for (const [n, created] of subscriptions.entries()) {
            const items = subscriptionConfigs[n] as ReadonlyArray<Item>
            // read as OFS sends it (the raw answer), poll after poll until one brings nothing
            const read = await run(
              Effect.flatMap(OfscTransport, ({ raw }) =>
                Effect.gen(function* () {
                  const all: Array<unknown> = []
                  let page = created.nextPage ?? ""
                  for (;;) {
                    const query = { subscriptionId: created.subscriptionId ?? "", page, limit }
                    const poll = (yield* raw("GET", "/rest/ofscCore/v1/events", { query })) as {
                      items: Array<unknown>
                      nextPage: string
                    }
                    all.push(...poll.items)
                    page = poll.nextPage
                    if (poll.items.length === 0) return all
                  }
                })
              )
            )
            const want = logged.flatMap((e) => {
              const x = expected(items, e)
              return x === undefined ? [] : [x]
            })
            expect(read).toEqual(want)
          }
          await run(
            Effect.flatMap(OfscCore, (core) =>
              Effect.forEach(subscriptions, (s) => core.events.subscriptions.delete(s.subscriptionId ?? ""))
            )
          )
        }
      ),
      { numRuns: 40 }
    )
  })
})
